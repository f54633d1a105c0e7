package org.textclf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textclf.fit.CheckpointFile;

class TrainResumeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path corpus(String name, int rows, long seed) throws IOException {
        return TopicCsv.write(dir.resolve(name), rows, seed, 8, false);
    }

    private String[] trainArgs(Path train, Path test, String... more) {
        List<String> args = new ArrayList<>(List.of("train", train.toString(), "--test", test.toString(), "-o",
                dir.resolve("m.textclf").toString(), "--json", "--verbose", "0", "--epochs", "3"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void train_resumeAfterCompletedRun_sameResultWithTheStoredOptions() throws IOException {
        Path train = corpus("train.csv", 400, 1);
        Path test = corpus("test.csv", 100, 2);
        Path checkpoints = dir.resolve("ck");
        Run first = Run.of(trainArgs(train, test, "--checkpoint-dir", checkpoints.toString()));
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(checkpoints.resolve(CheckpointFile.FILE_NAME)).exists();

        Run resumed = Run.of("train", "--resume", checkpoints.toString(), "--epochs", "3", "--json");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        JsonNode a = JSON.readTree(first.out());
        JsonNode b = JSON.readTree(resumed.out());
        assertThat(b.get("test_accuracy").asDouble()).isEqualTo(a.get("test_accuracy").asDouble());
        assertThat(b.get("epochs").asInt()).isEqualTo(3);
    }

    @Test
    void train_resumeWithAReportTheRunDidNotAskFor_writesIt() throws IOException {
        Path train = corpus("train.csv", 200, 1);
        Path test = corpus("test.csv", 50, 2);
        Path checkpoints = dir.resolve("ck");
        assertThat(Run.of(trainArgs(train, test, "--checkpoint-dir", checkpoints.toString())).exitCode()).isZero();

        Path report = dir.resolve("report");
        Run resumed = Run.of("train", "--resume", checkpoints.toString(), "--report", report.toString());
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(report.resolve("index.html")).exists();
    }

    @Test
    void train_resumeWithConflictingOption_usageErrorSayingSo() throws IOException {
        Path train = corpus("train.csv", 200, 1);
        Path test = corpus("test.csv", 50, 2);
        Path checkpoints = dir.resolve("ck");
        assertThat(Run.of(trainArgs(train, test, "--checkpoint-dir", checkpoints.toString())).exitCode()).isZero();

        Run run = Run.of("train", "--resume", checkpoints.toString(), "--units", "32");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("textclf: --units 32 conflicts with the checkpointed run in " + checkpoints
                + "; expected --units 64 (a resumed run keeps its options) or nothing");
    }

    @Test
    void train_resumeIntoAnotherCheckpointDir_usageError() throws IOException {
        Path train = corpus("train.csv", 200, 1);
        Path test = corpus("test.csv", 50, 2);
        Path checkpoints = dir.resolve("ck");
        assertThat(Run.of(trainArgs(train, test, "--checkpoint-dir", checkpoints.toString())).exitCode()).isZero();

        Run run = Run.of("train", "--resume", checkpoints.toString(), "--checkpoint-dir", dir.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("textclf: --checkpoint-dir " + dir + " conflicts with the checkpointed run");
    }

    @Test
    void train_resumeFolderWithoutCheckpoint_oneLineExitOne() {
        Run run = Run.of("train", "--resume", dir.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).containsExactly("textclf: " + dir + ": no checkpoint to resume; expected "
                + "checkpoint.textclf there, as written by a run with a checkpoint folder");
    }

    @Test
    void train_resumeOnChangedData_refusesNamingTheFile() throws IOException {
        Path train = corpus("train.csv", 200, 1);
        Path test = corpus("test.csv", 50, 2);
        Path checkpoints = dir.resolve("ck");
        assertThat(Run.of(trainArgs(train, test, "--checkpoint-dir", checkpoints.toString())).exitCode()).isZero();
        Files.writeString(train, "\"1\",\"match goal\"\n", java.nio.file.StandardOpenOption.APPEND);

        Run run = Run.of("train", "--resume", checkpoints.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("textclf: " + train + ": the train data changed since the checkpoint;");
    }

    @Test
    void train_noTrainNoResume_usageError() {
        Run run = Run.of("train");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("textclf: missing TRAIN; expected training data, or --resume DIR");
    }
}
