package org.textclf.spark.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.tuning.CrossValidator;
import org.apache.spark.ml.tuning.CrossValidatorModel;
import org.apache.spark.ml.tuning.ParamGridBuilder;
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
import org.textclf.api.TextClassifier;
import org.textclf.config.MlpBranchConfig;
import org.textclf.config.TrainOptions;
import org.textclf.spark.TestSpark;
import org.textclf.spark.TinyCorpus;

class TextClfClassifierTest {
    @TempDir
    static Path dir;
    static SparkSession spark;
    static Dataset<Row> train;
    static Dataset<Row> test;

    @BeforeAll
    static void start() {
        spark = TestSpark.session();
        train = frame(TinyCorpus.rows(160, 1), 2);
        test = frame(TinyCorpus.rows(40, 9), 2);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    static Dataset<Row> frame(List<String[]> rows, int partitions) {
        List<Row> data = new ArrayList<>();
        for (String[] r : rows) {
            data.add(RowFactory.create(r[0], r[1]));
        }
        StructType schema = new StructType().add("review", DataTypes.StringType).add("sentiment",
                DataTypes.StringType);
        return spark.createDataFrame(data, schema).repartition(partitions);
    }

    /** The tiny corpus's options (TinyCorpus.options) as params. */
    static TextClfClassifier estimator() {
        return new TextClfClassifier().setTextCol("review").setLabelCol("sentiment").setModel("mlp").setEpochs(8)
                .setBatchSize(16).setLearningRate(0.01);
    }

    @Test
    void trainOptions_areCoresUnderTheParamsNames() {
        TrainOptions options = estimator().setSeed(7).setPatience(3).setValidationFraction(0.25).trainOptions();
        assertThat(options.branch()).isEqualTo(MlpBranchConfig.DEFAULTS);
        assertThat(options.fit()).isEqualTo(TinyCorpus.options().fit().toBuilder().seed(7).patience(3)
                .validationFraction(0.25).build());
        assertThat(new TextClfClassifier().trainOptions()).isEqualTo(TrainOptions.DEFAULTS
                .withEnvironment(e -> e.withVerbose(0)));
    }

    @Test
    void fit_trainsOnTheExecutors_aModelThatScoresTheTestRows() throws Exception {
        TextClfClassificationModel model = estimator().fit(train);
        assertThat(model.parent().uid()).isEqualTo(model.uid());
        Dataset<Row> scored = model.transform(test);
        assertThat(scored.filter("sentiment = predictedLabel").count()).isGreaterThanOrEqualTo(36);
        Path file = dir.resolve("fitted.textclf");
        model.saveModelFile(file.toString());
        TextClassifier loaded = TextClassifier.load(file);
        assertThat(loaded.model()).isEqualTo("mlp");
        assertThat(loaded.classNames()).containsExactly("neg", "pos");
        List<Row> rows = scored.select("review", "predictedLabel").collectAsList();
        for (Row r : rows) {
            assertThat(loaded.predict(r.getString(0)).label()).isEqualTo(r.getString(1));
        }
    }

    @Test
    void transformSchema_rejectsAMissingOrNonScalarLabelColumn() {
        assertThatThrownBy(() -> estimator().setLabelCol("label").transformSchema(train.schema()))
                .hasMessage("label column 'label' does not exist; the columns are [review, sentiment] (set labelCol)");
        Dataset<Row> arrays = train.selectExpr("review", "array(sentiment) AS sentiment");
        assertThatThrownBy(() -> estimator().fit(arrays))
                .hasMessage("label column 'sentiment' must hold strings or numbers; found array<string>");
    }

    @Test
    void estimator_writesAndReadsItsParams() throws Exception {
        TextClfClassifier e = estimator().setSeed(11).setTrainingScheme("parameter_averaging");
        String saved = dir.resolve("estimator").toString();
        e.write().overwrite().save(saved);
        TextClfClassifier read = TextClfClassifier.load(saved);
        assertThat(read.uid()).isEqualTo(e.uid());
        assertThat(read.getSeed()).isEqualTo(11);
        assertThat(read.getTrainingScheme()).isEqualTo("parameter_averaging");
        assertThat(read.getTextCols()).containsExactly("review");
        assertThat(read.trainOptions()).isEqualTo(e.trainOptions());
    }

    @Test
    void inAPipeline_afterAStringIndexer_withCrossValidation_picksAndScores() throws Exception {
        StringIndexer index = new StringIndexer().setInputCol("sentiment").setOutputCol("labelIndex");
        TextClfClassifier clf = estimator().setLabelCol("labelIndex");
        Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {index, clf});
        ParamMap[] grid = new ParamGridBuilder().addGrid(clf.epochs(), new int[] {1, 8}).build();
        MulticlassClassificationEvaluator accuracy = new MulticlassClassificationEvaluator()
                .setLabelCol("labelIndex").setMetricName("accuracy");
        CrossValidatorModel cv = new CrossValidator().setEstimator(pipeline).setEstimatorParamMaps(grid)
                .setEvaluator(accuracy).setNumFolds(2).setSeed(3).fit(train);
        assertThat(cv.avgMetrics()).hasSize(2);
        PipelineModel best = (PipelineModel) cv.bestModel();
        Dataset<Row> scored = best.transform(test);
        assertThat(accuracy.evaluate(scored)).isGreaterThanOrEqualTo(0.9);
        String saved = dir.resolve("best").toString();
        best.write().overwrite().save(saved);
        assertThat(accuracy.evaluate(PipelineModel.load(saved).transform(test))).isEqualTo(accuracy.evaluate(scored));
    }
}
