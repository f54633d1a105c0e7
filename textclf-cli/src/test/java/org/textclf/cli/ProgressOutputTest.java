package org.textclf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What train, evaluate, predict and explore write on standard error at each --verbose, and under --quiet. */
class ProgressOutputTest {
    private static final int EPOCHS = 3;

    @TempDir
    Path dir;

    private Path corpus(String name, int rows, long seed) throws IOException {
        Files.write(dir.resolve("classes.txt"), List.of("sports", "money"));
        return TopicCsv.write(dir.resolve(name), rows, seed, 10, true);
    }

    private Run train(String... more) throws IOException {
        Path train = corpus("train.csv", 600, 1);
        List<String> args = new java.util.ArrayList<>(List.of("train", train.toString(), "--no-test", "-o",
                dir.resolve("m.textclf").toString(), "--epochs", "" + EPOCHS, "--patience", "" + EPOCHS));
        args.addAll(List.of(more));
        Run run = Run.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run;
    }

    /** The lines as a terminal shows them: of each line, what the last carriage return left. */
    private static List<String> visible(String err) {
        // not String.lines(), which ends a line at a carriage return too
        return Arrays.stream(err.split("\n")).map(l -> l.substring(l.lastIndexOf('\r') + 1).stripTrailing())
                .filter(l -> !l.isEmpty()).toList();
    }

    @Test
    void train_verbose2_exactlyOneLinePerEpoch() throws IOException {
        List<String> lines = visible(train("--verbose", "2").err());
        assertThat(lines.stream().filter(l -> l.startsWith("Epoch "))).hasSize(EPOCHS);
        for (int epoch = 1; epoch <= EPOCHS; epoch++) {
            String prefix = "Epoch " + epoch + "/" + EPOCHS + " - ";
            assertThat(lines.stream().filter(l -> l.startsWith(prefix))).hasSize(1);
        }
        assertThat(String.join("\n", lines)).doesNotContain("\r", "[=");
    }

    @Test
    void train_verbose1_eachEpochsBarReplacedByItsLine_passBarsEndAt100() throws IOException {
        String err = train("--verbose", "1").err();
        List<String> lines = visible(err);
        assertThat(err).containsPattern("\rEpoch 1/" + EPOCHS + " +\\d+% \\[=*>?\\.*\\] +\\d+/\\d+ ");
        List<String> epochLines = lines.stream().filter(l -> l.startsWith("Epoch ")).toList();
        assertThat(epochLines).hasSize(EPOCHS).allMatch(l -> l.matches("Epoch \\d+/" + EPOCHS + " - .*val_loss.*"));
        List<String> passBars = lines.stream().filter(l -> l.startsWith("vectorizer fit pass")).toList();
        assertThat(passBars).hasSize(2).allMatch(l -> l.matches(".* 100% \\[=+\\] .*"));
        // a rate at the end of each pass, though these take well under a second
        assertThat(passBars.get(0)).matches(".* (\\d+)/\\1 .* [\\d,.]+ KiB/s");
        assertThat(passBars.get(1)).matches(".* (\\d+)/\\1 .* [\\d,]+ samples/s");
        // a line printed during a bar is on a line of its own
        assertThat(lines).filteredOn(l -> l.contains("cached ")).allMatch(l -> l.startsWith("cached "));
        assertThat(lines).filteredOn(l -> l.contains("read 600 records")).containsExactly("read 600 records,"
                + " skipped 0");
    }

    @Test
    void train_verbose0_nothingOnACleanRun() throws IOException {
        assertThat(train("--verbose", "0").err()).isEmpty();
    }

    @Test
    void quiet_cleanRuns_nothingOnStderr_resultsOnStdout() throws IOException {
        Run trained = train("--quiet", "--report", dir.resolve("train-report").toString());
        assertThat(trained.err()).isEmpty();
        assertThat(dir.resolve("train-report/index.html")).exists();
        assertThat(trained.out()).startsWith("saved ");
        Path model = dir.resolve("m.textclf");
        Path test = corpus("test.csv", 50, 2);

        Run evaluated = Run.of("--quiet", "evaluate", model.toString(), test.toString(), "--report",
                dir.resolve("evaluate-report").toString());
        assertThat(evaluated.err()).isEmpty();
        assertThat(dir.resolve("evaluate-report/index.html")).exists();
        assertThat(evaluated.out()).contains("accuracy");
        Path texts = Files.write(dir.resolve("texts.txt"), List.of("the coach and the team"));
        Run predicted = Run.of("predict", model.toString(), texts.toString(), "-q");
        assertThat(predicted.err()).isEmpty();
        assertThat(predicted.out().lines()).hasSize(1);
        Run explored = Run.of("explore", test.toString(), "--quiet");
        assertThat(explored.err()).isEmpty();
        assertThat(explored.out()).isNotEmpty();
    }

    @Test
    void quiet_resumedRun_nothingOnStderr_thoughTheStoredRunWasVerbose() throws IOException {
        Path checkpoints = dir.resolve("ck");
        train("--verbose", "2", "--checkpoint-dir", checkpoints.toString());
        Run resumed = Run.of("train", "--resume", checkpoints.toString(), "--quiet");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.err()).isEmpty();
        assertThat(resumed.out()).startsWith("saved ");
    }

    @Test
    void quiet_failingRuns_theOneErrorLine() throws IOException {
        Path bad = Files.write(dir.resolve("bad.csv"), List.of("\"1\",\"the coach\"", "\"1\""));
        Path missing = dir.resolve("missing.textclf");
        for (String[] args : List.of(new String[] {"train", bad.toString(), "--no-test", "--quiet", "-o",
                dir.resolve("m.textclf").toString()}, new String[] {"--quiet", "evaluate", missing.toString(),
                        bad.toString()}, new String[] {"--quiet", "predict", missing.toString(), bad.toString()},
                new String[] {"--quiet", "explore", bad.toString()})) {
            Run run = Run.of(args);
            assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(1);
            assertThat(run.err().lines()).as(String.join(" ", args)).singleElement().asString()
                    .matches("textclf: .*(bad\\.csv:2: |missing\\.textclf).*");
        }
    }

    @Test
    void quiet_skippedRecords_stillReported() throws IOException {
        Path bad = Files.write(dir.resolve("bad.csv"), List.of("\"1\",\"the coach\"", "\"1\"", "\"2\",\"bank\""));
        Run run = Run.of("--quiet", "explore", bad.toString(), "--on-bad-record", "skip");
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).startsWith("read 2 records, skipped 1").contains(bad + ":2:");
    }
}
