package org.textclf.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.textclf.branch.Branches;
import org.textclf.branch.FittedModel;
import org.textclf.branch.ModelBranch;
import org.textclf.data.Labels;
import org.textclf.io.ModelFile;
import org.textclf.io.Section;

/**
 * What a classifier's model file holds, in three sections of a {@link ModelFile}; {@code info}'s {@code model} names
 * the branch whose codec wrote the other two:
 * <ul>
 *   <li>{@code info}: {@link ModelInfo} as UTF-8 JSON (provenance, branch, classes, parameters, metrics);</li>
 *   <li>{@code vectorizer}: the branch's fitted vectorizer, in the vectorizer's own versioned format;</li>
 *   <li>{@code network}: the branch's network, an int32 format version first (layouts in each branch's Javadoc,
 *       e.g. {@code branch.MlpBranch}).</li>
 * </ul>
 */
public final class ModelCodec {
    static final String INFO = "info";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A model read from a file, with its provenance. */
    public record Loaded(FittedModel<?> model, ModelInfo info) {
    }

    private ModelCodec() {
    }

    /** Saves {@code model} with {@code info}, atomically: on failure an existing file is left as it was. */
    public static void write(Path path, FittedModel<?> model, ModelInfo info) throws IOException {
        ModelFile.write(path, sections(model, info));
    }

    /** The sections {@link #write} saves, for files that hold a model and more (a training checkpoint). */
    public static List<Section> sections(FittedModel<?> model, ModelInfo info) throws IOException {
        return List.of(
                new Section(INFO, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(info)),
                Section.of(ModelBranch.VECTORIZER, model::writeVectorizer),
                Section.of(ModelBranch.NETWORK, model::writeNetwork));
    }

    public static Loaded read(Path path) throws IOException {
        return read(ModelFile.read(path));
    }

    /** The model in a model file already read (and verified), e.g. a checkpoint's. */
    public static Loaded read(ModelFile file) throws IOException {
        Path path = file.path();
        ModelInfo info;
        try {
            info = JSON.readValue(file.section(INFO), ModelInfo.class);
        } catch (IOException e) {
            throw new IOException(path + ": the model's info section is not valid: " + e.getMessage(), e);
        }
        ModelBranch<?> branch;
        try {
            branch = Branches.model(info.model());
        } catch (IllegalArgumentException e) {
            throw new IOException(path + ": holds a '" + info.model() + "' model; " + e.getMessage()
                    + " (a newer textclf may read it)", e);
        }
        try {
            Labels labels = Labels.of(info.labels()).withNames(info.classNames());
            return new Loaded(branch.readModel(labels, file::open, path), info);
        } catch (IllegalArgumentException e) {
            // a header the network's own checks refuse: damaged or forged, never a model this textclf wrote
            throw new IOException(path + ": impossible model: " + e.getMessage(), e);
        }
    }
}
