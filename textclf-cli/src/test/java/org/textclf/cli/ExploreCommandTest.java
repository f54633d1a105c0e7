package org.textclf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExploreCommandTest {
    @TempDir
    Path dir;

    /** Zhang CSV, 5 samples: words 3, 2, 4, 1, 6 -> median 3, S/W 5/3; classes 1 x3, 2 x2. */
    private Path corpus() throws IOException {
        Path file = dir.resolve("train.csv");
        Files.writeString(file, """
                "1","the film was"
                "2","bad film"
                "1","the film was good"
                "2","awful"
                "1","the film was good, very good"
                """, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void explore_json_oneObjectWithEveryFigure() throws IOException {
        Run run = Run.of("explore", corpus().toString(), "--json");

        assertThat(run.exitCode()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("samples").asLong()).isEqualTo(5);
        assertThat(json.get("classes").asInt()).isEqualTo(2);
        assertThat(json.get("samples_per_class").get("1").asLong()).isEqualTo(3);
        assertThat(json.get("samples_per_class").get("2").asLong()).isEqualTo(2);
        assertThat(json.get("median_words_per_sample").asDouble()).isEqualTo(3);
        assertThat(json.get("sw_ratio").asDouble()).isEqualTo(5 / 3.0);
        assertThat(json.get("recommended_model").asText()).isEqualTo("mlp");
        assertThat(json.get("use_pretrained_embeddings").asBoolean()).isFalse();
        assertThat(json.get("reason").asText()).startsWith("S/W = 2 < 1,500");
        assertThat(json.get("top_ngrams").get(0).get("ngram").asText()).isEqualTo("film");
        assertThat(json.get("top_ngrams").get(0).get("count").asLong()).isEqualTo(4);
        assertThat(json.get("top_ngrams_exact").asBoolean()).isTrue();
        JsonNode length = json.get("sample_length");
        assertThat(length.get("min").asInt()).isEqualTo(1);
        assertThat(length.get("max").asInt()).isEqualTo(6);
        assertThat(length.get("mean").asDouble()).isEqualTo(16 / 5.0);
        assertThat(length.get("p50").asDouble()).isEqualTo(3);
        assertThat(length.get("histogram").size()).isGreaterThan(1);
        assertThat(json.get("records_read").asLong()).isEqualTo(5);
        assertThat(json.get("records_skipped").asLong()).isZero();
        assertThat(run.err()).isEqualTo("read 5 records, skipped 0" + System.lineSeparator());
    }

    @Test
    void explore_report_alignedWithSeparators() throws IOException {
        Run run = Run.of("explore", corpus().toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Recommended model: mlp (n-gram tf-idf + MLP)")
                .containsPattern("  Samples +5\\n")
                .containsPattern("  Median words per sample +3\\n")
                .containsPattern("  S/W ratio +1\\.7\\n")
                .containsPattern("    1 +3   60\\.0%\\n")
                .contains("Top 13 uni- and bigrams (exact counts, of 27 occurrences)");
    }

    @Test
    void explore_classesTxtBeside_namesClasses() throws IOException {
        Path data = corpus();
        Files.writeString(dir.resolve("classes.txt"), "negative\npositive\n");
        Run run = Run.of("explore", data.toString(), "--json");

        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("samples_per_class").get("negative").asLong()).isEqualTo(3);
        assertThat(json.get("samples_per_class").get("positive").asLong()).isEqualTo(2);
    }

    @Test
    void explore_badRecordSkip_countsAndNamesOffenders() throws IOException {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "\"1\",\"good film\"\n\"2\"\n\"1\",\"fine film\"\n",
                StandardCharsets.UTF_8);
        Run run = Run.of("explore", file.toString(), "--json", "--on-bad-record", "skip");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("read 2 records, skipped 1").contains("first skipped record:")
                .contains(file + ":2: ");
        assertThat(new ObjectMapper().readTree(run.out()).get("records_skipped").asLong()).isEqualTo(1);
    }

    @Test
    void explore_badRecordFail_oneLineExitOne() throws IOException {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "\"1\",\"good film\"\n\"2\"\n\"1\",\"fine film\"\n",
                StandardCharsets.UTF_8);
        Run run = Run.of("explore", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("textclf: " + file + ":2: ");
    }

    @Test
    void explore_emptyFile_clearMessageExitOne() throws IOException {
        Path file = dir.resolve("empty.csv");
        Files.writeString(file, "");
        Run run = Run.of("explore", file.toString(), "--format", "zhang-csv");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("no samples to explore");
    }

    @Test
    void explore_unknownFormat_usageErrorExitTwo() throws IOException {
        Run run = Run.of("explore", corpus().toString(), "--format", "xml");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("unknown data format 'xml'; expected one of zhang-csv, csv, tsv, fasttext,"
                + " jsonl, folder");
    }

    @Test
    void explore_unknownBadRecordPolicy_usageErrorExitTwo() throws IOException {
        Run run = Run.of("explore", corpus().toString(), "--on-bad-record", "ignore");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("unknown bad-record policy 'ignore'; expected fail or skip");
    }

    @Test
    void explore_negativeTopNgrams_usageErrorExitTwo() throws IOException {
        Run run = Run.of("explore", corpus().toString(), "--top-ngrams", "-1");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Invalid value for option '--top-ngrams': expected a whole number of at least 0, found -1");
    }

    @Test
    void explore_topNgramsOption_limitsList() throws IOException {
        Run run = Run.of("explore", corpus().toString(), "--json", "--top-ngrams", "3");

        assertThat(new ObjectMapper().readTree(run.out()).get("top_ngrams").size()).isEqualTo(3);
    }

    @Test
    void wrap_longReason_linesWithinWidthAndIndented() {
        String wrapped = ExploreReport.wrap("aaa bbb ccc ddd", "  ", 9);

        assertThat(wrapped).isEqualTo("  aaa bbb\n  ccc ddd\n");
    }

    @Test
    void explore_help_showsDefaultsFromConstants() {
        Run run = Run.of("explore", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().replaceAll("\\s+", " ")).contains("(default: 50)", "(default: fail)",
                "(default: the first of text, sentence, review,", "(default: the first of label, class,");
    }

    @Test
    void explore_plots_threeDecodablePngsAndNoTempFiles() throws IOException {
        Path plots = dir.resolve("plots");
        Run run = Run.of("explore", corpus().toString(), "--plots", plots.toString());

        assertThat(run.exitCode()).isZero();
        for (String name : ExplorePlots.FILES) {
            BufferedImage image = ImageIO.read(plots.resolve(name).toFile());
            assertThat(image).as(name).isNotNull();
            assertThat(image.getWidth()).isEqualTo(1200);
        }
        try (Stream<Path> files = Files.list(plots)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrderElementsOf(
                    ExplorePlots.FILES);
        }
    }
}
