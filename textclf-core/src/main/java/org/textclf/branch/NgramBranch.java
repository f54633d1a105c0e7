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
import org.textclf.batch.SparseBatch;
import org.textclf.batch.Vectorizer;
import org.textclf.config.BranchConfig;
import org.textclf.config.MlpBranchConfig;
import org.textclf.data.Labels;
import org.textclf.feed.CacheKey;
import org.textclf.feed.ExampleSpill;
import org.textclf.nn.Network;
import org.textclf.text.NgramConfig;
import org.textclf.text.NgramVectorizer;

/**
 * What the branches on n-gram tf-idf features share, so that each says only what its network is: the streaming fit
 * (whose second pass spills the training rows, from which the training cache is built instead of from the text once
 * more), its cache key and cached form, the {@code vectorizer} section, the vectorizer's provenance, the guide's
 * batch size and one step thread. Its network section starts with an int32 format (1), then the subclass' header.
 *
 * @param <N> the network this branch trains
 */
abstract class NgramBranch<N extends Network<SparseBatch>> implements ModelBranch<SparseBatch> {
    private static final int NETWORK_FORMAT = 1;
    private final Class<N> networkType;

    NgramBranch(Class<N> networkType) {
        this.networkType = networkType;
    }

    /** The n-gram settings in this branch's configuration. */
    abstract NgramConfig ngram(BranchConfig config);

    /** A new network for {@code features} inputs and {@code classes} outputs, from this branch's configuration. */
    abstract N newNetwork(BranchConfig config, int features, int classes, long seed);

    /** The network section after its format: the header (its shape), then the parameters. */
    abstract void writeNetwork(N network, DataOutputStream out) throws IOException;

    /** Reads what {@link #writeNetwork(Network, DataOutputStream)} wrote, checking it against the vectorizer. */
    abstract N readNetwork(DataInputStream in, Labels labels, NgramVectorizer vectorizer, Path path)
            throws IOException;

    /** The network's hyperparameters for the provenance. */
    abstract void describe(N network, Map<String, Object> parameters);

    /** The guide's batch size. */
    @Override
    public int defaultBatchSize() {
        return MlpBranchConfig.DEFAULT_BATCH_SIZE;
    }

    /**
     * One: the steps are so short (~2 ms for the MLP at IMDB shape, 0.35 ms for logistic regression) that the second
     * core is better spent reading and vectorizing ahead (IMDB end to end 7.9-8.3 s on one thread, 8.4-8.5 s on two,
     * with the MLP; README, "Performance").
     */
    @Override
    public int defaultStepThreads() {
        return 1;
    }

    @Override
    public void fitKey(BranchConfig config, CacheKey.Builder key) {
        key.put("vectorizer_format", "ngram " + NgramVectorizer.FORMAT_VERSION).fields("ngram", ngram(config));
    }

    /** Fits the vectorizer, keeping the training rows its second pass computes; empty when the first pass stopped. */
    @Override
    public Optional<Fitted<SparseBatch>> fit(BranchConfig config, FitContext context) throws IOException {
        ExampleSpill rows = ExampleSpill.create(context.tempDir());
        try {
            Optional<NgramVectorizer> fitted = NgramVectorizer.fit(
                    context.progress().watch(context.train(), "vectorizer fit"), context.labels(), ngram(config),
                    context.progress()::line, context.firstPass(), context.tempDir(), rows);
            if (fitted.isEmpty()) {
                rows.close();
                return Optional.empty();
            }
            NgramVectorizer vectorizer = fitted.get();
            return Optional.of(new Fitted<>(this, config, vectorizer.labels(), vectorizer,
                    vectorizer.fitReport().documents(), rows.finished() ? vectorizer.examples(rows) : null, rows));
        } catch (IOException | RuntimeException | Error e) {
            rows.close();
            throw e;
        }
    }

    @Override
    public void writeFitted(Fitted<SparseBatch> fitted, DataOutputStream out) throws IOException {
        ((NgramVectorizer) fitted.vectorizer()).write(out);
    }

    @Override
    public Fitted<SparseBatch> readFitted(DataInputStream in, BranchConfig config, Labels labels)
            throws IOException {
        return Fitted.of(this, config, labels, NgramVectorizer.read(in, in.available()));
    }

    @Override
    public FittedModel<SparseBatch> newModel(Fitted<SparseBatch> fitted, long seed, Consumer<String> log) {
        NgramVectorizer vectorizer = (NgramVectorizer) fitted.vectorizer();
        return model(fitted.labels(), vectorizer, newNetwork(fitted.config(), vectorizer.features(),
                fitted.labels().size(), seed));
    }

    @Override
    public Optional<FittedModel<SparseBatch>> model(Labels labels, Vectorizer<?> vectorizer, Network<?> network) {
        return vectorizer instanceof NgramVectorizer v && networkType.isInstance(network)
                ? Optional.of(model(labels, v, networkType.cast(network))) : Optional.empty();
    }

    private FittedModel<SparseBatch> model(Labels labels, NgramVectorizer vectorizer, N network) {
        return new FittedModel<>(this, labels, vectorizer, SparseBatch.rows(vectorizer.features()), network);
    }

    @Override
    public void writeVectorizer(FittedModel<SparseBatch> model, DataOutputStream out) throws IOException {
        ((NgramVectorizer) model.vectorizer()).write(out);
    }

    @Override
    public void writeNetwork(FittedModel<SparseBatch> model, DataOutputStream out) throws IOException {
        out.writeInt(NETWORK_FORMAT);
        writeNetwork(networkType.cast(model.network()), out);
    }

    @Override
    public FittedModel<SparseBatch> readModel(Labels labels, Sections sections, Path path) throws IOException {
        NgramVectorizer vectorizer;
        try (DataInputStream in = sections.open(VECTORIZER)) {
            vectorizer = NgramVectorizer.read(in, in.available());
        }
        N network;
        try (DataInputStream in = sections.open(NETWORK)) {
            ParameterCodec.checkFormat(in.readInt(), NETWORK_FORMAT, path);
            network = readNetwork(in, labels, vectorizer, path);
        }
        return model(labels, vectorizer, network);
    }

    /** The vectorizer's settings, then the network's. */
    @Override
    public Map<String, Object> describe(FittedModel<SparseBatch> model, BranchConfig config) {
        Map<String, Object> parameters = describeVectorizer(model);
        describe(networkType.cast(model.network()), parameters);
        return parameters;
    }

    @Override
    public Map<String, Object> describeVectorizer(FittedModel<SparseBatch> model) {
        NgramConfig c = ((NgramVectorizer) model.vectorizer()).config();
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("ngram_range", List.of(c.ngramMin(), c.ngramMax()));
        parameters.put("min_df", c.minDocumentFrequency());
        parameters.put("top_features", c.topK());
        parameters.put("sublinear_tf", c.sublinearTf());
        parameters.put("token_pattern", c.tokenPattern().cliName());
        return parameters;
    }

    @Override
    public int features(FittedModel<SparseBatch> model) {
        return ((NgramVectorizer) model.vectorizer()).features();
    }
}
