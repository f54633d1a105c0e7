package org.textclf.spark.ml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.SQLTransformer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textclf.api.TextClassifier;
import org.textclf.spark.TestSpark;
import org.textclf.spark.TinyCorpus;

/** The README's "Running on Spark" Java snippet, verbatim in {@link #readme}, run on a small corpus. */
class ReadmePipelineTest {
    @TempDir
    static Path dir;
    static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = TestSpark.session();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    /** The README's code, between the markers; only the paths are parameters. */
    static PipelineModel readme(SparkSession spark, String csv, String dir, String modelFile) throws Exception {
        // README begin
        Dataset<Row> reviews = spark.read().option("header", true).csv(csv);   // columns text, label
        Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {
            new SQLTransformer().setStatement("SELECT *, lower(text) AS review FROM __THIS__"),
            new TextClfClassifier().setTextCol("review").setLabelCol("label").setModel("mlp").setEpochs(10)
        });
        PipelineModel model = pipeline.fit(reviews);           // trains on the executors
        model.transform(reviews).select("review", "prediction", "probability", "predictedLabel").show(3);
        model.write().overwrite().save(dir);                   // Spark's metadata + dir/stages/1_*/textclf/model.textclf
        ((TextClfClassificationModel) model.stages()[1]).saveModelFile(modelFile);   // for textclf serve/predict
        // README end
        return model;
    }

    @Test
    void readmeSnippet_trainsInAPipeline_andSavesAModelFileTheCoreLoads() throws Exception {
        Path csv = TinyCorpus.writeCsv(dir.resolve("reviews.csv"), TinyCorpus.rows(200, 3));
        Path file = dir.resolve("reviews.textclf");
        PipelineModel model = readme(spark, csv.toString(), dir.resolve("pipeline").toString(), file.toString());
        TextClassifier core = TextClassifier.load(file);
        assertThat(core.classNames()).containsExactly("neg", "pos");
        Dataset<Row> scored = PipelineModel.load(dir.resolve("pipeline").toString())
                .transform(spark.read().option("header", true).csv(csv.toString()));
        List<Row> rows = scored.select("review", "predictedLabel").collectAsList();
        assertThat(rows).hasSize(200);
        for (Row r : rows) {
            assertThat(core.predict(r.getString(0)).label()).isEqualTo(r.getString(1));
        }
        assertThat(model.stages()).hasSize(2);
    }
}
