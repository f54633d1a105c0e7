package org.textclf.cli;

import java.nio.file.Path;
import org.textclf.nn.SepCnnConfig;
import org.textclf.text.SequenceConfig;
import picocli.CommandLine.Option;

/** {@code train}'s options for the sequence branch: the vocabulary, the sepCNN, pretrained embeddings. */
final class SequenceOptions {

    @Option(names = "--max-words", converter = Ranges.MaxWords.class, defaultValue = "" + SequenceConfig.DEFAULT_MAX_WORDS,
            description = "sepcnn: the most frequent words kept; others map to one out-of-vocabulary id (default:"
                    + " ${DEFAULT-VALUE}).")
    int maxWords;

    @Option(names = "--max-length", converter = Ranges.AtLeastOne.class, defaultValue = "" + SequenceConfig.DEFAULT_MAX_LENGTH,
            description = "sepcnn: longer samples keep their last this many words, as Keras' pad_sequences"
                    + " (default: ${DEFAULT-VALUE}).")
    int maxLength;

    @Option(names = "--blocks", converter = Ranges.AtLeastOne.class, defaultValue = "" + SepCnnConfig.DEFAULT_BLOCKS,
            description = "sepcnn: blocks of two separable convolutions (default: ${DEFAULT-VALUE}).")
    int blocks;

    @Option(names = "--filters", converter = Ranges.AtLeastOne.class, defaultValue = "" + SepCnnConfig.DEFAULT_FILTERS,
            description = "sepcnn: filters of the first blocks; the last has twice as many (default:"
                    + " ${DEFAULT-VALUE}).")
    int filters;

    @Option(names = "--kernel-size", converter = Ranges.AtLeastOne.class, defaultValue = "" + SepCnnConfig.DEFAULT_KERNEL_SIZE,
            description = "sepcnn: convolution width in words (default: ${DEFAULT-VALUE}).")
    int kernelSize;

    @Option(names = "--pool-size", converter = Ranges.AtLeastOne.class, defaultValue = "" + SepCnnConfig.DEFAULT_POOL_SIZE,
            description = "sepcnn: max pooling width after each block but the last (default: ${DEFAULT-VALUE}).")
    int poolSize;

    @Option(names = "--embedding-dim", converter = Ranges.AtLeastOne.class, defaultValue = "" + SepCnnConfig.DEFAULT_EMBEDDING_DIM,
            description = "sepcnn: embedding width when learned from scratch; pretrained vectors bring their own"
                    + " (default: ${DEFAULT-VALUE}).")
    int embeddingDim;

    @Option(names = "--embeddings", paramLabel = "FILE",
            description = "sepcnn: pretrained word vectors (fastText .vec or GloVe .txt, gzip too), trained frozen"
                    + " to early stopping, then fine-tuned. With --model auto, used when S/W < 15,000.")
    Path embeddings;

    @Option(names = "--fine-tune-learning-rate", paramLabel = "RATE", converter = Ranges.Positive.class,
            defaultValue = "" + org.textclf.config.SepCnnBranchConfig.DEFAULT_FINE_TUNE_LEARNING_RATE,
            description = "sepcnn: Adam's learning rate once pretrained embeddings are unfrozen (default:"
                    + " ${DEFAULT-VALUE}).")
    float fineTuneLearningRate;

    SequenceConfig sequence() {
        return SequenceConfig.builder().maxWords(maxWords).maxLength(maxLength).build();
    }

    SepCnnConfig sepCnn(float dropout) {
        return SepCnnConfig.builder().blocks(blocks).filters(filters).kernelSize(kernelSize).poolSize(poolSize)
                .dropoutRate(dropout).embeddingDim(embeddingDim).build();
    }
}
