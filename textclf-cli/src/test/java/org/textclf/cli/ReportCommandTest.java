package org.textclf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train --report DIR} and {@code evaluate --report DIR}: the PNGs and the self-contained page. */
class ReportCommandTest {
    private static final Pattern DATA_URI = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"");

    @TempDir
    Path dir;

    private Path corpus(String name, int rows, long seed, String... classNames) throws IOException {
        Files.write(dir.resolve("classes.txt"), List.of(classNames));
        return TopicCsv.write(dir.resolve(name), rows, seed, 10, true);
    }

    private Run train(Path report, String... classNames) throws IOException {
        Path train = corpus("train.csv", 400, 1, classNames);
        Path test = corpus("test.csv", 100, 2, classNames);
        return Run.of("train", train.toString(), "--test", test.toString(), "-o", dir.resolve("m.textclf").toString(),
                "--verbose", "2", "--epochs", "3", "--report", report.toString());
    }

    @Test
    void train_report_writesEveryPngAndOnePageEmbeddingThem() throws IOException {
        Path report = dir.resolve("report");

        Run run = train(report, "sports", "money");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("wrote the report " + report.resolve("index.html"));
        for (String png : List.of("loss.png", "accuracy.png", "confusion_matrix.png", "class_scores.png")) {
            BufferedImage image = ImageIO.read(report.resolve(png).toFile());
            assertThat(image).as(png).isNotNull();
            assertThat(image.getWidth()).as(png).isGreaterThanOrEqualTo(500);
            assertThat(image.getHeight()).as(png).isGreaterThanOrEqualTo(400);
        }
        assertThat(ImageIO.read(report.resolve("loss.png").toFile()).getWidth()).isEqualTo(1000);
        assertThat(ImageIO.read(report.resolve("loss.png").toFile()).getHeight()).isEqualTo(600);
        String html = Files.readString(report.resolve("index.html"));
        Matcher images = DATA_URI.matcher(html);
        int embedded = 0;
        while (images.find()) {
            byte[] png = Base64.getDecoder().decode(images.group(1));
            assertThat(ImageIO.read(new ByteArrayInputStream(png))).isNotNull();
            embedded++;
        }
        assertThat(embedded).isEqualTo(4);
        assertThat(html).contains("<td>sports</td>", "<td>money</td>", "Macro F1", "History", "val_loss",
                "best epoch", dir.resolve("train.csv").toString(), "crc32c", "learning_rate",
                "<tr><th>Java</th><td>" + Runtime.version());
        assertThat(html).doesNotContain("src=\"loss.png\"");
        try (var left = Files.list(report)) {
            assertThat(left.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly(
                    "accuracy.png", "class_scores.png", "confusion_matrix.png", "index.html", "loss.png");
        }
    }

    @Test
    void train_reportOneEpoch_drawsCurvesOfOnePoint() throws IOException {
        Path report = dir.resolve("report");
        Path train = corpus("train.csv", 300, 1, "sports", "money");

        Run run = Run.of("train", train.toString(), "--no-test", "-o", dir.resolve("m.textclf").toString(),
                "--verbose", "0", "--epochs", "1", "--report", report.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        BufferedImage loss = ImageIO.read(report.resolve("loss.png").toFile());
        assertThat(loss.getWidth()).isEqualTo(1000);
        // The best epoch's line and diamond (green) stand at the one epoch, not apart: columns of green in the plot.
        int left = loss.getWidth();
        int right = 0;
        for (int y = 0; y < loss.getHeight() - 45; y++) { // above the legend's row, which has a green sample too
            for (int x = 0; x < loss.getWidth(); x++) {
                Color c = new Color(loss.getRGB(x, y));
                if (c.getGreen() > 140 && c.getRed() < 90 && c.getBlue() < 90) {
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                }
            }
        }
        assertThat(right - left).as("green from x=%d to x=%d", left, right).isBetween(0, 16);
        assertThat(report.resolve("confusion_matrix.png")).doesNotExist();
        String html = Files.readString(report.resolve("index.html"));
        assertThat(html).contains("No test data, so no confusion matrix", "1 (best epoch)");
    }

    @Test
    void train_reportClassNamedLikeMarkup_isEscapedEverywhere() throws IOException {
        Path report = dir.resolve("report");

        Run run = train(report, "<script>alert(1)</script>", "a & \"b\" <img src=x onerror=alert(2)>");

        assertThat(run.exitCode()).as(run.err()).isZero();
        String html = Files.readString(report.resolve("index.html"));
        assertThat(html).doesNotContain("<script>alert", "<img src=x");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;",
                "a &amp; &quot;b&quot; &lt;img src=x onerror=alert(2)&gt;");
    }

    @Test
    void evaluate_report_hasNoLearningCurvesAndSaysWhy() throws IOException {
        Run trained = train(dir.resolve("unused"), "sports", "money");
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        Path report = dir.resolve("eval-report");

        Run run = Run.of("evaluate", dir.resolve("m.textclf").toString(), dir.resolve("test.csv").toString(),
                "--report", report.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(report.resolve("confusion_matrix.png")).exists();
        assertThat(report.resolve("class_scores.png")).exists();
        assertThat(report.resolve("loss.png")).doesNotExist();
        assertThat(report.resolve("accuracy.png")).doesNotExist();
        String html = Files.readString(report.resolve("index.html"));
        assertThat(html).contains("No learning curves: the model file keeps no training history");
        assertThat(html).contains(dir.resolve("test.csv").toString(), "<td>sports</td>");
    }

    @Test
    void train_reportFolderIsAFile_oneLineBeforeAnyTraining() throws IOException {
        Path file = Files.writeString(dir.resolve("taken"), "x");

        Run run = train(file, "sports", "money");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("textclf: " + file + ": --report is a file; expected a folder (created if"
                + " missing); give another --report" + System.lineSeparator());
        assertThat(dir.resolve("m.textclf")).doesNotExist();
    }

    @Test
    void evaluate_reportFolderIsAFile_oneLineBeforeReadingTheData() throws IOException {
        Path file = Files.writeString(dir.resolve("taken"), "x");

        Run run = Run.of("evaluate", "missing.textclf", "missing.csv", "--report", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("textclf: " + file + ": --report is a file");
    }
}
