package org.textclf.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.EOFException;
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

    /**
     * The model in a model file already read (and verified), e.g. a checkpoint's. A checksum detects damage, not
     * forgery, so every way the sections can be wrong is an {@link IOException} of one line naming the file (and
     * the section, when its reader's message does not), never another exception.
     */
    public static Loaded read(ModelFile file) throws IOException {
        Path path = file.path();
        ModelInfo info;
        try {
            info = JSON.readValue(file.section(INFO), ModelInfo.class);
        } catch (IOException | RuntimeException e) {
            throw new IOException(path + ": the model's info section is not valid: " + oneLine(e.getMessage()), e);
        }
        ModelBranch<?> branch;
        try {
            branch = Branches.model(info.model());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IOException(path + ": holds a '" + info.model() + "' model; " + oneLine(e.getMessage())
                    + " (a newer textclf may read it)", e);
        }
        // The section being read, for messages from readers that are given a stream and not the path.
        String[] opened = {INFO};
        try {
            Labels labels = Labels.of(info.labels()).withNames(info.classNames());
            return new Loaded(branch.readModel(labels, name -> {
                opened[0] = name;
                return file.open(name);
            }, path), info);
        } catch (IOException | RuntimeException e) {
            throw refused(path, opened[0], e);
        }
    }

    /** {@code e} as one line naming the file and the section: a reader's own such message is kept as it is. */
    private static IOException refused(Path path, String section, Exception e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        String prefix = path + ": ";
        if (e instanceof IOException io && message.startsWith(prefix) && message.equals(oneLine(message))) {
            return io;
        }
        String what;
        if (e instanceof EOFException) {
            what = "it ends before the fields its counts promise";
        } else if (e instanceof IOException || e instanceof IllegalArgumentException) {
            // an IllegalArgumentException: a header the network's own checks refuse, never one this textclf wrote
            what = message.startsWith(prefix) ? message.substring(prefix.length()) : message;
        } else {
            what = e.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
        }
        return new IOException(prefix + "impossible '" + section + "' section: " + oneLine(what), e);
    }

    private static String oneLine(String message) {
        return String.valueOf(message).replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }
}
