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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code --class-weight}, {@code --sublinear-tf} and {@code --token-pattern}: checked as usage errors, recorded in the
 * model.
 */
class WeightingOptionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path data() throws IOException {
        Files.write(dir.resolve("classes.txt"), List.of("sports", "money"));
        return TopicCsv.write(dir.resolve("train.csv"), 300, 1, 10, true);
    }

    private Run train(String... more) throws IOException {
        List<String> args = new ArrayList<>(List.of("train", data().toString(), "-o", dir.resolve("m.textclf")
                .toString(), "--model", "mlp", "--epochs", "2", "--no-test"));
        args.addAll(List.of(more));
        return Run.of(args.toArray(String[]::new));
    }

    private JsonNode info() {
        Run info = Run.of("info", dir.resolve("m.textclf").toString(), "--json");
        assertThat(info.exitCode()).as(info.err()).isZero();
        try {
            return JSON.readTree(info.out());
        } catch (IOException e) {
            throw new AssertionError(info.out(), e);
        }
    }

    @ParameterizedTest(name = "--class-weight {0}")
    @CsvSource(delimiter = '|', value = {
        "sports=-1|the weight of class 'sports' must be a finite number greater than 0; found -1",
        "sports=0|the weight of class 'sports' must be a finite number greater than 0; found 0",
        "sports=x|the weight of class 'sports' must be a number; found 'x'",
        "sports|expected balanced, none or CLASS=WEIGHT,... (e.g. World=2,Sports=1), found 'sports'",
        "sports=1,sports=2|class 'sports' is given two weights; expected each class once",
        "=2|a class weight needs a class; found an empty class name"})
    void classWeight_badValue_usageErrorNamingTheOptionBeforeAnyFile(String value, String message) {
        Run run = Run.of("train", dir.resolve("missing.csv").toString(), "--class-weight", value);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("textclf: Invalid value for option '--class-weight': " + message + "\n");
    }

    @Test
    void classWeight_unknownClass_usageErrorNamingTheOptionAndTheClasses() throws IOException {
        Run run = train("--class-weight", "sports=2,weather=3");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("textclf: Invalid value for option '--class-weight': 'weather' is not a class"
                + " of the data; expected one of sports, money\n");
        assertThat(dir.resolve("m.textclf")).doesNotExist();
    }

    @Test
    void classWeight_byNameAndByLabel_printedAndRecordedInTheModel() throws IOException {
        Run byName = train("--class-weight", "money=3");
        assertThat(byName.exitCode()).as(byName.err()).isZero();
        assertThat(byName.err()).contains("class weights (money=3): sports 1.000, money 3.000\n");
        assertThat(info().get("training").get("class_weight").asText()).isEqualTo("money=3");

        Run byLabel = train("--class-weight", "1=2.5");
        assertThat(byLabel.exitCode()).as(byLabel.err()).isZero();
        assertThat(byLabel.err()).contains("class weights (1=2.5): sports 2.500, money 1.000\n");

        Run balanced = train("--class-weight", "balanced");
        assertThat(balanced.exitCode()).as(balanced.err()).isZero();
        assertThat(balanced.err()).containsPattern("class weights \\(balanced\\): sports \\d\\.\\d+, money \\d\\.\\d+\n");
        assertThat(info().get("training").get("class_weight").asText()).isEqualTo("balanced");
    }

    @Test
    void sublinearTf_defaultOnAndNegatable_recordedInTheModel() throws IOException {
        Run on = train();
        assertThat(on.exitCode()).as(on.err()).isZero();
        assertThat(info().get("vectorizer").get("sublinear_tf").asBoolean()).isTrue();
        assertThat(info().get("training").get("class_weight").asText()).isEqualTo("none");

        Run off = train("--no-sublinear-tf");
        assertThat(off.exitCode()).as(off.err()).isZero();
        assertThat(info().get("vectorizer").get("sublinear_tf").asBoolean()).isFalse();
    }

    @Test
    void tokenPattern_defaultIsTheConfigsAndGuideSelectable_recordedInTheModel() throws IOException {
        Run byDefault = train();
        assertThat(byDefault.exitCode()).as(byDefault.err()).isZero();
        assertThat(info().get("vectorizer").get("token_pattern").asText())
                .isEqualTo(org.textclf.text.NgramConfig.DEFAULT_TOKEN_PATTERN.cliName()).isEqualTo("words-and-symbols");

        Run guide = train("--token-pattern", "GUIDE");
        assertThat(guide.exitCode()).as(guide.err()).isZero();
        assertThat(info().get("vectorizer").get("token_pattern").asText()).isEqualTo("guide");
    }

    @Test
    void tokenPattern_badValue_usageErrorNamingTheChoices() {
        Run run = Run.of("train", dir.resolve("missing.csv").toString(), "--token-pattern", "\\w+");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("textclf: Invalid value for option '--token-pattern': unknown token pattern"
                + " '\\w+'; expected one of guide, words-and-symbols\n");
    }
}
