package org.textclf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

class TrainEvaluatePredictTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path corpus(String name, int rows, long seed) throws IOException {
        Files.write(dir.resolve("classes.txt"), List.of("sports", "money"));
        return TopicCsv.write(dir.resolve(name), rows, seed, 10, true);
    }

    @ParameterizedTest(name = "--model {0}")
    @ValueSource(strings = {"mlp", "linear", "sepcnn"})
    void trainThenEvaluateThenPredict_endToEnd(String branch) throws IOException {
        Path train = corpus("train.csv", 1500, 1);
        Path test = corpus("test.csv", 300, 2);
        Path model = dir.resolve("m.textclf");
        Path log = dir.resolve("log.csv");

        Run trained = Run.of("train", train.toString(), "--test", test.toString(), "-o", model.toString(),
                "--json", "--verbose", "2", "--csv-log", log.toString(), "--model", branch, "--blocks", "1",
                "--filters", "8", "--embedding-dim", "16");
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        JsonNode result = JSON.readTree(trained.out());
        assertThat(result.get("test_accuracy").asDouble()).isGreaterThan(0.9);
        assertThat(result.get("best_epoch").asInt()).isPositive();
        assertThat(result.get("test").get("per_class").has("sports")).isTrue();
        assertThat(Files.readAllLines(log)).hasSize(result.get("epochs").asInt() + 1);
        assertThat(trained.err()).contains("train.csv: read 1,500 records, skipped 0",
                "test.csv: read 300 records, skipped 0");

        Run evaluated = Run.of("evaluate", model.toString(), test.toString(), "--json");
        assertThat(evaluated.exitCode()).as(evaluated.err()).isZero();
        JsonNode evaluation = JSON.readTree(evaluated.out());
        assertThat(evaluation.get("accuracy").asDouble()).isEqualTo(result.get("test_accuracy").asDouble());
        assertThat(evaluation.get("samples").asInt()).isEqualTo(300);
        assertThat(evaluation.get("confusion_matrix").size()).isEqualTo(2);

        Path texts = dir.resolve("texts.txt");
        Files.write(texts, List.of("the coach and the team", "bank shares and stock", ""));
        Run predicted = Run.of("predict", model.toString(), texts.toString(), "--top-k", "2");
        assertThat(predicted.exitCode()).as(predicted.err()).isZero();
        List<String> lines = predicted.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).matches("sports\t0\\.\\d{4}\tmoney\t0\\.\\d{4}");
        assertThat(lines.get(1)).startsWith("money\t");

        Run fromCsv = Run.of("predict", model.toString(), test.toString());
        assertThat(fromCsv.out().lines()).hasSize(300);
    }

    @Test
    void train_testDataBad_savesModelThenFailsNamingTheLine() throws IOException {
        Path train = corpus("train.csv", 600, 3);
        Path test = dir.resolve("test.csv");
        Files.write(test, List.of("\"1\",\"the coach and the team\"", "\"7\",\"bank shares\""));
        Path model = dir.resolve("m.textclf");

        Run trained = Run.of("train", train.toString(), "--test", test.toString(), "-o", model.toString(),
                "--epochs", "2", "--verbose", "0");

        assertThat(trained.exitCode()).isNotZero();
        assertThat(trained.err()).contains(test + ":2:", "saved " + model + " without test metrics: the test failed");
        Run evaluated = Run.of("evaluate", model.toString(), train.toString(), "--json");
        assertThat(evaluated.exitCode()).as(evaluated.err()).isZero();
    }

    @Test
    void evaluate_labelTheModelDoesNotKnow_failsNamingTheLineOrSkipCountsIt() throws IOException {
        Path train = TopicCsv.write(dir.resolve("train.csv"), 600, 3, 10, true);
        Path model = dir.resolve("m.textclf");
        Run trained = Run.of("train", train.toString(), "--no-test", "-o", model.toString(), "--epochs", "2",
                "--verbose", "0");
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        Path test = dir.resolve("test.csv");
        Files.write(test, List.of("\"1\",\"the coach and the team\"", "\"7\",\"bank shares\"",
                "\"2\",\"bank shares and stock\""));

        Run failed = Run.of("evaluate", model.toString(), test.toString());
        Run skipped = Run.of("evaluate", model.toString(), test.toString(), "--json", "--on-bad-record", "skip");

        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.err()).isEqualTo("textclf: " + test + ":2: unknown label '7'; expected one of 1, 2"
                + System.lineSeparator());
        assertThat(skipped.exitCode()).as(skipped.err()).isZero();
        assertThat(JSON.readTree(skipped.out()).get("samples").asInt()).isEqualTo(2);
        assertThat(skipped.err()).contains("read 2 records, skipped 1", test + ":2: unknown label '7'");
    }

    @Test
    void train_validationLabelTrainingLacks_failsNamingTheLineOrSkipCountsIt() throws IOException {
        Path train = TopicCsv.write(dir.resolve("train.csv"), 600, 3, 10, true);
        Path val = dir.resolve("val.csv");
        Files.write(val, List.of("\"1\",\"the coach and the team\"", "\"7\",\"bank shares\"",
                "\"2\",\"bank shares and stock\""));
        String[] args = {"train", train.toString(), "--val", val.toString(), "--no-test", "-o",
                dir.resolve("m.textclf").toString(), "--epochs", "2"};

        Run failed = Run.of(args);
        Run skipped = Run.of(java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--on-bad-record", "skip")).toArray(String[]::new));

        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.err()).endsWith("textclf: " + val + ":2: unknown label '7'; expected one of 1, 2"
                + System.lineSeparator());
        assertThat(skipped.exitCode()).as(skipped.err()).isZero();
        assertThat(skipped.err()).contains("read 2 records, skipped 1", val + ":2: unknown label '7'");
    }

    @Test
    void train_headerRowAndLabelsWrittenAsOtherNumbers_trainTheSameClasses() throws IOException {
        Path train = TopicCsv.write(dir.resolve("plain.csv"), 600, 4, 10, true);
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(train));
        lines.replaceAll(l -> l.startsWith("\"2\"") && l.hashCode() % 3 == 0 ? "\"+2.0\"" + l.substring(3) : l);
        lines.add(0, "class,description");
        Path hostile = dir.resolve("hostile.csv");
        Files.write(hostile, lines);
        Path model = dir.resolve("m.textclf");

        Run trained = Run.of("train", hostile.toString(), "--no-test", "-o", model.toString(), "--epochs", "2");

        assertThat(trained.exitCode()).as(trained.err()).isZero();
        assertThat(trained.err()).contains("2 classes: 1, 2", "read 600 records, skipped 1",
                hostile + ":1: skipped a header row (class, description); Zhang CSV files have none");
    }

    @Test
    void train_tooFewSamplesToSplit_saysSoExitOne() throws IOException {
        Path train = dir.resolve("tiny.csv");
        Files.write(train, List.of("\"1\",\"good thing\"", "\"2\",\"bad thing\""));

        Run run = Run.of("train", train.toString(), "--no-test", "-o", dir.resolve("m").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).endsWith("textclf: " + train + ": too few samples to hold out a validation part (2"
                + " samples); give --val FILE or more data" + System.lineSeparator());
    }

    @Test
    void train_cacheDirTwiceThenOptionChanged_reusesThenRebuildsSayingWhy() throws IOException {
        Path train = corpus("train.csv", 600, 6);
        Path cache = dir.resolve("cache");
        String[] args = {"train", train.toString(), "--no-test", "-o", dir.resolve("m").toString(), "--epochs", "2",
                "--cache-dir", cache.toString()};
        Run first = Run.of(args);
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.err()).contains("fitting the vectorizer in " + cache + " (none cached yet)");
        Run second = Run.of(args);
        assertThat(second.err()).containsPattern("reusing cached vectorizer and \\d+ \\+ \\d+ examples from ");
        // the same training from the cache: same epochs and metrics, only the seconds differ
        assertThat(second.out().replaceAll("[0-9.]+ s", "")).isEqualTo(first.out().replaceAll("[0-9.]+ s", ""));
        String[] minDf3 = java.util.Arrays.copyOf(args, args.length + 2);
        minDf3[args.length] = "--min-df";
        minDf3[args.length + 1] = "3";
        Run changed = Run.of(minDf3);
        assertThat(changed.err()).contains("fitting the vectorizer in " + cache + " (--min-df 2 -> 3)");
        String[] seed7 = java.util.Arrays.copyOf(minDf3, minDf3.length + 4);
        System.arraycopy(new String[] {"--seed", "7", "--ngram-range", "1,1"}, 0, seed7, minDf3.length, 4);
        Run reseeded = Run.of(seed7);
        assertThat(reseeded.err()).contains("fitting the vectorizer in " + cache + " (--ngram-range MAX 2 -> 1;"
                + " --seed 42 -> 7)");
    }

    @Test
    void help_everyCommand_rendersWithoutPicocliWarnings() {
        // picocli reports a description it cannot format (a bare '%') on System.err, not on the command's stream.
        java.io.PrintStream original = System.err;
        java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(warnings, true, StandardCharsets.UTF_8));
        try {
            for (String command : new String[] {"train", "evaluate", "predict", "explore"}) {
                Run run = Run.of(command, "--help");
                assertThat(run.exitCode()).isZero();
                assertThat(run.out()).contains("Usage: textclf " + command);
                assertThat(run.err()).as(command).doesNotContain("WARN");
            }
        } finally {
            System.setErr(original);
        }
        assertThat(warnings.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void evaluate_notAModel_oneLineExitOne() throws IOException {
        Path csv = corpus("test.csv", 10, 3);
        Run run = Run.of("evaluate", csv.toString(), csv.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).hasSize(1).allMatch(l -> l.startsWith("textclf: ") && l.contains("not a"
                + " textclf model"));
    }

    @Test
    void train_unknownModel_usageErrorExitTwo() throws IOException {
        Path train = corpus("train.csv", 10, 4);
        Run run = Run.of("train", train.toString(), "--model", "bert");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("textclf: Invalid value for option '--model': expected one of auto, mlp, linear,"
                + " sepcnn, found 'bert'");
    }

    @Test
    void train_badRecord_namesFileAndLineExitOne() throws IOException {
        Path train = corpus("train.csv", 50, 5);
        Files.writeString(train, "\"1\",\"unclosed\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        Run run = Run.of("train", train.toString(), "--no-test", "-o", dir.resolve("m").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("train.csv:51: ");
        assertThat(dir.resolve("m")).doesNotExist();
    }
}
