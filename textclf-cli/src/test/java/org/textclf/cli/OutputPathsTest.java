package org.textclf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every path a command writes is checked before any work starts: one line naming it and what to do, exit 1. */
class OutputPathsTest {
    @TempDir
    Path dir;

    private Run train(String... more) throws IOException {
        Path train = TopicCsv.write(dir.resolve("train.csv"), 200, 1, 10, true);
        String[] args = new String[more.length + 4];
        args[0] = "train";
        args[1] = train.toString();
        args[2] = "--no-test";
        args[3] = "--verbose=1";
        System.arraycopy(more, 0, args, 4, more.length);
        return Run.of(args);
    }

    /** Failed before the data was read: no progress line, nothing read. */
    private static void assertFailedUpFront(Run run, String line) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("textclf: " + line + System.lineSeparator());
    }

    @Test
    void train_outputInAMissingFolder_failsUpFront() throws IOException {
        Path model = dir.resolve("nonexistent").resolve("x.textclf");
        assertFailedUpFront(train("-o", model.toString()), model + ": cannot write -o there; the folder "
                + model.getParent() + " does not exist; create it or give another -o");
    }

    @Test
    void train_outputIsAFolder_failsUpFront() throws IOException {
        assertFailedUpFront(train("-o", dir.toString()), dir + ": -o is a folder; give a file name, e.g. "
                + dir.resolve("model.textclf"));
    }

    @Test
    void train_outputBelowAFile_failsUpFront() throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "x");
        Path model = file.resolve("x.textclf");
        assertFailedUpFront(train("-o", model.toString()), model + ": cannot write -o there; " + file
                + " is a file, not a folder; give another -o");
    }

    @Test
    void train_csvLogInAMissingFolder_failsUpFront() throws IOException {
        Path log = dir.resolve("nonexistent").resolve("log.csv");
        assertFailedUpFront(train("--csv-log", log.toString()), log + ": cannot write --csv-log there; the folder "
                + log.getParent() + " does not exist; create it or give another --csv-log");
    }

    @Test
    void train_checkpointDirIsAFile_failsUpFront() throws IOException {
        Path file = Files.writeString(dir.resolve("ck"), "x");
        assertFailedUpFront(train("--checkpoint-dir", file.toString()), file + ": --checkpoint-dir is a file;"
                + " expected a folder (created if missing); give another --checkpoint-dir");
    }

    @Test
    void train_cacheDirBelowAFile_failsUpFront() throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "x");
        Path cache = file.resolve("cache");
        assertFailedUpFront(train("--cache-dir", cache.toString()), cache + ": cannot create --cache-dir; " + file
                + " is a file, not a folder; give another --cache-dir");
    }

    @Test
    void train_missingTempDir_failsUpFront() throws IOException {
        Path temp = dir.resolve("nonexistent");
        assertFailedUpFront(train("--temp-dir", temp.toString()), temp + ": the temp folder does not exist;"
                + " create it or give another --temp-dir");
    }

    @Test
    void train_checkpointDirOfARunningRun_failsUpFront() throws IOException {
        Path ck = dir.resolve("ck");
        try (org.textclf.fit.CheckpointFile running = org.textclf.fit.CheckpointFile.create(ck,
                new org.textclf.fit.CheckpointFile.Run(org.textclf.config.TrainOptions.DEFAULTS,
                        java.util.List.of(), java.util.List.of()))) {
            assertFailedUpFront(train("--checkpoint-dir", ck.toString(), "-o", dir.resolve("m.textclf").toString()),
                    ck + ": in use by another textclf run (pid " + ProcessHandle.current().pid() + "); give another"
                            + " --checkpoint-dir or wait for it");
        }
    }

    @Test
    void explore_plotsIsAFile_failsUpFront() throws IOException {
        Path data = TopicCsv.write(dir.resolve("train.csv"), 50, 1, 10, true);
        Path file = Files.writeString(dir.resolve("plots"), "x");
        Run run = Run.of("explore", data.toString(), "--plots", file.toString());
        assertFailedUpFront(run, file + ": --plots is a file; expected a folder (created if missing); give another"
                + " --plots");
        assertThat(run.out()).isEmpty();
    }
}
