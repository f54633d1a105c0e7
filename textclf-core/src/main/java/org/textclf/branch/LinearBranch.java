package org.textclf.branch;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.textclf.config.BranchConfig;
import org.textclf.config.LinearBranchConfig;
import org.textclf.data.Labels;
import org.textclf.nn.Linear;
import org.textclf.nn.LinearConfig;
import org.textclf.text.NgramConfig;
import org.textclf.text.NgramVectorizer;

/**
 * The guide's other n-gram model ({@code linear}): multinomial logistic regression with an L2 penalty on the same
 * tf-idf features as the MLP, trained by the same loop (Adam, early stopping). Its network section: int32 format (1),
 * float32 L2 penalty, int32 features, int32 classes, then the parameters ({@link ParameterCodec}).
 */
final class LinearBranch extends NgramBranch<Linear> {
    static final String NAME = "linear";

    LinearBranch() {
        super(Linear.class);
    }

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

    /** See {@link LinearBranchConfig#DEFAULT_LEARNING_RATE}. */
    @Override
    public float defaultLearningRate() {
        return LinearBranchConfig.DEFAULT_LEARNING_RATE;
    }

    @Override
    NgramConfig ngram(BranchConfig config) {
        return config(config).ngram();
    }

    @Override
    Linear newNetwork(BranchConfig config, int features, int classes, long seed) {
        return Linear.create(config(config).linear(), features, classes, seed);
    }

    @Override
    void writeNetwork(Linear network, DataOutputStream out) throws IOException {
        out.writeFloat(network.config().l2());
        out.writeInt(network.features());
        out.writeInt(network.classes());
        ParameterCodec.write(out, network.parameters());
    }

    @Override
    Linear readNetwork(DataInputStream in, Labels labels, NgramVectorizer vectorizer, Path path) throws IOException {
        LinearConfig config = new LinearConfig(in.readFloat());
        int features = in.readInt();
        int classes = in.readInt();
        ParameterCodec.checkConsistent(path, labels.size(), classes, vectorizer.features(), features, "features");
        ParameterCodec.checkRoom(Linear.parameterValues(features, classes), in.available(), path);
        Linear network = Linear.create(config, features, classes, 0);
        ParameterCodec.read(in, network.parameters(), path);
        return network;
    }

    @Override
    void describe(Linear network, Map<String, Object> parameters) {
        parameters.put("l2", network.config().l2());
    }

    private static LinearBranchConfig config(BranchConfig config) {
        return Branches.expect(LinearBranchConfig.class, config, NAME);
    }
}
