package org.textclf;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.textclf.data.Labels;
import org.textclf.io.ModelFile;
import org.textclf.io.Section;
import org.textclf.nn.FloatArrays;
import org.textclf.nn.Mlp;
import org.textclf.nn.MlpConfig;
import org.textclf.nn.Parameter;
import org.textclf.text.NgramVectorizer;

/**
 * What a classifier's model file holds, in three sections of a {@link ModelFile}:
 * <ul>
 *   <li>{@code info}: {@link ModelInfo} as UTF-8 JSON (provenance, classes, parameters, metrics);</li>
 *   <li>{@code vectorizer}: the fitted {@link NgramVectorizer}, in its own versioned format;</li>
 *   <li>{@code network}: int32 version (1), int32 layers, int32 units, float32 dropout rate, int32 features, int32
 *       classes, int32 parameter count, then per parameter its UTF name, int32 rank, int32 dimensions, and its
 *       float32 values in row-major order.</li>
 * </ul>
 */
final class ModelSections {
    static final String INFO = "info";
    static final String VECTORIZER = "vectorizer";
    static final String NETWORK = "network";
    private static final int NETWORK_FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelSections() {
    }

    static void write(Path path, TextClassifier classifier, ModelInfo info) throws IOException {
        ModelFile.write(path, sections(classifier, info));
    }

    /** The sections {@link #write} saves, for files that hold a model and more (a training checkpoint). */
    static List<Section> sections(TextClassifier classifier, ModelInfo info) throws IOException {
        return List.of(
                new Section(INFO, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(info)),
                Section.of(VECTORIZER, out -> classifier.vectorizer().write(out)),
                Section.of(NETWORK, out -> writeNetwork(out, classifier.network())));
    }

    static TextClassifier read(Path path) throws IOException {
        return read(ModelFile.read(path));
    }

    /** The classifier in a model file already read (and verified), e.g. a checkpoint's. */
    static TextClassifier read(ModelFile file) throws IOException {
        Path path = file.path();
        ModelInfo info;
        try {
            info = JSON.readValue(file.section(INFO), ModelInfo.class);
        } catch (IOException e) {
            throw new IOException(path + ": the model's info section is not valid: " + e.getMessage(), e);
        }
        if (!ModelInfo.MLP.equals(info.model())) {
            throw new IOException(path + ": holds a '" + info.model() + "' model; this textclf reads: "
                    + ModelInfo.MLP);
        }
        NgramVectorizer vectorizer;
        try (DataInputStream in = file.open(VECTORIZER)) {
            vectorizer = NgramVectorizer.read(in);
        }
        Mlp network;
        try (DataInputStream in = file.open(NETWORK)) {
            network = readNetwork(in, path);
        }
        Labels labels = Labels.of(info.labels()).withNames(info.classNames());
        if (!labels.rawLabels().equals(info.labels()) || network.features() != vectorizer.features()
                || network.classes() != labels.size()) {
            throw new IOException(path + ": inconsistent model: " + labels.size() + " classes, " + network.classes()
                    + " network outputs, " + vectorizer.features() + " features, " + network.features()
                    + " network inputs");
        }
        return new TextClassifier(labels, vectorizer, network, info);
    }

    private static void writeNetwork(DataOutputStream out, Mlp network) throws IOException {
        MlpConfig c = network.config();
        out.writeInt(NETWORK_FORMAT);
        out.writeInt(c.layers());
        out.writeInt(c.units());
        out.writeFloat(c.dropoutRate());
        out.writeInt(network.features());
        out.writeInt(network.classes());
        List<Parameter> parameters = network.parameters();
        out.writeInt(parameters.size());
        for (Parameter p : parameters) {
            out.writeUTF(p.name());
            int[] shape = p.shape();
            out.writeInt(shape.length);
            for (int d : shape) {
                out.writeInt(d);
            }
            FloatArrays.write(out, p.values());
        }
    }

    private static Mlp readNetwork(DataInputStream in, Path path) throws IOException {
        int format = in.readInt();
        if (format != NETWORK_FORMAT) {
            throw new IOException(path + ": network format " + format + " is not one this textclf reads ("
                    + NETWORK_FORMAT + "); upgrade textclf");
        }
        MlpConfig config = new MlpConfig(in.readInt(), in.readInt(), in.readFloat());
        Mlp network = Mlp.create(config, in.readInt(), in.readInt(), 0);
        List<Parameter> parameters = network.parameters();
        int count = in.readInt();
        if (count != parameters.size()) {
            throw new IOException(path + ": expected " + parameters.size() + " network parameters, found " + count);
        }
        for (Parameter p : parameters) {
            String name = in.readUTF();
            int[] shape = new int[in.readInt()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = in.readInt();
            }
            if (!name.equals(p.name()) || !Arrays.equals(shape, p.shape())) {
                throw new IOException(path + ": expected parameter " + p + ", found " + name
                        + Arrays.toString(shape));
            }
            FloatArrays.readFully(in, p.values());
        }
        return network;
    }
}
