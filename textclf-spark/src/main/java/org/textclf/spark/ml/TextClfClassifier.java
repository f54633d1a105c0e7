package org.textclf.spark.ml;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.param.StringArrayParam;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.textclf.api.FitResult;
import org.textclf.branch.Branches;
import org.textclf.config.FitConfig;
import org.textclf.config.TrainOptions;
import org.textclf.progress.ProgressListener;
import org.textclf.spark.fit.SparkFit;
import org.textclf.spark.fit.SparkFitRequest;
import org.textclf.spark.fit.TrainingScheme;

/**
 * textclf's training as a Spark ML {@link Estimator}: {@link #fit} trains one of the branches ({@code model}: auto,
 * mlp, linear, sepcnn) on the executors ({@link SparkFit}: the vectorizer's statistics merged from the partitions,
 * data-parallel Adam, per-epoch validation and early stopping keeping the best epoch) and returns a
 * {@link TextClfClassificationModel}. The params are core's train options under their Keras names; a batch size or
 * learning rate of 0 is the branch's own default, as in {@code textclf train}.
 *
 * <p>Validation rows are {@code validationFraction} of the training rows held out per class, as locally, or the
 * rows whose {@code validationIndicatorCol} is true. The label column holds strings or numbers (a
 * {@code StringIndexer}'s doubles too: {@code 1.0} is the class {@code 1}).
 */
public final class TextClfClassifier extends Estimator<TextClfClassificationModel> implements DefaultParamsWritable {
    private static final long serialVersionUID = 1L;

    private final String uid;
    private final StringArrayParam textCols;
    private final Param<String> labelCol;
    private final Param<String> validationIndicatorCol;
    private final Param<String> predictionCol;
    private final Param<String> probabilityCol;
    private final Param<String> predictedLabelCol;
    private final IntParam scoringBatchSize;
    private final Param<String> model;
    private final IntParam epochs;
    private final IntParam batchSize;
    private final DoubleParam learningRate;
    private final IntParam patience;
    private final DoubleParam validationFraction;
    private final LongParam seed;
    private final Param<String> trainingScheme;
    private final IntParam averagingSteps;
    private final IntParam verbose;
    private final BooleanParam shuffle;

    public TextClfClassifier() {
        this(Identifiable.randomUID("textclf"));
    }

    public TextClfClassifier(String uid) {
        this.uid = uid;
        FitConfig fit = FitConfig.DEFAULTS;
        textCols = ColumnParams.textCols(this);
        labelCol = new Param<>(this, "labelCol", "the label column: strings or numbers");
        validationIndicatorCol = new Param<>(this, "validationIndicatorCol", "a boolean column, true on the"
                + " validation rows; when not set, validationFraction of the training rows is held out");
        predictionCol = ColumnParams.predictionCol(this);
        probabilityCol = ColumnParams.probabilityCol(this);
        predictedLabelCol = ColumnParams.predictedLabelCol(this);
        scoringBatchSize = ColumnParams.scoringBatchSize(this);
        model = new Param<>(this, "model", "the model family: " + String.join(", ", Branches.names())
                + " (auto: the guide's choice by samples per word)",
                ParamValidators.inArray(Branches.names().toArray(new String[0])));
        epochs = new IntParam(this, "epochs", "the most epochs; early stopping usually ends sooner",
                ParamValidators.gtEq(1));
        batchSize = new IntParam(this, "batchSize", "examples per optimizer step; 0 for the branch's own",
                ParamValidators.gtEq(0));
        learningRate = new DoubleParam(this, "learningRate", "Adam's learning rate; 0 for the branch's own",
                ParamValidators.gtEq(0));
        patience = new IntParam(this, "patience", "epochs without improvement before stopping",
                ParamValidators.gtEq(0));
        validationFraction = new DoubleParam(this, "validationFraction", "the share of each class held out for"
                + " validation when no validationIndicatorCol is set", ParamValidators.inRange(0, 1, false, false));
        seed = new LongParam(this, "seed", "seeds the split, the initial weights, dropout and the shuffles");
        String[] schemes = TrainingScheme.paramNames().toArray(new String[0]);
        trainingScheme = new Param<>(this, "trainingScheme", "how the partitions train one network: "
                + String.join(", ", schemes), ParamValidators.inArray(schemes));
        averagingSteps = new IntParam(this, "averagingSteps", "local steps between two averagings of"
                + " parameter_averaging", ParamValidators.gtEq(1));
        verbose = new IntParam(this, "verbose", "progress on standard error: 0 none, 1 or 2 a line per pass and"
                + " epoch", ParamValidators.inRange(0, 2));
        shuffle = new BooleanParam(this, "shuffle", "whether each epoch reads the training rows in a new order");
        setDefault(textCols, ColumnParams.DEFAULT_TEXT_COLS);
        setDefault(labelCol, "label");
        setDefault(predictionCol, ColumnParams.DEFAULT_PREDICTION_COL);
        setDefault(probabilityCol, ColumnParams.DEFAULT_PROBABILITY_COL);
        setDefault(predictedLabelCol, ColumnParams.DEFAULT_PREDICTED_LABEL_COL);
        setDefault(scoringBatchSize, ColumnParams.DEFAULT_SCORING_BATCH_SIZE);
        setDefault(model, Branches.DEFAULT);
        setDefault(epochs, fit.epochs());
        setDefault(batchSize, fit.batchSize());
        setDefault(learningRate, (double) fit.learningRate());
        setDefault(patience, fit.patience());
        setDefault(validationFraction, fit.validationFraction());
        setDefault(seed, fit.seed());
        setDefault(trainingScheme, TrainingScheme.DEFAULT.paramName());
        setDefault(averagingSteps, SparkFitRequest.DEFAULT_AVERAGING_STEPS);
        setDefault(verbose, 0);
        setDefault(shuffle, fit.shuffle());
    }

