package org.textclf.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.textclf.config.ClassWeights;
import org.textclf.config.TrainOptions;
import org.textclf.data.SampleSource;
import org.textclf.data.SourceOptions;
import org.textclf.data.Sources;
import org.textclf.fit.CheckpointFile;
import org.textclf.io.ModelFile;
import org.textclf.io.ModelFileException;
import org.textclf.io.Section;
import org.textclf.model.ModelInfo;
import org.textclf.nn.Weights;
import org.textclf.train.Callback;
import org.textclf.train.EpochLogs;
import org.textclf.train.TrainingState;

class CheckpointFileTest {
    private static final PrintWriter QUIET = new PrintWriter(Writer.nullWriter());

    @TempDir
    Path temp;

    private Path corpus(int rows) throws IOException {
        return TopicCorpus.write(temp.resolve("train.csv"), rows, 1, 4);
    }

    private static TrainOptions options() {
        return TrainOptions.DEFAULTS.withFit(f -> f.epochs(6).patience(10).batchSize(32))
                .withEnvironment(e -> e.withVerbose(0));
    }

    private CheckpointFile.Run run(Path train) throws IOException {
        return new CheckpointFile.Run(options(), List.of(ModelInfo.InputFile.of("train", train)), List.of("x"));
    }

    private static FitResult fit(Path train, CheckpointFile checkpoints, List<Callback> callbacks)
            throws IOException {
        SampleSource source = Sources.open(train, SourceOptions.DEFAULTS);
        return TestFits.fit(source, null, null, options(), callbacks, QUIET, null, checkpoints);
    }

    /** Copies the checkpoint file as it is when epoch {@code epoch} ends: still the previous epoch's. */
    private static Callback copyAt(int epoch, Path from, Path to) {
        return new Callback() {
            @Override
            public void onEpochEnd(TrainingState state, EpochLogs logs) throws IOException {
                if (logs.epoch() == epoch) {
                    Files.createDirectories(to.getParent());
                    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        };
    }

    @Test
    void fit_resumedFromEpochTwo_endsLikeTheUninterruptedRun() throws IOException {
        Path train = corpus(600);
        Path dir = temp.resolve("ck");
        Path copy = temp.resolve("ck2").resolve(CheckpointFile.FILE_NAME);
        FitResult straight = fit(train, CheckpointFile.create(dir, run(train)),
                List.of(copyAt(3, dir.resolve(CheckpointFile.FILE_NAME), copy)));

        CheckpointFile atTwo = CheckpointFile.resume(copy.getParent());
        assertThat(atTwo.checkpoint().epoch()).isEqualTo(2);
        assertThat(atTwo.run().options()).isEqualTo(options());
        assertThat(atTwo.run().arguments()).containsExactly("x");
        FitResult resumed = fit(train, atTwo, List.of());

        assertThat(resumed.history().get(org.textclf.train.Metric.VAL_LOSS))
                .containsExactly(straight.history().get(org.textclf.train.Metric.VAL_LOSS));
        assertThat(resumed.bestEpoch()).isEqualTo(straight.bestEpoch());
        assertThat(Weights.copyOf(resumed.classifier().fitted().network()))
                .isEqualTo(Weights.copyOf(straight.classifier().fitted().network()));
        assertThat(CheckpointFile.resume(dir).checkpoint().epoch()).isEqualTo(6);
        // The checkpoint is a model file too.
        assertThat(TextClassifier.load(dir.resolve(CheckpointFile.FILE_NAME)).labels().size()).isEqualTo(2);
    }

    @ParameterizedTest(name = "--class-weight {0}")
    @ValueSource(strings = {"balanced", "1=2.5,2=1"})
    void resume_classWeights_readBackAsWritten(String weights) throws IOException {
        Path train = corpus(200);
        Path dir = temp.resolve("ck");
        TrainOptions weighted = options().withFit(f -> f.classWeights(ClassWeights.parse(weights)));
        fit(train, CheckpointFile.create(dir, new CheckpointFile.Run(weighted, List.of(ModelInfo.InputFile.of("train",
                train)), List.of("x"))), List.of());
        assertThat(CheckpointFile.resume(dir).run().options()).isEqualTo(weighted);
    }

    @Test
    void fit_newRun_writesEpochZeroBeforeTraining() throws IOException {
        Path train = corpus(200);
        Path dir = temp.resolve("ck");
        Path copy = temp.resolve("at1").resolve(CheckpointFile.FILE_NAME);
        fit(train, CheckpointFile.create(dir, run(train)), List.of(copyAt(1, dir.resolve(CheckpointFile.FILE_NAME),
                copy)));
        CheckpointFile atZero = CheckpointFile.resume(copy.getParent());
        assertThat(atZero.checkpoint().epoch()).isZero();
        assertThat(atZero.checkpoint().optimizer().iterations()).isZero();
        assertThat(atZero.checkpoint().history()).isEmpty();
    }

    @Test
    void resume_truncatedCheckpoint_oneLineErrorNamingTheFile() throws IOException {
        Path train = corpus(200);
        Path dir = temp.resolve("ck");
        fit(train, CheckpointFile.create(dir, run(train)), List.of());
        Path file = dir.resolve(CheckpointFile.FILE_NAME);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> CheckpointFile.resume(dir)).isInstanceOf(ModelFileException.class)
                .hasMessageStartingWith(file + ": truncated; expected " + bytes.length + " bytes, found "
                        + bytes.length / 2);
    }

    @Test
    void resume_optionsOfTheFormerFlatLayout_saysStartANewRun() throws IOException {
        Path train = corpus(200);
        Path dir = temp.resolve("ck");
        fit(train, CheckpointFile.create(dir, run(train)), List.of());
        Path file = dir.resolve(CheckpointFile.FILE_NAME);
        ModelFile written = ModelFile.read(file);
        List<Section> sections = new java.util.ArrayList<>();
        for (String name : written.sectionNames()) {
            // the run section as textclf wrote it before the per-branch configs: one flat options object
            sections.add(new Section(name, name.equals("run")
                    ? "{\"options\":{\"model\":\"auto\",\"epochs\":6},\"inputs\":[],\"arguments\":[]}"
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8) : written.section(name)));
        }
        ModelFile.write(file, sections);
        assertThatThrownBy(() -> CheckpointFile.resume(dir)).isInstanceOf(IOException.class)
                .hasMessageStartingWith(file + ": the checkpoint's run section is not valid: ")
                .hasMessageEndingWith("A checkpoint written by another textclf version cannot be resumed; start a"
                        + " new run");
    }

