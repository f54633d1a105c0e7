package org.textclf.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textclf.fit.CheckpointFile;
import org.textclf.io.ModelFile;
import org.textclf.train.Checkpoint;

/**
 * {@code textclf train --checkpoint-dir} killed with SIGKILL ({@link Process#destroyForcibly()}) mid-epoch, and again
 * while it writes a checkpoint, then {@code train --resume}: the resumed run completes and its test accuracy is the
 * uninterrupted run's (within 0.3 points asserted; identical expected, since a run's randomness depends on
 * (seed, epoch) only). Real child processes of the shaded jar on AG News; needs {@code TEXTCLF_DATA}.
 */
class ResumeIT {
    private static final Path JAR = Path.of("target", "textclf.jar");
    private static final long TIMEOUT_MILLIS = TimeUnit.MINUTES.toMillis(10);

    @TempDir
    Path dir;

    private static Path dataDir() {
        String data = System.getenv("TEXTCLF_DATA");
        if (data == null || data.isBlank() || !Files.isDirectory(Path.of(data))) {
            fail("set TEXTCLF_DATA to the shared data folder (e.g. TEXTCLF_DATA=/work/shared/data); found "
                    + (data == null ? "it unset" : "'" + data + "', not a folder"));
        }
        return Path.of(data);
    }

    private Process start(String name, String... args) throws IOException {
        assertThat(JAR).as("the shaded jar; run mvn package first").exists();
        // Its own temp folder: SIGKILL leaves a child's temp caches behind, and they must not pile up in /tmp.
        Path temp = Files.createDirectories(dir.resolve("tmp"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Djava.io.tmpdir=" + temp, "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(dir.resolve(name + ".out").toFile())
                .redirectError(dir.resolve(name + ".err").toFile());
        builder.environment().put("TEXTCLF_DATA", dataDir().toString());
        return builder.start();
    }

    /** Waits for a child to finish and returns its JSON result. */
    private JsonNode finish(String name, Process process) throws Exception {
        if (!process.waitFor(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            fail(name + " did not finish in 10 minutes");
        }
        String err = Files.readString(dir.resolve(name + ".err"));
        assertThat(process.exitValue()).as(name + ": " + err).isZero();
        return new ObjectMapper().readTree(Files.readString(dir.resolve(name + ".out")));
    }

    /** The epoch of the checkpoint in {@code checkpoints}, -1 when there is none (yet). Reads, deletes nothing. */
    private static int checkpointEpoch(Path checkpoints) throws IOException {
        Path file = checkpoints.resolve(CheckpointFile.FILE_NAME);
        if (!Files.exists(file)) {
            return -1;
        }
        ModelFile modelFile = ModelFile.read(file); // whole and verified, or it throws: the atomic write's promise
        return Checkpoint.read(new ByteArrayInputStream(modelFile.section("checkpoint")), file.toString()).epoch();
    }

    private static List<Path> tempFiles(Path checkpoints) throws IOException {
        try (Stream<Path> files = Files.list(checkpoints)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    private static void waitUntil(Process process, String what, Condition condition) throws Exception {
        long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
        while (!condition.holds()) {
            if (!process.isAlive() || System.currentTimeMillis() > deadline) {
                fail("the training process " + (process.isAlive() ? "timed out" : "ended") + " before " + what);
            }
            Thread.sleep(1);
        }
    }

    @FunctionalInterface
    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void kill(Process process) throws InterruptedException {
        process.destroyForcibly(); // SIGKILL on POSIX: no shutdown hook, no finally block runs
        process.waitFor();
    }

    @Test
    void resume_afterKillsMidEpochAndMidWrite_matchesTheUninterruptedRun() throws Exception {
        Path checkpoints = dir.resolve("checkpoints");
        JsonNode straight = finish("straight", start("straight", "train", "ag_news", "--json",
                "-o", dir.resolve("straight.textclf").toString()));

        // Kill 1: mid-epoch, some time after the epoch-1 checkpoint.
        Process first = start("first", "train", "ag_news", "--json", "-o", dir.resolve("resumed.textclf").toString(),
                "--checkpoint-dir", checkpoints.toString());
        waitUntil(first, "the epoch-1 checkpoint", () -> checkpointEpoch(checkpoints) >= 1);
        Thread.sleep(300);
        assertThat(first.isAlive()).as("still training when killed").isTrue();
        kill(first);
        int killedAfter = checkpointEpoch(checkpoints);
        assertThat(killedAfter).isGreaterThanOrEqualTo(1);

        // Kill 2, repeated until it lands while a checkpoint is being written: the temp file is left behind.
        int attempts = 0;
        boolean landedMidWrite = false;
        while (!landedMidWrite && attempts < 5) {
            attempts++;
            Process resumed = start("kill" + attempts, "train", "--resume", checkpoints.toString());
            waitUntil(resumed, "a checkpoint write", () -> !tempFiles(checkpoints).isEmpty());
            kill(resumed);
            landedMidWrite = !tempFiles(checkpoints).isEmpty();
            assertThat(checkpointEpoch(checkpoints)).as("the checkpoint after kill " + attempts)
                    .isGreaterThanOrEqualTo(killedAfter);
        }
        System.out.printf("ResumeIT: killed mid-epoch after epoch %d; %d kill(s) to land mid-write: %s%n",
                killedAfter, attempts, landedMidWrite ? "left a half-written temp file" : "never caught one");
        assertThat(landedMidWrite).as("a kill landed while the temp file was being written").isTrue();

        JsonNode resumed = finish("final", start("final", "train", "--resume", checkpoints.toString()));
        assertThat(tempFiles(checkpoints)).isEmpty();
        double a = straight.get("test_accuracy").asDouble();
        double b = resumed.get("test_accuracy").asDouble();
        System.out.printf("ResumeIT: test accuracy uninterrupted %.4f, resumed %.4f (epochs %d and %d)%n", a, b,
                straight.get("epochs").asInt(), resumed.get("epochs").asInt());
        assertThat(Math.abs(a - b)).isLessThanOrEqualTo(0.003);
        assertThat(resumed.get("epochs").asInt()).isEqualTo(straight.get("epochs").asInt());
        assertThat(b).as("expected identical: randomness is a function of (seed, epoch)").isEqualTo(a);
        assertThat(resumed.get("model").asText()).isEqualTo(dir.resolve("resumed.textclf").toString());
    }
}
