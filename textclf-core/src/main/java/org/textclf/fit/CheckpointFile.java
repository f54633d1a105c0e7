package org.textclf.fit;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.textclf.branch.Branches;
import org.textclf.branch.FittedModel;
import org.textclf.config.BranchConfig;
import org.textclf.config.TrainOptions;
import org.textclf.io.FolderLock;
import org.textclf.io.ModelFile;
import org.textclf.io.Section;
import org.textclf.io.SectionWriter;
import org.textclf.model.ModelCodec;
import org.textclf.model.ModelInfo;
import org.textclf.train.Checkpoint;

/**
 * The training checkpoint of one run in a folder: {@value #FILE_NAME}, replaced atomically at every epoch's end (and
 * once right after the vectorizer is fitted, as epoch 0), so a run killed at any moment resumes from its last
 * completed epoch with {@code api.TextClassifier.fit}. Only the latest checkpoint is kept; it is written to a temp file
 * beside it and renamed over it, so a kill during a write leaves the previous one whole (and a hidden temp file,
 * which is ignored and deleted by the next run on the folder). One run at a time: {@link #create} and {@link #resume}
 * lock the folder ({@link FolderLock}) and the run that trains with this file releases it when it ends (or
 * {@link #close} does), so a second run on the folder fails up front instead of overwriting the first one's
 * checkpoints.
 *
 * <h2>Layout</h2>
 * One {@link ModelFile} (magic, version, length, sections, CRC32C), so the checkpoint is itself a loadable model
 * ({@code textclf evaluate DIR/checkpoint.textclf} works) with two more sections:
 * <ul>
 *   <li>{@code info}, {@code vectorizer}, {@code network}: as a model file holds them ({@link ModelCodec}), with
 *       the weights of the epoch just ended (not the best ones);</li>
 *   <li>{@code checkpoint}: the training state, {@link Checkpoint}'s payload format (epoch, stop request, Adam's step
 *       count and moments, early stopping's best value, epoch, wait and best weights, the history);</li>
 *   <li>{@code run}: UTF-8 JSON {@code {"options": TrainOptions, "inputs": [{role, path, bytes, crc32c}],
 *       "arguments": [...]}}: what the run was started with, so that a resume needs nothing else and can refuse
 *       data that changed; {@code arguments} is free for the caller (the CLI keeps its command line there).</li>
 * </ul>
 * The {@code checkpoint} section is streamed from the live optimizer moments and best weights straight into the
 * file: saving holds no copy of them, only the buffered network section (one copy of the weights).
 */
public final class CheckpointFile implements AutoCloseable {
    public static final String FILE_NAME = "checkpoint.textclf";
    static final String CHECKPOINT = "checkpoint";
    static final String RUN = "run";
    private static final ObjectMapper JSON = Branches.registerConfigs(new ObjectMapper());
    private static final String IN_USE = "give another --checkpoint-dir or wait for it";

    /**
     * What a run was started with.
     *
     * @param options the training options
     * @param inputs the data files, with size and checksum
     * @param arguments anything else the caller needs to resume (the CLI's command line)
     */
    public record Run(TrainOptions options, List<ModelInfo.InputFile> inputs, List<String> arguments) {
        public Run {
            inputs = List.copyOf(inputs);
            arguments = List.copyOf(arguments);
        }
    }

    private final Path dir;
    private final Run run;
    private final FittedModel<?> model;
    private final boolean resuming;
    private final FolderLock lock;
    /** Null once {@link #handOver() handed over}, so the run does not keep a second copy of Adam's moments. */
    private Checkpoint checkpoint;

    private CheckpointFile(Path dir, Run run, FittedModel<?> model, Checkpoint checkpoint, FolderLock lock) {
        this.dir = dir;
        this.lock = lock;
        this.run = run;
        this.model = model;
        this.checkpoint = checkpoint;
        this.resuming = checkpoint != null;
    }