    @Test
    void resume_corruptedByte_saysCorrupted() throws IOException {
        Path train = corpus(200);
        Path dir = temp.resolve("ck");
        fit(train, CheckpointFile.create(dir, run(train)), List.of());
        Path file = dir.resolve(CheckpointFile.FILE_NAME);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 100] ^= 1; // inside the checkpoint section, the last one
        Files.write(file, bytes);
        assertThatThrownBy(() -> CheckpointFile.resume(dir)).hasMessageContaining(file + ": corrupted; expected "
                + "CRC32C");
    }

    @Test
    void resume_leftoverTempFileOfAKilledWrite_isIgnoredAndDeleted() throws IOException {
        Path train = corpus(200);
        Path dir = temp.resolve("ck");
        fit(train, CheckpointFile.create(dir, run(train)), List.of());
        Path leftover = dir.resolve("." + CheckpointFile.FILE_NAME + ".1234abcd.tmp");
        byte[] bytes = Files.readAllBytes(dir.resolve(CheckpointFile.FILE_NAME));
        Files.write(leftover, java.util.Arrays.copyOf(bytes, 1000)); // half-written, as a kill leaves it
        CheckpointFile resumed = CheckpointFile.resume(dir);
        assertThat(resumed.checkpoint().epoch()).isEqualTo(6);
        assertThat(leftover).doesNotExist();
    }

    @Test
    void resume_folderWithoutCheckpoint_saysSo() {
        assertThatThrownBy(() -> CheckpointFile.resume(temp)).isInstanceOf(NoSuchFileException.class)
                .hasMessage(temp + ": no checkpoint to resume; expected checkpoint.textclf there, as written by a"
                        + " run with a checkpoint folder");
    }

    @Test
    void create_folderWithACheckpoint_refusesToOverwriteIt() throws IOException {
        Path train = corpus(200);
        Path dir = temp.resolve("ck");
        fit(train, CheckpointFile.create(dir, run(train)), List.of());
        assertThatThrownBy(() -> CheckpointFile.create(dir, run(train)))
                .hasMessage(dir.resolve(CheckpointFile.FILE_NAME) + ": a checkpoint is already there; expected an"
                        + " empty checkpoint folder. Resume that run with --resume " + dir + ", or choose another"
                        + " folder");
    }

    @Test
    void create_folderOfARunningRun_failsUpFrontNamingItsPid() throws IOException {
        Path train = corpus(200);
        Path dir = temp.resolve("ck");
        try (CheckpointFile running = CheckpointFile.create(dir, run(train))) {
            assertThatThrownBy(() -> CheckpointFile.create(dir, run(train))).hasMessage(dir + ": in use by another"
                    + " textclf run (pid " + ProcessHandle.current().pid() + "); give another --checkpoint-dir or"
                    + " wait for it");
            assertThatThrownBy(() -> CheckpointFile.resume(dir)).hasMessageStartingWith(dir + ": in use by another");
        }
        CheckpointFile.create(dir, run(train)).close();
    }

    @Test
    void fit_ended_releasesTheFolder() throws IOException {
        Path train = corpus(200);
        Path dir = temp.resolve("ck");
        fit(train, CheckpointFile.create(dir, run(train)), List.of());
        CheckpointFile.resume(dir).close();
    }

    @Test
    void checkInputs_trainFileChanged_namesFileAndBothChecksums() throws IOException {
        Path train = corpus(200);
        Path dir = temp.resolve("ck");
        CheckpointFile checkpoints = CheckpointFile.create(dir, run(train));
        ModelInfo.InputFile before = checkpoints.run().inputs().get(0);
        Files.writeString(train, "\"1\",\"one more line\"\n", java.nio.file.StandardOpenOption.APPEND);
        ModelInfo.InputFile after = ModelInfo.InputFile.of("train", train);
        assertThatThrownBy(() -> checkpoints.checkInputs(List.of(after))).hasMessage(train + ": the train data"
                + " changed since the checkpoint; expected " + before.bytes() + " bytes with CRC32C "
                + before.crc32c() + ", found " + after.bytes() + " bytes with CRC32C " + after.crc32c()
                + ". Resume on the same data or start a new run");
    }
}
