package org.textclf.spark.ml;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Iterator;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.StringArrayParam;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWriter;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.textclf.api.TextClassifier;
import scala.Option;

/**
 * A trained textclf classifier as a Spark ML {@link Model}: {@link #transform} adds the predicted class
 * ({@code prediction}, a double), every class's probability ({@code probability}, a vector) and the class's name
 * ({@code predictedLabel}). It holds the textclf model file's bytes; a transform broadcasts them once and each
 * executor loads them once ({@link ModelFiles}), scoring each partition {@code scoringBatchSize} texts at a time.
 *
 * <p>{@code write().save(dir)} writes Spark's metadata and the model file unchanged, {@code dir/textclf/model.textclf},
 * which {@code textclf predict}, {@code serve} and {@code TextClassifier.load} read; {@link #saveModelFile} writes
 * that file alone.
 */
public final class TextClfClassificationModel extends Model<TextClfClassificationModel> implements MLWritable {
    private static final long serialVersionUID = 1L;
    /** Where in a saved model's directory the textclf model file is. */
    static final String MODEL_FILE = "textclf/model.textclf";

    private final String uid;
    private final byte[] modelFile;
    private final StringArrayParam textCols;
    private final Param<String> predictionCol;
    private final Param<String> probabilityCol;
    private final Param<String> predictedLabelCol;
    private final IntParam scoringBatchSize;
    private transient TextClassifier classifier;
    private transient String hash;
    private transient Broadcast<byte[]> broadcast;

    TextClfClassificationModel(String uid, byte[] modelFile) {
        this.uid = uid;
        this.modelFile = modelFile;
        this.textCols = ColumnParams.textCols(this);
        this.predictionCol = ColumnParams.predictionCol(this);
        this.probabilityCol = ColumnParams.probabilityCol(this);
        this.predictedLabelCol = ColumnParams.predictedLabelCol(this);
        this.scoringBatchSize = ColumnParams.scoringBatchSize(this);
        setDefault(textCols, ColumnParams.DEFAULT_TEXT_COLS);
        setDefault(predictionCol, ColumnParams.DEFAULT_PREDICTION_COL);
        setDefault(probabilityCol, ColumnParams.DEFAULT_PROBABILITY_COL);
        setDefault(predictedLabelCol, ColumnParams.DEFAULT_PREDICTED_LABEL_COL);
        setDefault(scoringBatchSize, ColumnParams.DEFAULT_SCORING_BATCH_SIZE);
    }

    /** A model that scores with {@code classifier}, e.g. one trained or loaded without Spark. */
    public static TextClfClassificationModel of(TextClassifier classifier) {
        return of(Identifiable.randomUID("textclf"), classifier);
    }

    static TextClfClassificationModel of(String uid, TextClassifier classifier) {
        TextClfClassificationModel m = new TextClfClassificationModel(uid, ModelFiles.bytes(classifier));
        m.classifier = classifier;
        return m;
    }

    /**
     * A model from a textclf model file (any Hadoop file system's path: local, HDFS, S3), checked by loading it.
     *
     * @throws IOException with the loader's one-line reason when the file is not a whole textclf model
     */
    public static TextClfClassificationModel fromModelFile(String path) throws IOException {
        byte[] bytes = readAll(new Path(path), hadoopConf());
        TextClfClassificationModel m = new TextClfClassificationModel(Identifiable.randomUID("textclf"), bytes);
        m.classifier = ModelFiles.load(bytes, path);
        return m;
    }

    /** Reads a model {@link #write() saved} in {@code dir}. */
    public static TextClfClassificationModel load(String dir) {
        return read().load(dir);
    }

    public static MLReader<TextClfClassificationModel> read() {
        return new Reader();
    }

    @Override
    public MLWriter write() {
        return new Writer(this);
    }

    /** Writes the textclf model file alone (any Hadoop file system's path), as {@code TextClassifier.save} does. */
    public void saveModelFile(String path) throws IOException {
        Path p = new Path(path);
        try (OutputStream out = p.getFileSystem(hadoopConf()).create(p, true)) {
            out.write(modelFile);
        }
    }

    /** The classifier this model scores with, loaded on the driver from the model file. */
    public synchronized TextClassifier classifier() {
        if (classifier == null) {
            classifier = ModelFiles.load(modelFile);
        }
        return classifier;
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        StructType out = transformSchema(dataset.schema());
        String[] cols = getTextCols();
        int[] fields = new int[cols.length];
        for (int i = 0; i < cols.length; i++) {
            fields[i] = dataset.schema().fieldIndex(cols[i]);
        }
        double[] values = BatchScorer.predictionValues(classifier().labels().rawLabels());
        Score score = new Score(broadcast(dataset.sparkSession().sparkContext()), hash(), fields, cols,
                getScoringBatchSize(), values);
        return dataset.toDF().mapPartitions(score, Encoders.row(out));
    }

