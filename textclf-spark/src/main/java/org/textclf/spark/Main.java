package org.textclf.spark;

import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.textclf.api.TextClassifier;
import org.textclf.data.Labels;
import org.textclf.spark.ml.TextClfClassificationModel;
import org.textclf.spark.ml.TextClfClassifier;

/**
 * The driver {@code spark-submit} runs: {@code spark-submit --class org.textclf.spark.Main textclf-spark.jar train
 * --train PATH [--val PATH] [--test PATH] -o MODEL [options]} trains on the cluster ({@link TextClfClassifier}),
 * saves an ordinary textclf model file on the driver and, with {@code --test}, scores the test data on the
 * executors and prints its accuracy. Errors are one line, {@code textclf-spark: ...}, exit 1; usage errors exit 2.
 */
public final class Main {
    /** The column that marks the --val file's rows in the one frame the estimator fits. */
    static final String VALIDATION = "__textclf_validation";

    private Main() {
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        TrainArgs train;
        try {
            if (args.length == 0 || !args[0].equals("train")) {
                throw new UsageException(args.length == 0 ? "missing command" : "unknown command '" + args[0]
                        + "'; expected train");
            }
            train = TrainArgs.parse(Arrays.asList(args).subList(1, args.length));
        } catch (UsageException e) {
            err.println("textclf-spark: " + e.getMessage());
            err.println(TrainArgs.USAGE);
            return 2;
        }
        SparkSession spark = null;
        try {
            spark = SparkSession.builder().appName("textclf train").getOrCreate();
            train(spark, train, out, err);
            return 0;
        } catch (Exception e) { // SparkException too: checked, but thrown undeclared from Scala
            err.println("textclf-spark: " + oneLine(e));
            return 1;
        } finally {
            if (spark != null) {
                spark.stop();
            }
        }
    }

    private static void train(SparkSession spark, TrainArgs args, PrintStream out, PrintStream err)
            throws IOException {
        long start = System.nanoTime();
        InputFrames train = InputFrames.read(spark, args.train(), args.format(), args.textColumns(),
                args.labelColumn());
        Dataset<Row> rows = partitioned(aligned(train, train), args.partitions());
        TextClfClassifier estimator = args.estimator().setTextCols(train.textColumns().toArray(new String[0]))
                .setLabelCol(train.labelColumn());
        if (args.validation().isPresent()) {
            InputFrames val = InputFrames.read(spark, args.validation().get(), args.format(), args.textColumns(),
                    args.labelColumn());
            // The estimator's validation rows are marked in one frame: the two files' rows, with their own columns
            // renamed to the training data's.
            rows = rows.withColumn(VALIDATION, lit(false)).unionByName(aligned(val, train)
                    .withColumn(VALIDATION, lit(true)));
            estimator.setValidationIndicatorCol(VALIDATION);
        }
        TextClfClassificationModel model = estimator.fit(rows);
        TextClassifier classifier = model.classifier();
        Path local = Path.of(args.train());
        if (Files.isRegularFile(local)) { // a classes.txt beside the data names the classes, as textclf train's
            classifier = classifier.withLabels(classifier.labels().withNamesBeside(local));
        }
        String testLine = null;
        if (args.test().isPresent()) {
            InputFrames test = InputFrames.read(spark, args.test().get(), args.format(), args.textColumns(),
                    args.labelColumn());
            Accuracy accuracy = accuracy(TextClfClassificationModel.of(classifier).setTextCols(
                    train.textColumns().toArray(new String[0])), aligned(test, train), train.labelColumn(),
                    args.test().get(), classifier.labels());
            classifier = classifier.withMetrics(Map.of("test_accuracy", accuracy.value()), List.of());
            testLine = String.format(Locale.ROOT, "test on %s: accuracy %.4f (%,d samples, scored on the"
                    + " executors)", args.test().get(), accuracy.value(), accuracy.total());
        }
        Path output = Path.of(args.output());
        classifier.save(output);
        Map<String, Double> metrics = classifier.info().metrics();
        out.printf(Locale.ROOT, "saved %s (%s): best epoch %d of %d, val_loss %.4f, val_accuracy %.4f, %.1f s%n",
                output, classifier.model(), metrics.get("best_epoch").intValue(), metrics.get("epochs").intValue(),
                metrics.get("val_loss"), metrics.get("val_accuracy"), (System.nanoTime() - start) / 1e9);
        if (testLine != null) {
            out.println(testLine);
        }
        out.flush();
    }

