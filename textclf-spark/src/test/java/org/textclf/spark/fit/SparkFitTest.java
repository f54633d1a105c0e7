package org.textclf.spark.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textclf.api.FitRequest;
import org.textclf.api.FitResult;
import org.textclf.api.TextClassifier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.textclf.config.AutoBranchConfig;
import org.textclf.config.ClassWeights;
import org.textclf.config.MlpBranchConfig;
import org.textclf.config.SepCnnBranchConfig;
import org.textclf.config.TrainOptions;
import org.textclf.data.SourceOptions;
import org.textclf.data.Sources;
import org.textclf.nn.MlpConfig;
import org.textclf.nn.SepCnnConfig;
import org.textclf.progress.ProgressListener;
import org.textclf.text.NgramConfig;
import org.textclf.text.NgramVectorizer;
import org.textclf.text.SequenceConfig;
import org.textclf.train.Metric;

/** SparkFit end to end on local[2]: the split, the fit, both training schemes, determinism, the saved model. */
class SparkFitTest {
    private static SparkSession spark;
    private static final Corpus CORPUS = Corpus.of(2, 200, 3);
    private static final TrainOptions OPTIONS = TrainOptions.of(new MlpBranchConfig(
            NgramConfig.builder().topK(500).build(), new MlpConfig(2, 16, 0.2f)))
            .withFit(f -> f.epochs(4).batchSize(32)).withEnvironment(e -> e.withVerbose(0));

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        spark = Corpus.session("local[2,2]"); // two threads, a task may fail once
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static FitResult fit(TrainingScheme scheme, int partitions, TrainOptions options,
            ProgressListener progress) throws IOException {
        return SparkFit.fit(SparkFitRequest.builder(CORPUS.frame(spark, partitions)).options(options)
                .scheme(scheme).averagingSteps(2).progress(progress).build());
    }

    @Test
    void trainsAClassifierThatSavesAsAnOrdinaryModelFileWithTheLocalFitsVectorizer() throws IOException {
        StringWriter log = new StringWriter();
        FitResult result = fit(TrainingScheme.GRADIENT_AVERAGING, 3, OPTIONS.withEnvironment(e -> e.withVerbose(2)),
                ProgressListener.lines(new PrintWriter(log, true)));
        assertThat(result.history().size()).isEqualTo(4);
        assertThat(result.metrics().get(Metric.VAL_ACCURACY.key())).isGreaterThan(0.85);
        assertThat(result.classifier().classNames()).containsExactly("class0", "class1");
        Path file = dir.resolve("m.textclf");
        result.classifier().save(file);
        TextClassifier loaded = TextClassifier.load(file);
        // the file's provenance holds the network's and the fit's settings, as a local fit's does
        Map<String, String> settings = new java.util.TreeMap<>();
        loaded.info().parameters().forEach((k, v) -> settings.put(k, String.valueOf(v)));
        assertThat(settings).containsEntry("units", "16").containsEntry("layers", "2").containsEntry("epochs", "4")
                .containsEntry("batch_size", "32").containsEntry("seed", "42").containsKey("learning_rate");
        List<String> texts = List.of(CORPUS.rows.get(0)[1], CORPUS.rows.get(1)[1]);
        assertThat(loaded.predict(texts)).isEqualTo(result.classifier().predict(texts));
        assertThat(loaded.evaluate(Sources.open(CORPUS.csv(dir, "all.csv"), SourceOptions.DEFAULTS)).accuracy())
                .isGreaterThan(0.85);
        // the stage times line, which bench/spark reads
        String line = log.toString().lines().filter(l -> l.contains(StageTimes.PREFIX)).findFirst().orElseThrow();
        assertThat(StageTimes.parse(line).stages()).containsKeys("split", "fit pass 1", "fit pass 2", "vectorize",
                "epoch 1", "epoch 4", "total");
        // the held-out split and the vectorizer are the local fit's
        FitResult local = TextClassifier.fit(FitRequest.builder(Sources.open(CORPUS.csv(dir, "train.csv"),
                SourceOptions.DEFAULTS)).options(OPTIONS.withFit(f -> f.epochs(1))).progress(ProgressListener.NONE)
                .build());
        NgramVectorizer a = (NgramVectorizer) local.classifier().fitted().vectorizer();
        NgramVectorizer b = (NgramVectorizer) result.classifier().fitted().vectorizer();
        assertThat(b.featureNames()).isEqualTo(a.featureNames());
        assertThat(b.fitReport().documents()).isEqualTo(a.fitReport().documents());
        for (int c = 0; c < a.features(); c++) {
            assertThat(b.idf(c)).isEqualTo(a.idf(c));
        }
    }

    /**
     * Two runs of a seed and a partitioning train the same weights, bit for bit, even when a task of every stage of
     * the second fails once and Spark runs it again.
     */
    @Test
    void gradientAveragingIsDeterministicAndATaskRunAgainGivesTheSameResult() throws IOException {
        TrainOptions options = OPTIONS.withFit(f -> f.epochs(2));
        FitResult first = fit(TrainingScheme.GRADIENT_AVERAGING, 2, options, ProgressListener.NONE);
        FaultInjection.arm("split", "fit pass 1", "fit pass 2", "vectorize", "train step", "validation");
        try {
            FitResult second = fit(TrainingScheme.GRADIENT_AVERAGING, 2, options, ProgressListener.NONE);
            assertThat(FaultInjection.fired()).containsExactlyInAnyOrder("split", "fit pass 1", "fit pass 2",
                    "vectorize", "train step", "validation");
            assertThat(network(second)).isEqualTo(network(first));
            assertThat(second.history().get(Metric.VAL_LOSS)).isEqualTo(first.history().get(Metric.VAL_LOSS));
        } finally {
            FaultInjection.arm();
        }
    }

