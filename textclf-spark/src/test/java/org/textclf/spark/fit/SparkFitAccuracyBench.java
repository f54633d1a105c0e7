package org.textclf.spark.fit;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.textclf.api.FitRequest;
import org.textclf.api.FitResult;
import org.textclf.api.TextClassifier;
import org.textclf.config.TrainOptions;
import org.textclf.data.Datasets;
import org.textclf.data.Sample;
import org.textclf.data.SampleReader;
import org.textclf.data.SampleSource;
import org.textclf.data.SourceOptions;
import org.textclf.data.Sources;
import org.textclf.progress.ProgressListener;

/**
 * The accuracy target of issue 14 measured, too slow for CI (minutes per corpus on two cores): for each corpus in
 * {@code -Dtextclf.spark.bench=imdb,ag_news} (names in {@code $TEXTCLF_DATA}), the single-process fit with the
 * defaults, then {@link SparkFit} on local[2] with 2 and 4 partitions and both schemes, each evaluated on the
 * corpus' test split. One line per run on standard output and appended to {@code target/spark-fit-bench.txt}:
 * <pre>
 * bench imdb local 1 - accuracy 0.8950 epochs 4 best 2 seconds 21.3
 * bench imdb spark 2 gradient_averaging accuracy 0.8941 epochs 4 best 2 seconds 95.0 | stage times: split ...
 * </pre>
 * Run: {@code TEXTCLF_DATA=../shared/data mvn -o -q -pl textclf-spark -am test -Dtest=SparkFitAccuracyBench
 * -Dsurefire.failIfNoSpecifiedTests=false -Dtextclf.spark.bench=imdb,ag_news}; optional
 * {@code -Dtextclf.spark.partitions=2,4} and {@code -Dtextclf.spark.schemes=gradient_averaging,parameter_averaging}.
 */
@EnabledIfSystemProperty(named = "textclf.spark.bench", matches = ".+")
class SparkFitAccuracyBench {

    @Test
    void accuracyAgainstTheSingleProcessFit() throws IOException {
        Path out = Path.of("target", "spark-fit-bench.txt");
        SparkSession spark = Corpus.session("local[2]");
        try {
            for (String corpus : System.getProperty("textclf.spark.bench").split(",")) {
                Path train = Datasets.resolve(corpus);
                Path test = Datasets.evaluationSplit(corpus).orElseThrow();
                if (!System.getProperty("textclf.spark.local", "true").equals("false")) {
                    long start = System.nanoTime();
                    FitResult local = TextClassifier.fit(FitRequest.builder(open(train))
                            .progress(ProgressListener.NONE).build());
                    report(out, corpus, "local", 1, "-", local, test, start, "");
                }
                List<Row> rows = rows(open(train));
                for (String p : System.getProperty("textclf.spark.partitions", "2,4").split(",")) {
                    int partitions = Integer.parseInt(p);
                    // Checkpointed: a parallelized collection's tasks would carry their rows, every step.
                    Dataset<Row> frame = spark.createDataFrame(JavaSparkContext.fromSparkContext(
                            spark.sparkContext()).parallelize(rows, partitions), Corpus.SCHEMA).localCheckpoint();
                    for (String s : System.getProperty("textclf.spark.schemes",
                            "gradient_averaging,parameter_averaging").split(",")) {
                        TrainingScheme scheme = TrainingScheme.valueOf(s.toUpperCase());
                        StringWriter log = new StringWriter();
                        long start = System.nanoTime();
                        FitResult result = SparkFit.fit(SparkFitRequest.builder(frame).scheme(scheme)
                                .options(TrainOptions.DEFAULTS.withEnvironment(e -> e.withVerbose(2)))
                                .progress(ProgressListener.lines(new PrintWriter(log, true))).build());
                        String times = log.toString().lines().filter(l -> l.contains(StageTimes.PREFIX))
                                .findFirst().orElse("");
                        report(out, corpus, "spark", partitions, s, result, test, start, " | " + times);
                    }
                }
            }
        } finally {
            spark.stop();
        }
    }

    private static SampleSource open(Path file) throws IOException {
        return Sources.open(file, SourceOptions.DEFAULTS);
    }

    /** The samples in file order, as rows of (label, text). */
    private static List<Row> rows(SampleSource source) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (SampleReader reader = source.open()) {
            for (Sample s = reader.next(); s != null; s = reader.next()) {
                rows.add(RowFactory.create(s.label(), s.text()));
            }
        }
        return rows;
    }

    private static void report(Path out, String corpus, String mode, int partitions, String scheme, FitResult result,
            Path test, long start, String more) throws IOException {
        double seconds = (System.nanoTime() - start) / 1e9;
        double accuracy = result.classifier().evaluate(open(test)).accuracy();
        String line = String.format(java.util.Locale.ROOT, "bench %s %s %d %s accuracy %.4f epochs %d best %d"
                + " seconds %.1f%s", corpus, mode, partitions, scheme, accuracy, result.history().size(),
                result.bestEpoch(), seconds, more);
        System.out.println(line);
        Files.createDirectories(out.getParent());
        Files.writeString(out, line + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }
}
