package org.textclf.api;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textclf.config.MlpBranchConfig;
import org.textclf.config.TrainOptions;
import org.textclf.data.SourceOptions;
import org.textclf.data.Sources;
import org.textclf.fit.CheckpointFile;
import org.textclf.forged.ForgedLoads;
import org.textclf.io.ModelFile;
import org.textclf.io.Section;
import org.textclf.model.ModelInfo;
import org.textclf.nn.MlpConfig;
import org.textclf.text.NgramConfig;

/**
 * Forged checkpoints, as {@code train --resume} reads them: a small run's checkpoint with a count of its training
 * state set to an extreme, bits flipped or the file cut short, the checksum recomputed where there is one (it
 * detects damage, not forgery). Each must resume or be refused with a one-line {@link IOException} naming the file,
 * quickly and in a 64 MB heap, never with another exception or an OutOfMemoryError. The model sections are forged
 * by {@code model.ForgedModelFilesTest}; here the {@code checkpoint} section (Adam's moments, the best weights, the
 * history) and the {@code run} section. {@code -Dforged.seed=N} replays another seed.
 */
final class ForgedCheckpointTest {
    private static final long SEED = Long.getLong("forged.seed", 20261211L);
    private static final String[] MUTATED_SECTIONS = {"checkpoint", "run"};
    private static final int[] EXTREMES = {0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE - 8,
            1 << 24, 1 << 30};
    /** The extremes every offset of the training state gets (all of them would double the files, not the finds). */
    private static final int[] SWEPT = {0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE - 8, 1 << 24};
    private static final int RANDOM_INTS_IN_RUN = 400;
    private static final int FLIPS = 600;
    private static final int CUTS = 100;
    private static final long CHILD_TIMEOUT_SECONDS = 300;

    @TempDir
    Path dir;
    private Map<String, byte[]> sections;
    private byte[] raw;

    /** A two-epoch run's checkpoint: Adam's moments, the best weights and a history, on a tiny vocabulary. */
    @BeforeEach
    void checkpoint() throws IOException {
        Path train = TopicCorpus.write(dir.resolve("train.csv"), 300, 1, 4);
        // A network of a few hundred values, so that most forged offsets land in a header, a name or a count.
        TrainOptions options = TrainOptions.of(new MlpBranchConfig(NgramConfig.builder().topK(16).build(),
                new MlpConfig(2, 4, 0.2f))).withFit(f -> f.epochs(2).patience(10).batchSize(32))
                .withEnvironment(e -> e.withVerbose(0));
        Path ck = dir.resolve("ck");
        CheckpointFile checkpoints = CheckpointFile.create(ck, new CheckpointFile.Run(options,
                List.of(ModelInfo.InputFile.of("train", train)), List.of("train", train.toString())));
        TestFits.fit(Sources.open(train, SourceOptions.DEFAULTS), null, null, options, List.of(),
                new PrintWriter(Writer.nullWriter()), null, checkpoints);
        Path file = ck.resolve(CheckpointFile.FILE_NAME);
        raw = Files.readAllBytes(file);
        ModelFile model = ModelFile.read(file);
        sections = new LinkedHashMap<>();
        for (String name : model.sectionNames()) {
            sections.put(name, model.section(name));
        }
    }

    @Test
    void resume_forgedCountsFlipsAndCuts_resumesOrRefusesWithOneLineNamingTheFile() throws Exception {
        SplittableRandom random = new SplittableRandom(SEED);
        Path forged = Files.createDirectory(dir.resolve("forged"));
        int files = forge(forged, random);

        ForgedLoads.assertLoadedOrRefused(ForgedCheckpointLoads.class, forged, files, SEED, CHILD_TIMEOUT_SECONDS);
    }

    @Test
    void resume_slotCountBeyondTheSectionsBytes_refusesNamingFileAndRoom() throws IOException {
        byte[] payload = sections.get("checkpoint").clone();
        int at = 4 + 4 + 1 + 8; // format, epoch, no stop reason, Adam's iterations
        ByteBuffer.wrap(payload).putInt(at, 1 << 20);
        Path folder = write(dir, "slots", "checkpoint", payload);
        Path file = folder.resolve(CheckpointFile.FILE_NAME);

        assertThatThrownBy(() -> CheckpointFile.resume(folder)).isInstanceOf(IOException.class)
                .hasMessage(file + ": section 'checkpoint': impossible optimizer slot count; expected 0 to 87 for"
                        + " the 1223 bytes left, found 1048576");
    }

    /** Writes the mutations into {@code into}, one checkpoint folder each; the folder name says what changed. */
    private int forge(Path into, SplittableRandom random) throws IOException {
        int files = 0;
        // The training state is small enough for every offset, aligned or not (its fields follow UTF names of any
        // length), to get each swept extreme.
        int stateBytes = sections.get("checkpoint").length;
        for (int at = 0; at + Integer.BYTES <= stateBytes; at++) {
            for (int extreme : SWEPT) {
                files += writeInt(into, "checkpoint", at, extreme);
            }
        }
        int runBytes = sections.get("run").length;
        for (int n = 0; n < RANDOM_INTS_IN_RUN; n++) {
            files += writeInt(into, "run", random.nextInt(runBytes - 3), EXTREMES[random.nextInt(EXTREMES.length)]);
        }
        for (int n = 0; n < FLIPS; n++) {
            String section = MUTATED_SECTIONS[random.nextInt(MUTATED_SECTIONS.length)];
            byte[] payload = sections.get(section).clone();
            int at = random.nextInt(payload.length);
            int bit = random.nextInt(8);
            payload[at] ^= (byte) (1 << bit);
            files += write(into, "flip-" + section + "-at" + at + "-bit" + bit, section, payload) != null ? 1 : 0;
        }
        for (int n = 0; n < CUTS; n++) {
            int length = random.nextInt(raw.length);
            Path cut = into.resolve("cut-at" + length);
            if (!Files.exists(cut)) {
                Files.createDirectory(cut);
                Files.write(cut.resolve(CheckpointFile.FILE_NAME), java.util.Arrays.copyOf(raw, length));
                files++;
            }
        }
        return files;
    }

    private int writeInt(Path into, String section, int at, int value) throws IOException {
        byte[] payload = sections.get(section).clone();
        ByteBuffer.wrap(payload).putInt(at, value);
        return write(into, "int-" + section + "-at" + at + "-" + value, section, payload) != null ? 1 : 0;
    }

    /** A checkpoint folder with {@code section}'s payload replaced, in a valid container; null when a repeat. */
    private Path write(Path into, String name, String section, byte[] payload) throws IOException {
        Path folder = into.resolve(name);
        if (Files.exists(folder)) {
            return null;
        }
        Files.createDirectory(folder);
        List<Section> mutated = new ArrayList<>();
        for (Map.Entry<String, byte[]> s : sections.entrySet()) {
            mutated.add(new Section(s.getKey(), s.getKey().equals(section) ? payload : s.getValue()));
        }
        ModelFile.write(folder.resolve(CheckpointFile.FILE_NAME), mutated);
        return folder;
    }

    /** The bad lines counted by their cause (what follows the folder name, numbers dropped), for the message. */
}
