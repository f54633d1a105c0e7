package org.textclf.branch;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.textclf.batch.SparseBatch;
import org.textclf.batch.Vectorizer;
import org.textclf.config.BranchConfig;
import org.textclf.config.MlpBranchConfig;
import org.textclf.data.Labels;
import org.textclf.feed.CacheKey;
import org.textclf.nn.Mlp;
import org.textclf.nn.MlpConfig;
import org.textclf.nn.Network;
import org.textclf.text.NgramVectorizer;

/**
 * The guide's n-gram model ({@code mlp}): tf-idf of word uni+bigrams, the top features by ANOVA F, an MLP. Its
 * network section: int32 format (1), int32 layers, int32 units, float32 dropout rate, int32 features, int32
 * classes, then the parameters ({@link ParameterCodec}).
 */
final class MlpBranch implements ModelBranch<SparseBatch> {
    static final String NAME = "mlp";
    private static final int NETWORK_FORMAT = 1;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "the guide's n-gram MLP: tf-idf of word uni+bigrams, top features by ANOVA F, dense layers";
    }

    @Override
    public Class<MlpBranchConfig> configType() {
        return MlpBranchConfig.class;
    }

    @Override
    public BranchConfig defaults() {
        return MlpBranchConfig.DEFAULTS;
    }

    /** The guide's batch size. */
    @Override
    public int defaultBatchSize() {
        return MlpBranchConfig.DEFAULT_BATCH_SIZE;
    }

    /**
     * One: the MLP's steps are so short (~2 ms at IMDB shape) that the second core is better spent reading and
     * vectorizing ahead (IMDB end to end 7.9-8.3 s on one thread, 8.4-8.5 s on two; README, "Performance").
     */
    @Override
    public int defaultStepThreads() {
        return 1;
    }

    @Override
    public void fitKey(BranchConfig config, CacheKey.Builder key) {
        NgramParts.fitKey(config(config).ngram(), key);
    }

    @Override
    public Optional<Fitted<SparseBatch>> fit(BranchConfig config, FitContext context) throws IOException {
        return NgramParts.fit(this, config, config(config).ngram(), context);
    }

    @Override
    public void writeFitted(Fitted<SparseBatch> fitted, DataOutputStream out) throws IOException {
        NgramParts.vectorizer(fitted).write(out);
    }

    @Override
    public Fitted<SparseBatch> readFitted(DataInputStream in, BranchConfig config, Labels labels)
            throws IOException {
        return NgramParts.cached(this, config, in, labels);
    }

    @Override
    public FittedModel<SparseBatch> newModel(Fitted<SparseBatch> fitted, long seed, Consumer<String> log) {
        NgramVectorizer vectorizer = NgramParts.vectorizer(fitted);
        return model(fitted.labels(), vectorizer, Mlp.create(config(fitted.config()).mlp(), vectorizer.features(),
                fitted.labels().size(), seed));
    }

    @Override
    public Optional<FittedModel<SparseBatch>> model(Labels labels, Vectorizer<?> vectorizer, Network<?> network) {
        return vectorizer instanceof NgramVectorizer v && network instanceof Mlp n ? Optional.of(model(labels, v, n))
                : Optional.empty();
    }

    private FittedModel<SparseBatch> model(Labels labels, NgramVectorizer vectorizer, Mlp network) {
        return new FittedModel<>(this, labels, vectorizer, SparseBatch.rows(vectorizer.features()), network);
    }

    @Override
    public void writeVectorizer(FittedModel<SparseBatch> model, DataOutputStream out) throws IOException {
        NgramParts.write(model, out);
    }

    @Override
    public void writeNetwork(FittedModel<SparseBatch> model, DataOutputStream out) throws IOException {
        Mlp network = (Mlp) model.network();
        MlpConfig c = network.config();
        out.writeInt(NETWORK_FORMAT);
        out.writeInt(c.layers());
        out.writeInt(c.units());
        out.writeFloat(c.dropoutRate());
        out.writeInt(network.features());
        out.writeInt(network.classes());
        ParameterCodec.write(out, network.parameters());
    }

    @Override
    public FittedModel<SparseBatch> readModel(Labels labels, Sections sections, Path path) throws IOException {
        NgramVectorizer vectorizer;
        try (DataInputStream in = sections.open(VECTORIZER)) {
            vectorizer = NgramVectorizer.read(in, in.available());
        }
        Mlp network;
        try (DataInputStream in = sections.open(NETWORK)) {
            ParameterCodec.checkFormat(in.readInt(), NETWORK_FORMAT, path);
            MlpConfig config = new MlpConfig(in.readInt(), in.readInt(), in.readFloat());
            int features = in.readInt();
            int classes = in.readInt();
            ParameterCodec.checkConsistent(path, labels.size(), classes, vectorizer.features(), features,
                    "features");
            ParameterCodec.checkRoom(Mlp.parameterValues(config, features, classes), in.available(), path);
            network = Mlp.create(config, features, classes, 0);
            ParameterCodec.read(in, network.parameters(), path);
        }
        return model(labels, vectorizer, network);
    }

    @Override
    public Map<String, Object> describe(FittedModel<SparseBatch> model, BranchConfig config) {
        Map<String, Object> parameters = NgramParts.describe((NgramVectorizer) model.vectorizer());
        MlpConfig c = ((Mlp) model.network()).config();
        parameters.put("layers", c.layers());
        parameters.put("units", c.units());
        parameters.put("dropout", c.dropoutRate());
        return parameters;
    }

    private static MlpBranchConfig config(BranchConfig config) {
        return Branches.expect(MlpBranchConfig.class, config, NAME);
    }
}
