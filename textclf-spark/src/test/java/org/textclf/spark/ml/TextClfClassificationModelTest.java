package org.textclf.spark.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.SQLTransformer;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textclf.api.Prediction;
import org.textclf.api.TextClassifier;
import org.textclf.spark.TestSpark;
import org.textclf.spark.TinyCorpus;

class TextClfClassificationModelTest {
    @TempDir
    static Path dir;
    static SparkSession spark;
    static TextClassifier local;
    static List<String[]> rows;

    @BeforeAll
    static void start() throws Exception {
        spark = TestSpark.session();
        local = TinyCorpus.classifier(dir, 120);
        rows = TinyCorpus.rows(40, 7);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    static Dataset<Row> frame(int partitions) {
        List<Row> data = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            data.add(RowFactory.create(i, rows.get(i)[0], rows.get(i)[1]));
        }
        StructType schema = new StructType().add("id", DataTypes.IntegerType).add("text", DataTypes.StringType)
                .add("label", DataTypes.StringType);
        return spark.createDataFrame(data, schema).repartition(partitions);
    }

    /** id -> (predictedLabel, prediction, probability) of {@code scored}. */
    static void assertSameAsLocal(Dataset<Row> scored, TextClassifier classifier) {
        List<Row> out = scored.select("id", "text", "prediction", "probability", "predictedLabel").collectAsList();
        assertThat(out).hasSize(rows.size());
        for (Row r : out) {
            Prediction p = classifier.predict(r.getString(1));
            assertThat(r.getString(4)).isEqualTo(p.label());
            assertThat(r.getDouble(2)).isEqualTo(p.classId());
            double[] v = ((Vector) r.get(3)).toArray();
            assertThat(v).hasSize(2);
            for (int c = 0; c < 2; c++) {
                assertThat(v[c]).isEqualTo(p.probabilities()[c]);
            }
        }
    }

    @Test
    void transform_addsTheColumns_withTheLocalClassifiersPredictions() {
        TextClfClassificationModel model = TextClfClassificationModel.of(local).setScoringBatchSize(3);
        Dataset<Row> scored = model.transform(frame(3));
        assertThat(scored.schema().fieldNames()).containsExactly("id", "text", "label", "prediction", "probability",
                "predictedLabel");
        assertSameAsLocal(scored, local);
        long right = scored.filter("label = predictedLabel").count();
        assertThat(right).isGreaterThanOrEqualTo(36);
    }

    @Test
    void transform_loadsTheModelOncePerJvm_forEveryPartitionAndTransform() {
        TextClfClassificationModel model = TextClfClassificationModel.of(local).setScoringBatchSize(2);
        int before = ModelFiles.loads();
        model.transform(frame(4)).count();
        model.transform(frame(5)).collectAsList();
        assertThat(ModelFiles.loads() - before).isLessThanOrEqualTo(1);
    }

    @Test
    void writeAndLoad_keepParamsAndPredictions_andTheModelFileIsUnchanged() throws Exception {
        TextClfClassificationModel model = TextClfClassificationModel.of(local).setPredictedLabelCol("guess");
        String saved = dir.resolve("saved").toString();
        model.write().overwrite().save(saved);
        Path file = dir.resolve("saved").resolve(TextClfClassificationModel.MODEL_FILE);
        assertThat(Files.exists(dir.resolve("saved/metadata"))).isTrue();
        TextClassifier fromFile = TextClassifier.load(file);
        TextClfClassificationModel loaded = TextClfClassificationModel.load(saved);
        assertThat(loaded.uid()).isEqualTo(model.uid());
        assertThat(loaded.getPredictedLabelCol()).isEqualTo("guess");
        assertSameAsLocal(loaded.setPredictedLabelCol("predictedLabel").transform(frame(2)), fromFile);
        assertThat(fromFile.predict(rows.get(0)[0])).isEqualTo(local.predict(rows.get(0)[0]));
    }

    @Test
    void saveModelFile_isAModelFileTextClassifierLoads() throws Exception {
        TextClfClassificationModel model = TextClfClassificationModel.of(local);
        Path file = dir.resolve("alone.textclf");
        model.saveModelFile(file.toString());
        TextClassifier loaded = TextClassifier.load(file);
        for (String[] r : rows) {
            assertThat(loaded.predict(r[0])).isEqualTo(local.predict(r[0]));
        }
        TextClfClassificationModel again = TextClfClassificationModel.fromModelFile(file.toString());
        assertSameAsLocal(again.transform(frame(2)), local);
    }

    @Test
    void fromModelFile_ofAFileThatIsNoModel_failsWithTheLoadersReason() throws Exception {
        Path notModel = Files.writeString(dir.resolve("not.textclf"), "hello");
        assertThatThrownBy(() -> TextClfClassificationModel.fromModelFile(notModel.toString()))
                .hasMessageContaining("not.textclf");
    }

    @Test
    void transformSchema_rejectsANonStringTextColumn_andAnExistingOutputColumn() {
        TextClfClassificationModel model = TextClfClassificationModel.of(local);
        assertThatThrownBy(() -> model.setTextCol("id").transformSchema(frame(1).schema()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("text column 'id' must be of type string; found int (cast it, or set textCols)");
        assertThatThrownBy(() -> model.setTextCol("missing").transformSchema(frame(1).schema()))
                .hasMessage("text column 'missing' does not exist; the columns are [id, text, label] (set textCols)");
        assertThatThrownBy(() -> model.setTextCol("text").setPredictedLabelCol("label")
                .transformSchema(frame(1).schema()))
                .hasMessage("output column 'label' already exists; drop it or name another (predictionCol,"
                        + " probabilityCol, predictedLabelCol)");
    }

    @Test
    void inAPipeline_afterAnSqlTransformer_savesAndLoads() throws Exception {
        SQLTransformer lower = new SQLTransformer().setStatement("SELECT id, label, lower(text) AS review FROM __THIS__");
        TextClfClassificationModel model = TextClfClassificationModel.of(local).setTextCol("review");
        PipelineModel pipeline = new Pipeline().setStages(new PipelineStage[] {lower, model}).fit(frame(2));
        String saved = dir.resolve("pipeline").toString();
        pipeline.write().overwrite().save(saved);
        Dataset<Row> scored = PipelineModel.load(saved).transform(frame(2));
        assertThat(scored.filter("label = predictedLabel").count()).isGreaterThanOrEqualTo(36);
        assertThat(scored.columns()).contains("review", "prediction");
    }
}