    private static Dataset<Row> partitioned(Dataset<Row> rows, int partitions) {
        return partitions > 0 ? rows.repartition(partitions) : rows;
    }

    /**
     * {@code other}'s text and label columns only, under {@code like}'s names (a Zhang file's {@code _c1} may be
     * another file's {@code review}), the label as a string so that the files' rows union.
     */
    private static Dataset<Row> aligned(InputFrames other, InputFrames like) throws IOException {
        if (other.textColumns().size() != like.textColumns().size()) {
            throw new IOException("expected " + like.textColumns().size() + " text fields as in the training data,"
                    + " found " + other.textColumns().size() + " (" + String.join(", ", other.textColumns()) + ")");
        }
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < like.textColumns().size(); i++) {
            columns.add(other.frame().col(other.textColumns().get(i)).as(like.textColumns().get(i)));
        }
        columns.add(other.frame().col(other.labelColumn()).cast("string").as(like.labelColumn()));
        return other.frame().select(columns.toArray(new Column[0]));
    }

    /** Right and scored test rows. */
    record Accuracy(long right, long total) implements Serializable {
        double value() {
            return total == 0 ? Double.NaN : (double) right / total;
        }
    }

    /** Scores {@code test} on the executors and counts the rows whose label the model predicts. */
    private static Accuracy accuracy(TextClfClassificationModel model, Dataset<Row> test, String labelColumn,
            String name, Labels labels) throws IOException {
        Dataset<Row> scored = model.transform(test).select(labelColumn, model.getPredictedLabelCol());
        CountRight count = new CountRight(name, new ArrayList<>(labels.rawLabels()), new ArrayList<>(labels.names()));
        try {
            return scored.javaRDD().mapPartitions(count).reduce((a, b) -> new Accuracy(a.right() + b.right(),
                    a.total() + b.total()));
        } catch (Exception e) { // a failed task's own exception, inside Spark's (checked, thrown undeclared)
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof IllegalArgumentException bad && bad.getMessage().startsWith(name + ":")) {
                    throw new IOException(bad.getMessage(), e);
                }
            }
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException(e.getMessage(), e);
        }
    }

    /** One partition's right and total; a label the model does not know is a bad record of the test data. */
    private static final class CountRight implements FlatMapFunction<Iterator<Row>, Accuracy> {
        private static final long serialVersionUID = 1L;
        private final String name;
        private final List<String> raw;
        private final List<String> names;

        CountRight(String name, List<String> raw, List<String> names) {
            this.name = name;
            this.raw = raw;
            this.names = names;
        }

        @Override
        public Iterator<Accuracy> call(Iterator<Row> rows) {
            long right = 0;
            long total = 0;
            while (rows.hasNext()) {
                Row row = rows.next();
                String label = row.isNullAt(0) ? "" : row.get(0).toString().strip();
                int id = -1;
                try {
                    id = raw.indexOf(Labels.canonical(label));
                } catch (IllegalArgumentException e) {
                    // not a label at all: reported as one the model does not know, below
                }
                if (id < 0) {
                    throw new IllegalArgumentException(name + ": label '" + label + "' is not a class of the model;"
                            + " expected one of " + String.join(", ", raw));
                }
                total++;
                if (names.get(id).equals(row.getString(1))) {
                    right++;
                }
            }
            return List.of(new Accuracy(right, total)).iterator();
        }
    }

    /**
     * The reason, without Spark's wrapping or a stack trace: a failed task's own IOException or
     * IllegalArgumentException (textclf's one-line messages) inside Spark's, else the first line of the message.
     */
    static String oneLine(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if ((c instanceof IOException || c instanceof IllegalArgumentException) && c.getMessage() != null
                    && !(c instanceof org.apache.spark.SparkException)) {
                e = c;
                break;
            }
        }
        Throwable t = e;
        while ((t instanceof UncheckedIOException || t.getMessage() == null) && t.getCause() != null) {
            t = t.getCause();
        }
        String m = String.valueOf(t.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