    /** Scores one partition; holds the broadcast, never the model's bytes, so a task ships no model. */
    private static final class Score implements MapPartitionsFunction<Row, Row> {
        private static final long serialVersionUID = 1L;
        private final Broadcast<byte[]> modelFile;
        private final String hash;
        private final int[] fields;
        private final String[] cols;
        private final int batchSize;
        private final double[] values;

        Score(Broadcast<byte[]> modelFile, String hash, int[] fields, String[] cols, int batchSize, double[] values) {
            this.modelFile = modelFile;
            this.hash = hash;
            this.fields = fields;
            this.cols = cols;
            this.batchSize = batchSize;
            this.values = values;
        }

        @Override
        public Iterator<Row> call(Iterator<Row> rows) {
            TextClassifier classifier = ModelFiles.classifier(hash, modelFile::value);
            return new BatchScorer(rows, classifier, fields, cols, batchSize, values);
        }
    }

    /** One broadcast per model and Spark context, however many transforms use it. */
    private synchronized Broadcast<byte[]> broadcast(SparkContext sc) {
        if (broadcast == null || sc.isStopped()) {
            broadcast = JavaSparkContext.fromSparkContext(sc).broadcast(modelFile);
        }
        return broadcast;
    }

    private synchronized String hash() {
        if (hash == null) {
            hash = ModelFiles.hash(modelFile);
        }
        return hash;
    }

    @Override
    public StructType transformSchema(StructType schema) {
        return ColumnParams.outputSchema(schema, getTextCols(), getPredictionCol(), getProbabilityCol(),
                getPredictedLabelCol());
    }

    @Override
    public TextClfClassificationModel copy(ParamMap extra) {
        TextClfClassificationModel copy = new TextClfClassificationModel(uid, modelFile);
        copy.classifier = classifier;
        return copyValues(copy, extra).setParent(parent());
    }

    @Override
    public String uid() {
        return uid;
    }

    @Override
    public long estimatedSize() {
        return modelFile.length;
    }

    @Override
    public String toString() {
        return "TextClfClassificationModel: uid=" + uid + ", " + classifier();
    }

    public StringArrayParam textCols() {
        return textCols;
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

    public String[] getTextCols() {
        return getOrDefault(textCols);
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

    public int getScoringBatchSize() {
        return (Integer) getOrDefault(scoringBatchSize);
    }

    public TextClfClassificationModel setTextCol(String value) {
        return setTextCols(new String[] {value});
    }

    public TextClfClassificationModel setTextCols(String[] value) {
        return (TextClfClassificationModel) set(textCols, Arrays.copyOf(value, value.length));
    }

    public TextClfClassificationModel setPredictionCol(String value) {
        return (TextClfClassificationModel) set(predictionCol, value);
    }

    public TextClfClassificationModel setProbabilityCol(String value) {
        return (TextClfClassificationModel) set(probabilityCol, value);
    }

    public TextClfClassificationModel setPredictedLabelCol(String value) {
        return (TextClfClassificationModel) set(predictedLabelCol, value);
    }

    public TextClfClassificationModel setScoringBatchSize(int value) {
        return (TextClfClassificationModel) set(scoringBatchSize, value);
    }

    private static Configuration hadoopConf() {
        return SparkSession.active().sparkContext().hadoopConfiguration();
    }

    private static byte[] readAll(Path path, Configuration conf) throws IOException {
        try (InputStream in = path.getFileSystem(conf).open(path)) {
            return in.readAllBytes();
        }
    }

    /** Spark's metadata (uid, params) and the model file unchanged beside it. */
    private static final class Writer extends MLWriter {
        private final TextClfClassificationModel model;

        Writer(TextClfClassificationModel model) {
            this.model = model;
        }

        @Override
        public void saveImpl(String path) {
            DefaultParamsWriter.saveMetadata(model, path, sparkSession());
            try {
                model.saveModelFile(new Path(path, MODEL_FILE).toString());
            } catch (IOException e) {
                throw new UncheckedIOException(path + ": " + e.getMessage(), e);
            }
        }
    }

    private static final class Reader extends MLReader<TextClfClassificationModel> {
        @Override
        public TextClfClassificationModel load(String path) {
            DefaultParamsReader.Metadata metadata = DefaultParamsReader.loadMetadata(path, sparkSession(),
                    TextClfClassificationModel.class.getName());
            byte[] bytes;
            try {
                bytes = readAll(new Path(path, MODEL_FILE), sparkSession().sparkContext().hadoopConfiguration());
            } catch (IOException e) {
                throw new UncheckedIOException(path + ": " + e.getMessage(), e);
            }
            TextClfClassificationModel model = new TextClfClassificationModel(metadata.uid(), bytes);
            metadata.getAndSetParams(model, Option.empty());
            return model;
        }
    }
}
