package org.textclf.branch;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.textclf.batch.SequenceBatch;
import org.textclf.batch.Vectorizer;
import org.textclf.config.BranchConfig;
import org.textclf.config.SepCnnBranchConfig;
import org.textclf.data.Labels;
import org.textclf.explore.ModelChoice;
import org.textclf.feed.CacheKey;
import org.textclf.nn.AdamConfig;
import org.textclf.nn.Network;
import org.textclf.nn.SepCnn;
import org.textclf.nn.SepCnnConfig;
import org.textclf.text.SequenceVectorizer;
import org.textclf.text.WordVectors;

/**
 * The guide's sequence model ({@code sepcnn}): the most frequent words as ids, a separable CNN, from pretrained
 * word vectors when given (trained frozen to early stopping, then fine-tuned). Its network section: int32 format
 * (1), int32 blocks, filters, kernel size, pool size, float32 dropout rate, int32 embedding width, vocabulary,
 * classes, bool pretrained embedding, bool embedding trainable, then the parameters ({@link ParameterCodec}).
 */
final class SepCnnBranch implements ModelBranch<SequenceBatch> {
    static final String NAME = "sepcnn";
    private static final int NETWORK_FORMAT = 1;
    /** The most token ids a model file may declare: far beyond any vocabulary, far below an array's limit. */
    private static final int MAX_VOCABULARY = 1 << 26;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "the guide's separable CNN on word sequences, from pretrained embeddings when given";
    }

    @Override
    public Class<SepCnnBranchConfig> configType() {
        return SepCnnBranchConfig.class;
    }

    @Override
    public BranchConfig defaults() {
        return SepCnnBranchConfig.DEFAULTS;
    }

    /** See {@link SepCnnBranchConfig#DEFAULT_BATCH_SIZE}. */
    @Override
    public int defaultBatchSize() {
        return SepCnnBranchConfig.DEFAULT_BATCH_SIZE;
    }

    /**
     * Two: the sepCNN's steps are long and compute-bound (1.5x faster on two threads on this project's 2 cores).
     * Two, not one per core: the sepCNN sums its threads' gradients, so its results follow the thread count (to
     * float rounding), and a default must give the same figures on every machine.
     */
    @Override
    public int defaultStepThreads() {
        return 2;
    }

    @Override
    public void fitKey(BranchConfig config, CacheKey.Builder key) {
        SepCnnBranchConfig c = config(config);
        key.put("vectorizer_format", "sequence " + SequenceVectorizer.FORMAT_VERSION).fields("sequence", c.sequence())
                .put("embeddings", c.embeddings() != null);
    }

    @Override
    public Optional<Fitted<SequenceBatch>> fit(BranchConfig config, FitContext context) throws IOException {
        SequenceVectorizer vectorizer = SequenceVectorizer.fit(context.progress().watch(context.train(),
                "vocabulary"), context.labels(), config(config).sequence(), context.progress()::line);
        return Optional.of(new Fitted<>(this, config, vectorizer.labels(), vectorizer,
                vectorizer.fitReport().documents(), null, null));
    }

    /** The embeddings decision, then the vectorizer. */
    @Override
    public void writeFitted(Fitted<SequenceBatch> fitted, DataOutputStream out) throws IOException {
        out.writeBoolean(config(fitted.config()).embeddings() != null);
        ((SequenceVectorizer) fitted.vectorizer()).write(out);
    }

    @Override
    public Fitted<SequenceBatch> readFitted(DataInputStream in, BranchConfig config, Labels labels)
            throws IOException {
        boolean useEmbeddings = in.readBoolean();
        SepCnnBranchConfig c = config(config);
        return Fitted.of(this, useEmbeddings ? c : c.withEmbeddings(null), labels,
                SequenceVectorizer.read(in, in.available()));
    }

    @Override
    public FittedModel<SequenceBatch> newModel(Fitted<SequenceBatch> fitted, long seed, Consumer<String> log)
            throws IOException {
        SepCnnBranchConfig c = config(fitted.config());
        SequenceVectorizer vectorizer = (SequenceVectorizer) fitted.vectorizer();
        int classes = fitted.labels().size();
        SepCnn network;
        if (c.embeddings() != null) {
            WordVectors vectors = WordVectors.read(c.embeddings(), vectorizer, seed, log);
            SepCnnConfig s = c.sepCnn();
            // The embedding's width is the file's, whatever --embedding-dim says.
            SepCnnConfig config = new SepCnnConfig(s.blocks(), s.filters(), s.kernelSize(), s.poolSize(),
                    s.dropoutRate(), vectors.dim());
            network = SepCnn.withEmbeddings(config, vectors.matrix(), vectorizer.vocabulary(), classes, seed);
        } else {
            network = SepCnn.create(c.sepCnn(), vectorizer.vocabulary(), classes, seed);
        }
        return model(fitted.labels(), vectorizer, network);
    }

    /** Frozen, then fine-tuned, for a pretrained embedding; one phase otherwise. */
    @Override
    public List<Phase> phases(FittedModel<SequenceBatch> model, BranchConfig config, AdamConfig adam) {
        SepCnn network = (SepCnn) model.network();
        if (!network.pretrained()) {
            return List.of(new Phase(adam, null, () -> network.setEmbeddingTrainable(true)));
        }
        AdamConfig fineTune = adam.withLearningRate(config(config).fineTuneLearningRate());
        return List.of(new Phase(adam, null, () -> network.setEmbeddingTrainable(false)),
                new Phase(fineTune, "fine-tuning: the pretrained embedding learns too now, at learning rate "
                        + fineTune.learningRate(), () -> network.setEmbeddingTrainable(true)));
    }

    /** The second phase when the embedding already learns: the checkpoint holds the network as it was trained. */
    @Override
    public int resumedPhase(FittedModel<SequenceBatch> model, List<Phase> phases) {
        return phases.size() > 1 && ((SepCnn) model.network()).isEmbeddingTrainable() ? 1 : 0;
    }

    @Override
    public BranchConfig chosen(BranchConfig config, ModelChoice choice, Consumer<String> log) {
        SepCnnBranchConfig c = config(config);
        if (choice.useEmbeddings() && c.embeddings() == null) {
            log.accept("the guide starts this sepCNN from pretrained word embeddings; give them with"
                    + " --embeddings FILE (learning them from scratch now)");
        } else if (!choice.useEmbeddings() && c.embeddings() != null) {
            log.accept("not using " + c.embeddings() + ": with this many samples the guide learns the"
                    + " embedding from scratch");
            return c.withEmbeddings(null);
        }
        return c;
    }

    @Override
    public void notChosen(BranchConfig config, Consumer<String> log) {
        SepCnnBranchConfig c = config(config);
        if (c.embeddings() != null) {
            log.accept("not using " + c.embeddings() + ": pretrained embeddings are for the sepCNN");
        }
    }

    @Override
    public Optional<FittedModel<SequenceBatch>> model(Labels labels, Vectorizer<?> vectorizer,
            Network<?> network) {
        return vectorizer instanceof SequenceVectorizer v && network instanceof SepCnn n
                ? Optional.of(model(labels, v, n)) : Optional.empty();
    }

    private FittedModel<SequenceBatch> model(Labels labels, SequenceVectorizer vectorizer, SepCnn network) {
        return new FittedModel<>(this, labels, vectorizer, SequenceBatch.rows(vectorizer.vocabulary()), network);
    }

    @Override
    public void writeVectorizer(FittedModel<SequenceBatch> model, DataOutputStream out) throws IOException {
        ((SequenceVectorizer) model.vectorizer()).write(out);
    }

    @Override
    public void writeNetwork(FittedModel<SequenceBatch> model, DataOutputStream out) throws IOException {
        SepCnn network = (SepCnn) model.network();
        SepCnnConfig c = network.config();
        out.writeInt(NETWORK_FORMAT);
        out.writeInt(c.blocks());
        out.writeInt(c.filters());
        out.writeInt(c.kernelSize());
        out.writeInt(c.poolSize());
        out.writeFloat(c.dropoutRate());
        out.writeInt(c.embeddingDim());
        out.writeInt(network.vocabulary());
        out.writeInt(network.classes());
        out.writeBoolean(network.pretrained());
        out.writeBoolean(network.isEmbeddingTrainable());
        ParameterCodec.write(out, network.parameters());
    }

    @Override
    public FittedModel<SequenceBatch> readModel(Labels labels, Sections sections, Path path) throws IOException {
        SequenceVectorizer vectorizer;
        try (DataInputStream in = sections.open(VECTORIZER)) {
            vectorizer = SequenceVectorizer.read(in, in.available());
        }
        SepCnn network;
        try (DataInputStream in = sections.open(NETWORK)) {
            ParameterCodec.checkFormat(in.readInt(), NETWORK_FORMAT, path);
            SepCnnConfig config = new SepCnnConfig(in.readInt(), in.readInt(), in.readInt(), in.readInt(),
                    in.readFloat(), in.readInt());
            int vocabulary = ParameterCodec.checkCount(in.readInt(), 1, MAX_VOCABULARY, "vocabulary", path);
            int classes = in.readInt();
            ParameterCodec.checkConsistent(path, labels.size(), classes, vectorizer.vocabulary(), vocabulary,
                    "words");
            ParameterCodec.checkRoom(config.parameterValues(vocabulary, classes), in.available(), path);
            boolean pretrained = in.readBoolean();
            network = pretrained
                    ? SepCnn.withEmbeddings(config, new float[vocabulary * config.embeddingDim()], vocabulary,
                            classes, 0)
                    : SepCnn.create(config, vocabulary, classes, 0);
            network.setEmbeddingTrainable(in.readBoolean());
            ParameterCodec.read(in, network.parameters(), path);
        }
        return model(labels, vectorizer, network);
    }

    @Override
    public Map<String, Object> describe(FittedModel<SequenceBatch> model, BranchConfig config) {
        SepCnn network = (SepCnn) model.network();
        SepCnnConfig c = network.config(); // the embedding's width is the pretrained vectors' when there are any
        Map<String, Object> parameters = describeVectorizer(model);
        parameters.put("blocks", c.blocks());
        parameters.put("filters", c.filters());
        parameters.put("kernel_size", c.kernelSize());
        parameters.put("pool_size", c.poolSize());
        parameters.put("dropout", c.dropoutRate());
        parameters.put("embedding_dim", c.embeddingDim());
        if (network.pretrained() && config instanceof SepCnnBranchConfig given && given.embeddings() != null) {
            parameters.put("embeddings", given.embeddings().toString());
            parameters.put("fine_tune_learning_rate", given.fineTuneLearningRate());
        }
        return parameters;
    }

    @Override
    public Map<String, Object> describeVectorizer(FittedModel<SequenceBatch> model) {
        SequenceVectorizer vectorizer = (SequenceVectorizer) model.vectorizer();
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("max_words", vectorizer.config().maxWords());
        parameters.put("max_length", vectorizer.config().maxLength());
        return parameters;
    }

    @Override
    public int features(FittedModel<SequenceBatch> model) {
        return ((SequenceVectorizer) model.vectorizer()).vocabulary();
    }

    private static SepCnnBranchConfig config(BranchConfig config) {
        return Branches.expect(SepCnnBranchConfig.class, config, NAME);
    }
}
