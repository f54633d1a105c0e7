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
import org.textclf.config.LinearBranchConfig;
import org.textclf.config.MlpBranchConfig;
import org.textclf.data.Labels;
import org.textclf.feed.CacheKey;
import org.textclf.nn.Linear;
import org.textclf.nn.LinearConfig;
import org.textclf.nn.Network;
import org.textclf.text.NgramVectorizer;

/**
 * The guide's other n-gram model ({@code linear}): multinomial logistic regression with an L2 penalty on the same
 * tf-idf features as the MLP, trained by the same loop (Adam, early stopping). Its network section: int32 format (1),
 * float32 L2 penalty, int32 features, int32 classes, then the parameters ({@link ParameterCodec}).
 */
final class LinearBranch implements ModelBranch<SparseBatch> {
    static final String NAME = "linear";
    private static final int NETWORK_FORMAT = 1;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "logistic regression on the n-gram MLP's tf-idf features, with an L2 penalty";
    }

    @Override
    public Class<LinearBranchConfig> configType() {
        return LinearBranchConfig.class;
    }

    @Override
    public BranchConfig defaults() {
        return LinearBranchConfig.DEFAULTS;
    }

    @Override
    public int defaultBatchSize() {
        return MlpBranchConfig.DEFAULT_BATCH_SIZE;
    }

    /** See {@link LinearBranchConfig#DEFAULT_LEARNING_RATE}. */
    @Override
    public float defaultLearningRate() {
        return LinearBranchConfig.DEFAULT_LEARNING_RATE;
    }

    /** One, as the MLP: its steps are shorter still, so the second core reads and vectorizes ahead. */
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
        return model(fitted.labels(), vectorizer, Linear.create(config(fitted.config()).linear(),
                vectorizer.features(), fitted.labels().size(), seed));
    }

    @Override
    public Optional<FittedModel<SparseBatch>> model(Labels labels, Vectorizer<?> vectorizer, Network<?> network) {
        return vectorizer instanceof NgramVectorizer v && network instanceof Linear n
                ? Optional.of(model(labels, v, n)) : Optional.empty();
    }

    private FittedModel<SparseBatch> model(Labels labels, NgramVectorizer vectorizer, Linear network) {
        return new FittedModel<>(this, labels, vectorizer, SparseBatch.rows(vectorizer.features()), network);
    }

    @Override
    public void writeVectorizer(FittedModel<SparseBatch> model, DataOutputStream out) throws IOException {
        NgramParts.write(model, out);
    }

    @Override
    public void writeNetwork(FittedModel<SparseBatch> model, DataOutputStream out) throws IOException {
        Linear network = (Linear) model.network();
        out.writeInt(NETWORK_FORMAT);
        out.writeFloat(network.config().l2());
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
        Linear network;
        try (DataInputStream in = sections.open(NETWORK)) {
            ParameterCodec.checkFormat(in.readInt(), NETWORK_FORMAT, path);
            LinearConfig config = new LinearConfig(in.readFloat());
            int features = in.readInt();
            int classes = in.readInt();
            ParameterCodec.checkConsistent(path, labels.size(), classes, vectorizer.features(), features,
                    "features");
            ParameterCodec.checkRoom(Linear.parameterValues(features, classes), in.available(), path);
            network = Linear.create(config, features, classes, 0);
            ParameterCodec.read(in, network.parameters(), path);
        }
        return model(labels, vectorizer, network);
    }

    @Override
    public Map<String, Object> describe(FittedModel<SparseBatch> model, BranchConfig config) {
        Map<String, Object> parameters = NgramParts.describe((NgramVectorizer) model.vectorizer());
        parameters.put("l2", ((Linear) model.network()).config().l2());
        return parameters;
    }

    private static LinearBranchConfig config(BranchConfig config) {
        return Branches.expect(LinearBranchConfig.class, config, NAME);
    }
}
