package org.textclf.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textclf.config.TrainOptions;
import org.textclf.data.Datasets;
import org.textclf.data.Labels;
import org.textclf.data.Sample;
import org.textclf.data.SampleReader;
import org.textclf.data.SampleSource;
import org.textclf.data.SourceOptions;
import org.textclf.data.Sources;

/**
 * The n-gram branch's accuracy targets on the real corpora, with the documented defaults and the default seed; run
 * by failsafe with {@code -Xmx256m}. {@code TEXTCLF_DATA=../shared/data mvn -pl textclf-core verify
 * -Dit.test=NgramModelIT}.
 */
class NgramModelIT {
    @TempDir
    Path temp;

    private static Path data(String name) throws IOException {
        if (System.getenv(Datasets.ENV) == null) {
            fail("set TEXTCLF_DATA to the shared data folder (the one holding imdb/ and ag_news/)");
        }
        return Datasets.resolve(name);
    }

    private static double testAccuracy(Path train, Path test) throws IOException {
        SampleSource source = Sources.open(train, SourceOptions.DEFAULTS);
        FitResult result = TestFits.fit(source, null, null, TrainOptions.DEFAULTS, List.of(),
                new PrintWriter(Writer.nullWriter()));
        double accuracy = result.classifier().evaluate(Sources.open(test, SourceOptions.DEFAULTS)).accuracy();
        System.out.printf("%s -> %s: test accuracy %.4f, best epoch %d of %d, %.1f s%n", train.getFileName(),
                test.getFileName(), accuracy, result.bestEpoch(), result.history().size(), result.seconds());
        return accuracy;
    }

    @Test
    void imdb_defaults_reachTheTarget() throws IOException {
        assertThat(testAccuracy(data("imdb"), data("imdb:test"))).isGreaterThanOrEqualTo(0.903);
    }

    @Test
    void agNews_defaults_reachTheTarget() throws IOException {
        assertThat(testAccuracy(data("ag_news"), data("ag_news:test"))).isGreaterThanOrEqualTo(0.890);
    }

    @Test
    void imdb_sortedByClass_matchesTheShuffledFileWithinHalfAPoint() throws IOException {
        Path sorted = temp.resolve("imdb-train-sorted.csv");
        List<Sample> samples = new ArrayList<>();
        try (SampleReader reader = Sources.open(data("imdb"), SourceOptions.DEFAULTS).open()) {
            for (Sample s = reader.next(); s != null; s = reader.next()) {
                samples.add(s);
            }
        }
        samples.sort(Comparator.comparing(Sample::label));
        try (BufferedWriter out = Files.newBufferedWriter(sorted, StandardCharsets.UTF_8)) {
            for (Sample s : samples) {
                out.write("\"" + s.label() + "\",\"" + s.text().replace("\"", "\"\"") + "\"\n");
            }
        }
        samples = null;
        assertThat(Labels.scan(Sources.open(sorted, SourceOptions.DEFAULTS)).rawLabels()).containsExactly("1", "2");
        double shuffledFile = testAccuracy(data("imdb"), data("imdb:test"));
        double sortedFile = testAccuracy(sorted, data("imdb:test"));
        assertThat(Math.abs(sortedFile - shuffledFile)).isLessThanOrEqualTo(0.005);
    }
}