    /**
     * Checkpoints for a new run, in {@code dir} (created if missing), locked for the run.
     *
     * @throws IOException when another run holds {@code dir}, or when it already holds a checkpoint: resume it or
     *     choose another folder
     */
    public static CheckpointFile create(Path dir, Run run) throws IOException {
        Files.createDirectories(dir);
        FolderLock lock = FolderLock.acquire(dir, IN_USE);
        try {
            Path file = dir.resolve(FILE_NAME);
            if (Files.exists(file)) {
                throw new IOException(file + ": a checkpoint is already there; expected an empty checkpoint folder. "
                        + "Resume that run with --resume " + dir + ", or choose another folder");
            }
            deleteTempFiles(dir);
            return new CheckpointFile(dir, run, null, null, lock);
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /**
     * Reads the latest checkpoint in {@code dir}, verifying its checksum, and locks the folder for the run.
     *
     * @throws NoSuchFileException naming the folder when it holds no checkpoint
     * @throws IOException when another run holds {@code dir}
     * @throws IOException with a one-line reason when the checkpoint is truncated, corrupted, or inconsistent
     */
    public static CheckpointFile resume(Path dir) throws IOException {
        Path file = dir.resolve(FILE_NAME);
        // Locked first: a run that holds the folder may not have written its first checkpoint yet.
        FolderLock lock = Files.isDirectory(dir) ? FolderLock.acquire(dir, IN_USE) : null;
        try {
            if (!Files.isRegularFile(file)) {
                throw new NoSuchFileException(dir + ": no checkpoint to resume; expected " + FILE_NAME + " there, as "
                        + "written by a run with a checkpoint folder");
            }
            return read(dir, file, lock);
        } catch (IOException | RuntimeException e) {
            if (lock != null) {
                lock.close();
            }
            throw e;
        }
    }

    private static CheckpointFile read(Path dir, Path file, FolderLock lock) throws IOException {
        // Read once: the model sections and the training state come from the same verified bytes.
        ModelFile modelFile = ModelFile.read(file);
        FittedModel<?> model = ModelCodec.read(modelFile).model();
        Run run;
        try {
            run = JSON.readValue(modelFile.section(RUN), Run.class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            // Options stored before the per-branch configs (textclf 0.1.0 before the model seam) read the same way.
            throw new IOException(file + ": the checkpoint's run section is not valid: "
                    + oneLine(e.getOriginalMessage()) + ". A checkpoint written by another textclf version cannot be "
                    + "resumed; start a new run", e);
        } catch (IOException e) { // the JSON's bytes are not UTF-8 (CharConversionException)
            throw new IOException(file + ": the checkpoint's run section is not valid: " + oneLine(e.getMessage())
                    + "; expected UTF-8 JSON as textclf writes it. Start a new run", e);
        }
        Checkpoint checkpoint = Checkpoint.read(new ByteArrayInputStream(modelFile.section(CHECKPOINT)),
                file + ": section '" + CHECKPOINT + "'");
        deleteTempFiles(dir);
        return new CheckpointFile(dir, run, model, checkpoint, lock);
    }

    /** Jackson's messages quote the offending input, which may hold line breaks. */
    private static String oneLine(String message) {
        return String.valueOf(message).replace('\r', ' ').replace('\n', ' ');
    }

    /**
     * Temp files of writes a kill interrupted: never renamed into place, so never part of a checkpoint, and no live
     * run's, since this one holds the folder.
     */
    private static void deleteTempFiles(Path dir) throws IOException {
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(dir, "." + FILE_NAME + ".*.tmp")) {
            for (Path temp : temps) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /**
     * This resumed run, trained on to {@code epochs} instead of its recorded count (and recording that): how
     * successive halving continues a paused trial from its weights instead of from epoch 0. Use the returned file
     * for the run, not this one; the folder stays locked for it.
     *
     * @throws IllegalStateException for a new run, or {@code epochs} below the checkpoint's epoch
     */
    public CheckpointFile continuing(int epochs) {
        if (!resuming || checkpoint == null) {
            throw new IllegalStateException(file() + ": only a resumed run continues; this is "
                    + (resuming ? "handed over already" : "a new run"));
        }
        if (epochs < checkpoint.epoch()) {
            throw new IllegalStateException(file() + ": the checkpoint is at epoch " + checkpoint.epoch()
                    + "; cannot continue to epoch " + epochs);
        }
        Run longer = new Run(run.options().withFit(f -> f.epochs(epochs)), run.inputs(), run.arguments());
        return new CheckpointFile(dir, longer, model, checkpoint, lock);
    }

    public Path file() {
        return dir.resolve(FILE_NAME);
    }

    public Run run() {
        return run;
    }

    /** True when this continues a checkpointed run, false for a new run. */
    public boolean resuming() {
        return resuming;
    }

    /** The checkpoint read by {@link #resume}; null for a new run, and once training has taken it over. */
    public Checkpoint checkpoint() {
        return checkpoint;
    }

    /**
     * The checkpoint to resume from, given once: the optimizer copies its moments and this file forgets them, so
     * that a resumed run holds no more memory than an uninterrupted one.
     */
    Checkpoint handOver() {
        Checkpoint taken = checkpoint;
        if (taken == null) {
            throw new IllegalStateException(file() + ": no checkpoint to hand over; " + (resuming
                    ? "it was handed over already (a CheckpointFile resumes one run)" : "this is a new run"));
        }
        checkpoint = null;
        return taken;
    }

    /** The model read by {@link #resume}, with the weights of the checkpoint's epoch; null for a new run. */
    FittedModel<?> model() {
        return model;
    }

    /**
     * Refuses to resume on data other than the run's: each input must have the recorded size and CRC32C.
     *
     * @throws IOException naming the file, what was recorded and what is there now
     */
    public void checkInputs(List<ModelInfo.InputFile> now) throws IOException {
        Map<String, ModelInfo.InputFile> byRole = new java.util.LinkedHashMap<>();
        for (ModelInfo.InputFile f : now) {
            byRole.put(f.role(), f);
        }
        for (ModelInfo.InputFile recorded : run.inputs()) {
            ModelInfo.InputFile current = byRole.get(recorded.role());
            if (current == null || current.bytes() != recorded.bytes() || !current.crc32c().equals(recorded.crc32c())) {
                throw new IOException(recorded.path() + ": the " + recorded.role() + " data changed since the "
                        + "checkpoint; expected " + recorded.bytes() + " bytes with CRC32C " + recorded.crc32c()
                        + ", found " + (current == null ? "no such input" : current.bytes() + " bytes with CRC32C "
                        + current.crc32c()) + ". Resume on the same data or start a new run");
            }
        }
    }

    /**
     * Replaces the checkpoint, atomically, by the given model and training state.
     *
     * @param config the trained branch's configuration, for the model's provenance
     */
    void save(FittedModel<?> model, BranchConfig config, Checkpoint state) throws IOException {
        ModelInfo info = ModelInfo.of(model, config, run.options().fit(), run.inputs(),
                Map.of("epoch", (double) state.epoch()));
        List<Section> sections = new java.util.ArrayList<>(ModelCodec.sections(model, info));
        sections.add(new Section(RUN, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(run)));
        ModelFile.write(file(), sections, List.of(SectionWriter.of(CHECKPOINT, state::write)));
    }

    /** Releases the folder for other runs; the run that trains with this file does so when it ends. */
    @Override
    public void close() throws IOException {
        lock.close();
    }

    @Override
    public String toString() {
        return "CheckpointFile[" + file() + (checkpoint != null ? ", epoch " + checkpoint.epoch() : "") + "]";
    }
}
