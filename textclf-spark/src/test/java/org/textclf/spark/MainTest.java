package org.textclf.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textclf.api.TextClassifier;

class MainTest {
    @TempDir
    Path dir;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    List<String> errLines() {
        return err.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void usageErrors_exit2_withOneLineAndTheUsage() {
        assertThat(run("fit")).isEqualTo(2);
        assertThat(errLines()).containsExactly("textclf-spark: unknown command 'fit'; expected train",
                TrainArgs.USAGE);
        err.reset();
        assertThat(run("train", "--train", "x.csv")).isEqualTo(2);
        assertThat(errLines().get(0)).isEqualTo("textclf-spark: missing -o MODEL (where the model file goes)");
        err.reset();
        assertThat(run("train", "--train", "x.csv", "-o", "m", "--epochs", "0")).isEqualTo(2);
        assertThat(errLines().get(0)).isEqualTo("textclf-spark: invalid value for option '--epochs': expected an"
                + " integer of at least 1, found 0");
        err.reset();
        assertThat(run("train", "--train", "x.csv", "-o", "m", "--model", "cnn")).isEqualTo(2);
        assertThat(errLines().get(0)).isEqualTo("textclf-spark: invalid value for option '--model': expected one"
                + " of auto, mlp, linear, sepcnn, found cnn");
        err.reset();
        assertThat(run("train", "--train", "x.csv", "-o", "m", "--learning-rate", "-1")).isEqualTo(2);
        assertThat(errLines().get(0)).startsWith("textclf-spark: invalid value for option '--learning-rate': found"
                + " -1; learningRate: Adam's learning rate; 0 for the branch's own");
        err.reset();
        assertThat(run("train", "--train", "x.csv", "-o", "m", "--bogus", "1")).isEqualTo(2);
        assertThat(errLines().get(0)).isEqualTo("textclf-spark: unknown option '--bogus'");
    }

    @Test
    void badInputs_exit1_withOneLineNamingTheFile() throws Exception {
        TestSpark.session();
        Path missing = dir.resolve("missing.csv");
        assertThat(run("train", "--train", missing.toString(), "-o", dir.resolve("m").toString())).isEqualTo(1);
        assertThat(errLines()).containsExactly("textclf-spark: " + missing + ": no such file or directory");

        err.reset();
        TestSpark.session();
        Path train = StandaloneClusterIT.zhangCsv(dir.resolve("train.csv"), TinyCorpus.rows(200, 1));
        Path test = Files.writeString(dir.resolve("test.csv"), "\"1\",\"good film\"\n\"3\",\"a third class\"\n");
        Path model = dir.resolve("m.textclf");
        assertThat(run("train", "--train", train.toString(), "--test", test.toString(), "-o", model.toString(),
                "--model", "mlp", "--epochs", "2", "--batch-size", "64", "--verbose", "0")).isEqualTo(1);
        assertThat(errLines()).last().isEqualTo("textclf-spark: " + test + ": label '3' is not a class of the"
                + " model; expected one of 1, 2");
        assertThat(model).doesNotExist();
    }

    @Test
    void train_withValidationAndTest_savesAModelNamedByClassesTxt_andPrintsTheTestAccuracy() throws Exception {
        TestSpark.session();
        Path train = StandaloneClusterIT.zhangCsv(dir.resolve("train.csv"), TinyCorpus.rows(200, 1));
        Path val = StandaloneClusterIT.zhangCsv(dir.resolve("val.csv"), TinyCorpus.rows(60, 2));
        Path test = StandaloneClusterIT.zhangCsv(dir.resolve("test.csv"), TinyCorpus.rows(60, 3));
        Files.writeString(dir.resolve("classes.txt"), "negative\npositive\n");
        Path model = dir.resolve("m.textclf");
        assertThat(run("train", "--train", train.toString(), "--val", val.toString(), "--test", test.toString(),
                "-o", model.toString(), "--model", "mlp", "--epochs", "6", "--batch-size", "32", "--learning-rate",
                "0.02", "--partitions", "2", "--verbose", "0")).as(err.toString(StandardCharsets.UTF_8)).isZero();
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("saved " + model + " (mlp): best epoch ");
        assertThat(lines.get(1)).matches("test on " + test + ": accuracy (0\\.9[5-9]\\d\\d|1\\.0000) \\(60 samples,"
                + " scored on the executors\\)");
        TextClassifier loaded = TextClassifier.load(model);
        assertThat(loaded.classNames()).containsExactly("negative", "positive");
        assertThat(loaded.info().metrics()).containsKey("test_accuracy");
    }
}
