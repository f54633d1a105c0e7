package org.textclf.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.textclf.api.FitRequest;
import org.textclf.api.TextClassifier;
import org.textclf.config.MlpBranchConfig;
import org.textclf.config.TrainOptions;
import org.textclf.data.SourceOptions;
import org.textclf.data.Sources;

/** A small two-class corpus whose classes a model learns in a few epochs, and a classifier trained on it locally. */
public final class TinyCorpus {
    private static final String[] GOOD = {"good", "great", "fine", "lovely", "superb", "wonderful"};
    private static final String[] BAD = {"bad", "awful", "poor", "dreadful", "boring", "terrible"};
    private static final String[] FILLER = {"the", "film", "was", "a", "and", "plot", "acting", "story"};

    private TinyCorpus() {
    }

    /** {@code n} texts, alternating classes {@code pos} and {@code neg}, deterministic for {@code seed}. */
    public static List<String[]> rows(int n, long seed) {
        Random r = new Random(seed);
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean pos = i % 2 == 0;
            StringBuilder s = new StringBuilder();
            for (int w = 0; w < 8; w++) {
                String[] from = w % 2 == 0 ? FILLER : pos ? GOOD : BAD;
                s.append(w == 0 ? "" : " ").append(from[r.nextInt(from.length)]);
            }
            rows.add(new String[] {s.toString(), pos ? "pos" : "neg"});
        }
        return rows;
    }

    /** Writes {@code rows} as a CSV with a {@code text,label} header. */
    public static Path writeCsv(Path file, List<String[]> rows) throws IOException {
        StringBuilder s = new StringBuilder("text,label\n");
        for (String[] r : rows) {
            s.append('"').append(r[0]).append("\",").append(r[1]).append('\n');
        }
        return Files.writeString(file, s);
    }

    /** Options small enough for a test that still learn the classes: the n-gram MLP, 8 epochs, nothing printed. */
    public static TrainOptions options() {
        return TrainOptions.of(MlpBranchConfig.DEFAULTS).withFit(f -> f.epochs(8).batchSize(16).learningRate(0.01f))
                .withEnvironment(e -> e.withVerbose(0));
    }

    /** A classifier trained by core alone on {@code n} rows written to {@code dir}. */
    public static TextClassifier classifier(Path dir, int n) throws IOException {
        Path csv = writeCsv(dir.resolve("tiny.csv"), rows(n, 1));
        FitRequest request = FitRequest.builder(Sources.open(csv, SourceOptions.DEFAULTS)).options(options())
                .log(new PrintWriter(new StringWriter())).build();
        return TextClassifier.fit(request).classifier();
    }
}
