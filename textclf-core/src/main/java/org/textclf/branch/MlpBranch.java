package org.textclf.branch;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.textclf.config.BranchConfig;
import org.textclf.config.MlpBranchConfig;
import org.textclf.data.Labels;
import org.textclf.nn.Mlp;
import org.textclf.nn.MlpConfig;
import org.textclf.text.NgramConfig;
import org.textclf.text.NgramVectorizer;

/**
 * The guide's n-gram model ({@code mlp}): tf-idf of word uni+bigrams, the top features by ANOVA F, an MLP. Its
 * network section: int32 format (1), int32 layers, int32 units, float32 dropout rate, int32 features, int32
 * classes, then the parameters ({@link ParameterCodec}).
 */
final class MlpBranch extends NgramBranch<Mlp> {
    static final String NAME = "mlp";

    MlpBranch() {
        super(Mlp.class);
    }

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

    @Override
    NgramConfig ngram(BranchConfig config) {
        return config(config).ngram();
    }

    @Override
    Mlp newNetwork(BranchConfig config, int features, int classes, long seed) {
        return Mlp.create(config(config).mlp(), features, classes, seed);
    }

    @Override
    void writeNetwork(Mlp network, DataOutputStream out) throws IOException {
        MlpConfig c = network.config();
        out.writeInt(c.layers());
        out.writeInt(c.units());
        out.writeFloat(c.dropoutRate());
        out.writeInt(network.features());
        out.writeInt(network.classes());
        ParameterCodec.write(out, network.parameters());
    }

    @Override
    Mlp readNetwork(DataInputStream in, Labels labels, NgramVectorizer vectorizer, Path path) throws IOException {
        MlpConfig config = new MlpConfig(in.readInt(), in.readInt(), in.readFloat());
        int features = in.readInt();
        int classes = in.readInt();
        ParameterCodec.checkConsistent(path, labels.size(), classes, vectorizer.features(), features, "features");
        ParameterCodec.checkRoom(Mlp.parameterValues(config, features, classes), in.available(), path);
        Mlp network = Mlp.create(config, features, classes, 0);
        ParameterCodec.read(in, network.parameters(), path);
        return network;
    }

    @Override
    void describe(Mlp network, Map<String, Object> parameters) {
        MlpConfig c = network.config();
        parameters.put("layers", c.layers());
        parameters.put("units", c.units());
        parameters.put("dropout", c.dropoutRate());
    }

    private static MlpBranchConfig config(BranchConfig config) {
        return Branches.expect(MlpBranchConfig.class, config, NAME);
    }
}
