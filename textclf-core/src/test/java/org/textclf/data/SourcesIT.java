package org.textclf.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The real corpora in {@code $TEXTCLF_DATA}: counts, labels, class names, and read throughput (printed, not
 * asserted). Run: {@code TEXTCLF_DATA=/work/shared/data mvn -o -q -B -pl textclf-core verify -Dit.test=SourcesIT
 * -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}
 */
class SourcesIT {

    static Path dataFile(String relative) {
        String root = System.getenv(Datasets.ENV);
        if (root == null || root.isBlank()) {
            fail("TEXTCLF_DATA is not set; set it to the shared data folder, e.g. export TEXTCLF_DATA=../shared/data");
        }
        Path file = Path.of(root, relative);
        if (!Files.exists(file)) {
            fail(file + " is missing; set TEXTCLF_DATA to the shared data folder, e.g. export "
                    + "TEXTCLF_DATA=../shared/data");
        }
        return file;
    }

    @Test
    void open_imdbTrain_reads25000SamplesLabeledOneAndTwo() throws IOException {
        Path file = dataFile("imdb/train.csv.gz");
        assertThat(Datasets.resolve("imdb")).isEqualTo(file);
        SampleSource source = Sources.open(file, SourceOptions.DEFAULTS);
        for (int pass = 1; pass <= 3; pass++) {
            Map<String, Integer> perLabel = new HashMap<>();
            long chars = 0;
            long start = System.nanoTime();
            try (SampleReader reader = source.open()) {
                for (Sample s = reader.next(); s != null; s = reader.next()) {
                    perLabel.merge(s.label(), 1, Integer::sum);
                    chars += s.text().length();
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("SourcesIT imdb/train.csv.gz pass %d: %s, %,d text chars in %.3f s (%.1f MB/s of "
                        + "text, %,.0f samples/s)%n", pass, reader.stats(), chars, seconds, chars / seconds / 1e6,
                        reader.stats().read() / seconds);
                assertThat(reader.stats().read()).isEqualTo(25_000);
                assertThat(reader.stats().skipped()).isZero();
            }
            assertThat(perLabel).containsOnlyKeys("1", "2");
            assertThat(perLabel.get("1") + perLabel.get("2")).isEqualTo(25_000);
        }
        // classes.txt names IMDB's two classes: 1 is negative, 2 positive
        Labels labels = Labels.scan(source).withNamesBeside(file);
        assertThat(labels.rawLabels()).containsExactly("1", "2");
        assertThat(labels.names()).containsExactly("negative", "positive");
    }

    @Test
    void open_agNewsTest_reads7600SamplesInFourNamedClasses() throws IOException {
        Path file = dataFile("ag_news/test.csv");
        assertThat(Sources.detect(file, SourceOptions.DEFAULTS)).isEqualTo(DataFormat.ZHANG_CSV);
        SampleSource source = Sources.open(file, SourceOptions.DEFAULTS);

        Labels labels = Labels.scan(source).withNamesBeside(file);

        assertThat(labels.rawLabels()).containsExactly("1", "2", "3", "4");
        assertThat(labels.names()).containsExactly("World", "Sports", "Business", "Sci/Tech");
        try (SampleReader reader = source.open()) {
            Sample first = reader.next();
            assertThat(first.label()).isEqualTo("3");
            assertThat(first.text()).startsWith("Fears for T N pension after talks Unions representing");
            TestFiles.drain(reader);
            assertThat(reader.stats().read()).isEqualTo(7_600);
        }
    }

    @Test
    void evaluationSplit_sharedDatasets_matchTheirReadmes() throws IOException {
        Path sst2Dev = dataFile("sst2/dev.csv");
        assertThat(Datasets.evaluationSplit("sst2")).contains(sst2Dev);
        assertThat(Datasets.evaluationSplit("ag_news")).contains(dataFile("ag_news/test.csv"));
        assertThat(Datasets.resolve("ag_news")).isEqualTo(dataFile("ag_news/train_sample_12000.csv"));
        assertThat(TestFiles.readAll(Sources.open(sst2Dev, SourceOptions.DEFAULTS))).hasSize(872);
    }
}
