package org.textclf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TuneCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private List<String> tuneArgs(String out, String... more) throws IOException {
        Path train = TopicCsv.write(dir.resolve("train.csv"), 400, 1, 8, true);
        Path val = TopicCsv.write(dir.resolve("val.csv"), 150, 2, 8, true);
        Path test = TopicCsv.write(dir.resolve("test.csv"), 150, 3, 8, true);
        List<String> args = new ArrayList<>(List.of("tune", train.toString(), "--val", val.toString(), "--test",
                test.toString(), "-o", dir.resolve(out + ".textclf").toString(), "--epochs", "5", "--patience", "1",
                "--json"));
        args.addAll(List.of(more));
        return args;
    }

    private static Run run(List<String> args) {
        return Run.of(args.toArray(String[]::new));
    }

    private void assertUsageError(String option, String value, String message) {
        Run run = Run.of("tune", "train.csv", option, value);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines().findFirst().orElse("")).isEqualTo("textclf: " + message);
        assertThat(run.err()).doesNotContain("Exception");
    }

    @Test
    void tune_malformedBudgetTrialsOrMetric_isAUsageError() {
        assertUsageError("--budget", "5x", "Invalid value for option '--budget': expected a duration such as 90s, 5m"
                + " or 1h30m, found '5x'");
        assertUsageError("--budget", "0s", "Invalid value for option '--budget': expected a positive duration such"
                + " as 90s, 5m or 1h30m, found '0s'");
        assertUsageError("--trials", "0", "Invalid value for option '--trials': expected a whole number of at least"
                + " 1, found 0");
        assertUsageError("--metric", "accuracy", "Invalid value for option '--metric': metric 'accuracy' not"
                + " available; available: val_accuracy, val_loss, macro_f1");
    }

    @Test
    void tune_gridOfAnotherModel_isAUsageError() throws IOException {
        Run run = run(tuneArgs("m", "--grid", "--model", "sepcnn"));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("textclf: --grid is the guide's grid of the mlp (--layers x --units);"
                + " expected --model mlp or auto, found --model sepcnn");
    }

    @Test
    void tune_help_printsEverySearchSpace() {
        Run help = Run.of("tune", "--help");
        assertThat(help.out()).contains("Search spaces:", "mlp:", "linear:", "sepcnn:")
                .containsPattern("--units +8\\|16\\|32\\|64\\|128").containsPattern("--kernel-size +3\\|5");
        assertThat(Run.of("tune", "--show-space").out()).isEqualTo(TuneCommand.spaces() + System.lineSeparator());
    }

    @Test
    void tune_jsonAndCsv_holdEveryTrial() throws IOException {
        Path csv = dir.resolve("trials.csv");
        Run run = run(tuneArgs("m", "--model", "linear", "--trials", "3", "--trials-csv", csv.toString()));
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = JSON.readTree(run.out());
        assertThat(json.get("trials")).hasSize(3);
        assertThat(json.get("best").get("trial").asInt()).isEqualTo(json.get("trials").get(0).get("trial").asInt());
        assertThat(json.get("test_accuracy").asDouble()).isGreaterThan(0.5);
        assertThat(json.get("train_command").asText()).startsWith("textclf train ").contains("--model linear");
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(1 + 3);
        assertThat(lines.get(0)).startsWith("trial,branch,rung,epochs,best_epoch,metric,val_loss,val_accuracy,")
                .endsWith(",l2,learning-rate,ngram-range,min-df,top-features,sublinear-tf,token-pattern");
        assertThat(dir.resolve("m.tune.png")).isNotEmptyFile();
        assertThat(dir.resolve("m.tune.jsonl")).isNotEmptyFile();
        assertThat(run.err()).contains("trial 1 rung 0 (epochs 0-1 of 1): linear --l2 ");
    }

    @Test
    void tune_printedTrainCommand_trainsTheSameModel() throws IOException {
        Run tune = run(tuneArgs("m", "--model", "mlp", "--trials", "3"));
        assertThat(tune.exitCode()).as(tune.err()).isZero();
        JsonNode json = JSON.readTree(tune.out());
        List<String> command = new ArrayList<>(Arrays.asList(json.get("train_command").asText().split(" ")));
        assertThat(command.subList(0, 2)).containsExactly("textclf", "train");
        List<String> args = new ArrayList<>(command.subList(1, command.size()));
        int o = args.indexOf("--output");
        args.set(o + 1, dir.resolve("again.textclf").toString());
        args.addAll(List.of("--json", "--verbose", "0"));

        Run train = run(args);
        assertThat(train.exitCode()).as(train.err()).isZero();
        JsonNode again = JSON.readTree(train.out());
        assertThat(again.get("val_accuracy").asDouble()).isEqualTo(json.get("best").get("val_accuracy").asDouble());
        assertThat(again.get("val_loss").asDouble()).isEqualTo(json.get("best").get("val_loss").asDouble());
        assertThat(again.get("best_epoch").asInt()).isEqualTo(json.get("best").get("best_epoch").asInt());
        assertThat(again.get("test_accuracy").asDouble()).isEqualTo(json.get("test_accuracy").asDouble());
    }

    @Test
    void tune_killedProcessResumed_endsWithTheUninterruptedTable() throws Exception {
        Run whole = run(tuneArgs("whole", "--model", "mlp", "--trials", "6"));
        assertThat(whole.exitCode()).as(whole.err()).isZero();

        List<String> args = tuneArgs("killed", "--model", "mlp", "--trials", "6");
        Path log = dir.resolve("killed.tune.jsonl");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), "-Djava.io.tmpdir=" + dir,
                Main.class.getName()));
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("killed.out").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (p.isAlive() && lines(log) < 3 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        p.destroyForcibly().waitFor();
        int logged = lines(log);
        assertThat(logged).as("killed before the tune's last rung: " + Files.readString(dir.resolve("killed.out")))
                .isBetween(3, 1 + 6 + 2);

        Run resumed = Run.of("tune", "--resume", log.toString());
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        JsonNode a = JSON.readTree(whole.out());
        JsonNode b = JSON.readTree(resumed.out());
        assertThat(withoutTimes(b.get("trials"))).isEqualTo(withoutTimes(a.get("trials")));
        assertThat(b.get("test_accuracy").asDouble()).isEqualTo(a.get("test_accuracy").asDouble());
    }

    private static int lines(Path log) throws IOException {
        return Files.exists(log) ? (int) Files.readString(log).chars().filter(c -> c == '\n').count() : 0;
    }

    private static JsonNode withoutTimes(JsonNode trials) {
        JsonNode copy = trials.deepCopy();
        copy.forEach(t -> ((com.fasterxml.jackson.databind.node.ObjectNode) t).remove("seconds"));
        return copy;
    }
}
