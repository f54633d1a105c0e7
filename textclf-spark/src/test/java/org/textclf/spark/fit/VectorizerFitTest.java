package org.textclf.spark.fit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textclf.branch.Fitted;
import org.textclf.config.MlpBranchConfig;
import org.textclf.config.SepCnnBranchConfig;
import org.textclf.data.SourceOptions;
import org.textclf.data.Sources;
import org.textclf.nn.MlpConfig;
import org.textclf.text.NgramConfig;
import org.textclf.text.NgramVectorizer;
import org.textclf.text.SequenceConfig;
import org.textclf.text.SequenceVectorizer;

/** The distributed vectorizer fit selects the features, with the idf, and the vocabulary of the local fit. */
class VectorizerFitTest {
    private static SparkSession spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        spark = Corpus.session("local[2]");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private Fitted<?> distributed(Object config, Corpus corpus, int partitions) throws IOException {
        Dataset<Row> frame = corpus.frame(spark, partitions);
        RowSamples samples = RowSamples.of("training data", frame.schema(), List.of("text"), "label");
        return new VectorizerFit(JavaSparkContext.fromSparkContext(spark.sparkContext()), line -> { },
                new StageTimes.Builder()).fit((org.textclf.config.BranchConfig) config, null, frame.javaRDD(),
                        samples);
    }

    @Test
    void ngramFeaturesAndIdfAreTheLocalFitsForAnyPartitioning() throws IOException {
        Corpus corpus = Corpus.of(3, 150, 7);
        // topK below the vocabulary, so that the ANOVA F selection decides which features stay
        for (boolean sublinearTf : new boolean[] {true, false}) {
            NgramConfig ngram = NgramConfig.builder().topK(300).sublinearTf(sublinearTf).build();
            NgramVectorizer local = NgramVectorizer.fit(Sources.open(corpus.csv(dir, "train.csv"),
                    SourceOptions.DEFAULTS), null, ngram, line -> { });
            assertNgramFitsEqual(corpus, ngram, local, sublinearTf ? new int[] {1, 2, 4} : new int[] {2});
        }
    }

    private void assertNgramFitsEqual(Corpus corpus, NgramConfig ngram, NgramVectorizer local, int[] partitionings)
            throws IOException {
        for (int partitions : partitionings) {
            NgramVectorizer merged = (NgramVectorizer) distributed(new MlpBranchConfig(ngram, MlpConfig.DEFAULTS),
                    corpus, partitions).vectorizer();
            assertThat(merged.features()).as("features, %d partitions", partitions).isEqualTo(300);
            assertThat(merged.featureNames()).as("names, %d partitions", partitions)
                    .isEqualTo(local.featureNames());
            assertThat(idf(merged)).as("idf, %d partitions", partitions).isEqualTo(idf(local));
            assertThat(merged.labels()).isEqualTo(local.labels());
            assertThat(merged.config()).isEqualTo(local.config());
        }
    }

    @Test
    void sequenceVocabularyIsTheLocalFits() throws IOException {
        Corpus corpus = Corpus.of(2, 200, 11);
        SequenceConfig sequence = SequenceConfig.builder().maxWords(100).build();
        SequenceVectorizer local = SequenceVectorizer.fit(Sources.open(corpus.csv(dir, "train.csv"),
                SourceOptions.DEFAULTS), null, sequence, line -> { });
        SepCnnBranchConfig config = SepCnnBranchConfig.DEFAULTS;
        config = new SepCnnBranchConfig(sequence, config.sepCnn(), null, config.fineTuneLearningRate());
        SequenceVectorizer merged = (SequenceVectorizer) distributed(config, corpus, 3).vectorizer();
        assertThat(merged.words()).isEqualTo(local.words());
        assertThat(merged.vocabulary()).isEqualTo(local.vocabulary());
    }

    private static List<Float> idf(NgramVectorizer v) {
        List<Float> idf = new ArrayList<>();
        for (int c = 0; c < v.features(); c++) {
            idf.add(v.idf(c));
        }
        return idf;
    }
}
