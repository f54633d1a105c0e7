package org.textclf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;
import org.textclf.explore.ModelChoice;
import org.textclf.nn.SepCnn;
import org.textclf.nn.SepCnnConfig;

/**
 * Where a model came from, kept in its file: the textclf that trained it, when, which branch of the guide, the
 * classes, the parameters, the input files (with sizes and checksums, so a model can be traced to its exact data)
 * and the final metrics.
 *
 * @param textclfVersion the version that wrote the model
 * @param created when training finished, ISO-8601
 * @param model the branch: {@code mlp} (n-gram tf-idf + MLP) or {@code sepcnn} (word sequences + sepCNN)
 * @param labels the raw labels, in class-id order
 * @param classNames the display names, in class-id order
 * @param parameters the training options, by name
 * @param inputs the data files read
 * @param metrics final metrics by name (best epoch, val_loss, test_accuracy, ...)
 */
public record ModelInfo(String textclfVersion, String created, String model, List<String> labels,
        List<String> classNames, Map<String, Object> parameters, List<InputFile> inputs, Map<String, Double> metrics) {
    public static final String VERSION = "0.1.0";
    /** The n-gram branch: tf-idf of word uni+bigrams and an MLP. */
    public static final String MLP = ModelChoice.MLP;
    /** The sequence branch: word ids and a separable CNN. */
    public static final String SEPCNN = ModelChoice.SEPCNN;

    public ModelInfo {
        labels = List.copyOf(labels);
        classNames = List.copyOf(classNames);
        parameters = Map.copyOf(parameters);
        inputs = List.copyOf(inputs);
        metrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /** One input file: its role (train, validation, test), path, size and CRC32C. */
    public record InputFile(String role, String path, long bytes, String crc32c) {

        /** Describes {@code path} as it is now, reading it once for the checksum; a folder gets no checksum. */
        public static InputFile of(String role, Path path) throws IOException {
            if (Files.isDirectory(path)) {
                return new InputFile(role, path.toString(), 0, "");
            }
            CRC32C crc = new CRC32C();
            byte[] buffer = new byte[1 << 16];
            long bytes = 0;
            try (InputStream in = Files.newInputStream(path)) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    crc.update(buffer, 0, n);
                    bytes += n;
                }
            }
            return new InputFile(role, path.toString(), bytes, String.format("%08x", crc.getValue()));
        }
    }

    static ModelInfo of(TextClassifier classifier, TrainOptions options, List<InputFile> inputs,
            Map<String, Double> metrics) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (classifier.pipeline().network() instanceof SepCnn network) {
            SepCnnConfig c = network.config(); // the embedding's width is the pretrained vectors' when there are any
            parameters.put("max_words", options.sequence().maxWords());
            parameters.put("max_length", options.sequence().maxLength());
            parameters.put("blocks", c.blocks());
            parameters.put("filters", c.filters());
            parameters.put("kernel_size", c.kernelSize());
            parameters.put("pool_size", c.poolSize());
            parameters.put("dropout", c.dropoutRate());
            parameters.put("embedding_dim", c.embeddingDim());
            if (network.pretrained()) {
                parameters.put("embeddings", options.embeddings().toString());
                parameters.put("fine_tune_learning_rate", options.fineTuneLearningRate());
            }
        } else {
            parameters.put("ngram_range", List.of(options.ngram().ngramMin(), options.ngram().ngramMax()));
            parameters.put("min_df", options.ngram().minDocumentFrequency());
            parameters.put("top_features", options.ngram().topK());
            parameters.put("layers", options.mlp().layers());
            parameters.put("units", options.mlp().units());
            parameters.put("dropout", options.mlp().dropoutRate());
        }
        parameters.put("learning_rate", options.adam().learningRate());
        parameters.put("batch_size", options.batchSize(classifier.model()));
        parameters.put("epochs", options.epochs());
        parameters.put("patience", options.patience());
        parameters.put("monitor", options.monitor().key());
        parameters.put("validation_fraction", options.validationFraction());
        parameters.put("seed", options.seed());
        parameters.put("shuffle", options.shuffle());
        return new ModelInfo(VERSION, Instant.now().toString(), classifier.model(), classifier.labels().rawLabels(),
                classifier.labels().names(), parameters, inputs, metrics);
    }
}