    public static MLReader<TextClfClassifier> read() {
        return new DefaultParamsReader<>();
    }

    public static TextClfClassifier load(String path) {
        return read().load(path);
    }

    @Override
    public TextClfClassificationModel fit(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        Dataset<Row> train = dataset.toDF();
        Dataset<Row> validation = null;
        if (isSet(validationIndicatorCol)) {
            String v = getOrDefault(validationIndicatorCol);
            validation = train.filter(col(v));
            train = train.filter(col(v).equalTo(false));
        }
        SparkFitRequest.Builder request = SparkFitRequest.builder(train).textColumns(List.of(getTextCols()))
                .labelColumn(getLabelCol()).options(trainOptions())
                .scheme(TrainingScheme.ofParamName(getTrainingScheme()))
                .averagingSteps(getAveragingSteps())
                .progress(ProgressListener.lines(new PrintWriter(System.err, true)));
        if (validation != null) {
            request.validation(validation);
        }
        FitResult result;
        try {
            result = SparkFit.fit(request.build());
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
        return copyValues(TextClfClassificationModel.of(uid, result.classifier()), ParamMap.empty())
                .setParent(this);
    }

    /** The core train options these params say. */
    TrainOptions trainOptions() {
        return TrainOptions.of(Branches.byName(getModel()).defaults())
                .withFit(f -> f.epochs(getEpochs()).batchSize(getBatchSize()).learningRate((float) getLearningRate())
                        .patience(getPatience()).validationFraction(getValidationFraction()).seed(getSeed())
                        .shuffle(getShuffle()))
                .withEnvironment(e -> e.withVerbose(getVerbose()));
    }

    @Override
    public StructType transformSchema(StructType schema) {
        ColumnParams.checkTrainingColumns(schema, getLabelCol(),
                isSet(validationIndicatorCol) ? getOrDefault(validationIndicatorCol) : null);
        return ColumnParams.outputSchema(schema, getTextCols(), getPredictionCol(), getProbabilityCol(),
                getPredictedLabelCol());
    }

    @Override
    public TextClfClassifier copy(ParamMap extra) {
        return defaultCopy(extra);
    }

    @Override
    public String uid() {
        return uid;
    }

    public StringArrayParam textCols() {
        return textCols;
    }

    public Param<String> labelCol() {
        return labelCol;
    }

    public Param<String> validationIndicatorCol() {
        return validationIndicatorCol;
    }

    public Param<String> predictionCol() {
        return predictionCol;
    }

    public Param<String> probabilityCol() {
        return probabilityCol;
    }

    public Param<String> predictedLabelCol() {
        return predictedLabelCol;
    }

    public IntParam scoringBatchSize() {
        return scoringBatchSize;
    }

    public Param<String> model() {
        return model;
    }

    public IntParam epochs() {
        return epochs;
    }

    public IntParam batchSize() {
        return batchSize;
    }

    public DoubleParam learningRate() {
        return learningRate;
    }

    public IntParam patience() {
        return patience;
    }

    public DoubleParam validationFraction() {
        return validationFraction;
    }

    public LongParam seed() {
        return seed;
    }

    public Param<String> trainingScheme() {
        return trainingScheme;
    }

    public IntParam averagingSteps() {
        return averagingSteps;
    }

    public IntParam verbose() {
        return verbose;
    }

    public BooleanParam shuffle() {
        return shuffle;
    }

    public String[] getTextCols() {
        return getOrDefault(textCols);
    }

    public String getLabelCol() {
        return getOrDefault(labelCol);
    }

    public String getPredictionCol() {
        return getOrDefault(predictionCol);
    }

    public String getProbabilityCol() {
        return getOrDefault(probabilityCol);
    }

    public String getPredictedLabelCol() {
        return getOrDefault(predictedLabelCol);
    }

    public String getModel() {
        return getOrDefault(model);
    }

    public int getEpochs() {
        return (Integer) getOrDefault(epochs);
    }

    public int getBatchSize() {
        return (Integer) getOrDefault(batchSize);
    }

    public double getLearningRate() {
        return (Double) getOrDefault(learningRate);
    }

    public int getPatience() {
        return (Integer) getOrDefault(patience);
    }

    public double getValidationFraction() {
        return (Double) getOrDefault(validationFraction);
    }

    public long getSeed() {
        return (Long) getOrDefault(seed);
    }

    public String getTrainingScheme() {
        return getOrDefault(trainingScheme);
    }

    public int getAveragingSteps() {
        return (Integer) getOrDefault(averagingSteps);
    }

    public int getVerbose() {
        return (Integer) getOrDefault(verbose);
    }

    public boolean getShuffle() {
        return (Boolean) getOrDefault(shuffle);
    }

    public TextClfClassifier setTextCol(String value) {
        return setTextCols(new String[] {value});
    }

    public TextClfClassifier setTextCols(String[] value) {
        return (TextClfClassifier) set(textCols, Arrays.copyOf(value, value.length));
    }

    public TextClfClassifier setLabelCol(String value) {
        return (TextClfClassifier) set(labelCol, value);
    }

    public TextClfClassifier setValidationIndicatorCol(String value) {
        return (TextClfClassifier) set(validationIndicatorCol, value);
    }

    public TextClfClassifier setPredictionCol(String value) {
        return (TextClfClassifier) set(predictionCol, value);
    }

    public TextClfClassifier setProbabilityCol(String value) {
        return (TextClfClassifier) set(probabilityCol, value);
    }

    public TextClfClassifier setPredictedLabelCol(String value) {
        return (TextClfClassifier) set(predictedLabelCol, value);
    }

    public TextClfClassifier setScoringBatchSize(int value) {
        return (TextClfClassifier) set(scoringBatchSize, value);
    }

    public TextClfClassifier setModel(String value) {
        return (TextClfClassifier) set(model, value);
    }

    public TextClfClassifier setEpochs(int value) {
        return (TextClfClassifier) set(epochs, value);
    }

    public TextClfClassifier setBatchSize(int value) {
        return (TextClfClassifier) set(batchSize, value);
    }

    public TextClfClassifier setLearningRate(double value) {
        return (TextClfClassifier) set(learningRate, value);
    }

    public TextClfClassifier setPatience(int value) {
        return (TextClfClassifier) set(patience, value);
    }

    public TextClfClassifier setValidationFraction(double value) {
        return (TextClfClassifier) set(validationFraction, value);
    }

    public TextClfClassifier setSeed(long value) {
        return (TextClfClassifier) set(seed, value);
    }

    public TextClfClassifier setTrainingScheme(String value) {
        return (TextClfClassifier) set(trainingScheme, value);
    }

    public TextClfClassifier setAveragingSteps(int value) {
        return (TextClfClassifier) set(averagingSteps, value);
    }

    public TextClfClassifier setVerbose(int value) {
        return (TextClfClassifier) set(verbose, value);
    }

    public TextClfClassifier setShuffle(boolean value) {
        return (TextClfClassifier) set(shuffle, value);
    }
}