    @Test
    void parameterAveragingLearnsAndIsDeterministicThroughARetriedTask() throws IOException {
        // Eight epochs, not four: at four its validation accuracy sits on the steep part of the curve (0.75 with the
        // n-gram columns commonest first, above 0.8 in name order), at eight it is 0.96.
        TrainOptions options = OPTIONS.withFit(f -> f.epochs(8));
        FitResult first = fit(TrainingScheme.PARAMETER_AVERAGING, 2, options, ProgressListener.NONE);
        FaultInjection.arm("train step");
        try {
            FitResult second = fit(TrainingScheme.PARAMETER_AVERAGING, 2, options, ProgressListener.NONE);
            assertThat(FaultInjection.fired()).containsExactly("train step");
            // it learns more slowly per epoch than gradient averaging (its replicas take half-size steps apart)
            assertThat(first.metrics().get(Metric.VAL_ACCURACY.key())).isGreaterThan(0.8);
            assertThat(network(second)).isEqualTo(network(first));
        } finally {
            FaultInjection.arm();
        }
    }

    @Test
    void classWeightsAreRefusedNotIgnored() {
        assertThatThrownBy(() -> SparkFit.fit(SparkFitRequest.builder(CORPUS.frame(spark, 2))
                .options(OPTIONS.withFit(f -> f.classWeights(ClassWeights.BALANCED))).progress(ProgressListener.NONE)
                .build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("class weights (balanced) are not supported on Spark yet; train without them, or with"
                        + " textclf train --class-weight on one machine");
    }

    @Test
    void aMissingColumnIsOneLine() {
        assertThatThrownBy(() -> SparkFit.fit(SparkFitRequest.builder(CORPUS.frame(spark, 2)).textColumn("body")
                .options(OPTIONS).progress(ProgressListener.NONE).build()))
                .hasMessage("training data: no text column 'body'; its columns are label, text");
    }

    @Test
    void autoChoosesAsTheLocalFitAndTrainsTheSequenceModelItChose() throws IOException {
        Corpus corpus = Corpus.shortTexts(2, 1100, 9);
        TrainOptions options = TrainOptions.of(new AutoBranchConfig(MlpBranchConfig.DEFAULTS,
                new SepCnnBranchConfig(SequenceConfig.DEFAULTS, new SepCnnConfig(1, 8, 3, 3, 0.2f, 8), null,
                        SepCnnBranchConfig.DEFAULT_FINE_TUNE_LEARNING_RATE)))
                .withFit(f -> f.epochs(1).batchSize(64)).withEnvironment(e -> e.withVerbose(2));
        StringWriter localLog = new StringWriter();
        TextClassifier.fit(FitRequest.builder(Sources.open(corpus.csv(dir, "short.csv"), SourceOptions.DEFAULTS))
                .options(options).log(new PrintWriter(localLog, true)).build());
        StringWriter log = new StringWriter();
        FitResult result = SparkFit.fit(SparkFitRequest.builder(corpus.frame(spark, 2)).options(options)
                .progress(ProgressListener.lines(new PrintWriter(log, true))).build());
        assertThat(result.classifier().model()).isEqualTo("sepcnn");
        assertThat(choice(log)).contains(" samples, median 1 words per sample: ").endsWith("chose sepcnn")
                .isEqualTo(choice(localLog));
        assertThat(result.metrics().get(Metric.VAL_ACCURACY.key())).isGreaterThan(0.6);
    }

    private static String choice(StringWriter log) {
        return log.toString().lines().filter(l -> l.startsWith("model auto:")).findFirst().orElseThrow();
    }

    @Test
    void aValidationLabelTrainingLacksIsOneLineNamingItsRow() {
        Dataset<Row> validation = Corpus.frame(spark, List.of(new String[] {"class0", "s1 s2"},
                new String[] {"class9", "s3"}), 1);
        assertThatThrownBy(() -> SparkFit.fit(SparkFitRequest.builder(CORPUS.frame(spark, 2)).validation(validation)
                .options(OPTIONS).progress(ProgressListener.NONE).build())).isInstanceOf(IOException.class)
                .hasMessage("validation data partition 0:2: unknown label 'class9'; expected one of class0, class1");
    }

    @Test
    void anEmptyLabelIsOneLineNamingItsRow() {
        List<String[]> rows = new java.util.ArrayList<>(CORPUS.rows);
        rows.set(3, new String[] {null, "s1"});
        assertThatThrownBy(() -> SparkFit.fit(SparkFitRequest.builder(Corpus.frame(spark, rows, 2)).options(OPTIONS)
                .progress(ProgressListener.NONE).build())).isInstanceOf(IOException.class)
                .hasMessage("training data partition 0:4: empty label");
    }

    /** The network section of the saved model: every weight, bit for bit. */
    static byte[] network(FitResult result) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            result.classifier().fitted().writeNetwork(out);
        }
        return bytes.toByteArray();
    }
}
