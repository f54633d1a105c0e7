package org.textclf;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.textclf.batch.SequenceBatch;
import org.textclf.batch.SparseBatch;
import org.textclf.data.Labels;
import org.textclf.io.ModelFile;
import org.textclf.io.Section;
import org.textclf.nn.FloatArrays;
import org.textclf.nn.Mlp;
import org.textclf.nn.MlpConfig;
import org.textclf.nn.Parameter;
import org.textclf.nn.SepCnn;
import org.textclf.nn.SepCnnConfig;
import org.textclf.text.NgramVectorizer;
import org.textclf.text.SequenceVectorizer;

/**
 * What a classifier's model file holds, in three sections of a {@link ModelFile}; {@code info}'s {@code model} says
 * which branch the other two hold:
 * <ul>
 *   <li>{@code info}: {@link ModelInfo} as UTF-8 JSON (provenance, branch, classes, parameters, metrics);</li>
 *   <li>{@code vectorizer}: the fitted {@link NgramVectorizer} (mlp) or {@link SequenceVectorizer} (sepcnn), each
 *       in its own versioned format;</li>
 *   <li>{@code network}: int32 version (1), then for the mlp int32 layers, int32 units, float32 dropout rate, int32
 *       features, int32 classes; for the sepcnn int32 blocks, filters, kernel size, pool size, float32 dropout rate,
 *       int32 embedding width, vocabulary, classes, bool pretrained embedding, bool embedding trainable; then for
 *       both int32 parameter count and per parameter its UTF name, int32 rank, int32 dimensions, and its float32
 *       values in row-major order.</li>
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
        Pipeline<?> pipeline = classifier.pipeline();
        return List.of(
                new Section(INFO, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(info)),
                Section.of(VECTORIZER, out -> {
                    if (pipeline.vectorizer() instanceof NgramVectorizer ngram) {
                        ngram.write(out);
                    } else {
                        ((SequenceVectorizer) pipeline.vectorizer()).write(out);
                    }
                }),
                Section.of(NETWORK, out -> {
                    if (pipeline.network() instanceof Mlp mlp) {
                        writeMlp(out, mlp);
                    } else {
                        writeSepCnn(out, (SepCnn) pipeline.network());
                    }
                }));
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
        Labels labels = Labels.of(info.labels()).withNames(info.classNames());
        Pipeline<?> pipeline;
        if (ModelInfo.MLP.equals(info.model())) {
            NgramVectorizer vectorizer;
            try (DataInputStream in = file.open(VECTORIZER)) {
                vectorizer = NgramVectorizer.read(in);
            }
            Mlp network;
            try (DataInputStream in = file.open(NETWORK)) {
                network = readMlp(in, path);
            }
            check(path, labels, info, network.classes(), vectorizer.features(), network.features(), "features");
            pipeline = new Pipeline<>(ModelInfo.MLP, vectorizer, SparseBatch.rows(vectorizer.features()), network);
        } else if (ModelInfo.SEPCNN.equals(info.model())) {
            SequenceVectorizer vectorizer;
            try (DataInputStream in = file.open(VECTORIZER)) {
                vectorizer = SequenceVectorizer.read(in);
            }
            SepCnn network;
            try (DataInputStream in = file.open(NETWORK)) {
                network = readSepCnn(in, path);
            }
            check(path, labels, info, network.classes(), vectorizer.vocabulary(), network.vocabulary(), "words");
            pipeline = new Pipeline<>(ModelInfo.SEPCNN, vectorizer, SequenceBatch.rows(vectorizer.vocabulary()),
                    network);
        } else {
            throw new IOException(path + ": holds a '" + info.model() + "' model; this textclf reads: "
                    + ModelInfo.MLP + ", " + ModelInfo.SEPCNN);
        }
        return new TextClassifier(labels, pipeline, info);
    }

    private static void check(Path path, Labels labels, ModelInfo info, int outputs, int vectorizerWidth,
            int networkWidth, String what) throws IOException {
        if (!labels.rawLabels().equals(info.labels()) || vectorizerWidth != networkWidth
                || outputs != labels.size()) {
            throw new IOException(path + ": inconsistent model: " + labels.size() + " classes, " + outputs
                    + " network outputs, " + vectorizerWidth + " vectorizer " + what + ", " + networkWidth
                    + " network " + what);
        }
    }

    private static void writeMlp(DataOutputStream out, Mlp network) throws IOException {
        MlpConfig c = network.config();
        out.writeInt(NETWORK_FORMAT);
        out.writeInt(c.layers());
        out.writeInt(c.units());
        out.writeFloat(c.dropoutRate());
        out.writeInt(network.features());
        out.writeInt(network.classes());
        writeParameters(out, network.parameters());
    }

    private static Mlp readMlp(DataInputStream in, Path path) throws IOException {
        checkFormat(in.readInt(), path);
        MlpConfig config = new MlpConfig(in.readInt(), in.readInt(), in.readFloat());
        Mlp network = Mlp.create(config, in.readInt(), in.readInt(), 0);
        readParameters(in, network.parameters(), path);
        return network;
    }

    private static void writeSepCnn(DataOutputStream out, SepCnn network) throws IOException {
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
        writeParameters(out, network.parameters());
    }

    private static SepCnn readSepCnn(DataInputStream in, Path path) throws IOException {
        checkFormat(in.readInt(), path);
        SepCnnConfig config = new SepCnnConfig(in.readInt(), in.readInt(), in.readInt(), in.readInt(), in.readFloat(),
                in.readInt());
        int vocabulary = in.readInt();
        int classes = in.readInt();
        boolean pretrained = in.readBoolean();
        SepCnn network = pretrained
                ? SepCnn.withEmbeddings(config, new float[vocabulary * config.embeddingDim()], vocabulary, classes, 0)
                : SepCnn.create(config, vocabulary, classes, 0);
        network.setEmbeddingTrainable(in.readBoolean());
        readParameters(in, network.parameters(), path);
        return network;
    }

    private static void checkFormat(int format, Path path) throws IOException {
        if (format != NETWORK_FORMAT) {
            throw new IOException(path + ": network format " + format + " is not one this textclf reads ("
                    + NETWORK_FORMAT + "); upgrade textclf");
        }
    }

    private static void writeParameters(DataOutputStream out, List<Parameter> parameters) throws IOException {
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

    private static void readParameters(DataInputStream in, List<Parameter> parameters, Path path)
            throws IOException {
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
    }
}
