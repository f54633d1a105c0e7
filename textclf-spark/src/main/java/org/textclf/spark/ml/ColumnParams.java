package org.textclf.spark.ml;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.param.Params;
import org.apache.spark.ml.param.StringArrayParam;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The params the estimator and its model share (the text columns, the three output columns, the scoring batch),
 * made once here so that both declare them alike and {@code copyValues} carries them from one to the other; and the
 * schema both check and produce.
 */
final class ColumnParams {
    static final String[] DEFAULT_TEXT_COLS = {"text"};
    static final String DEFAULT_PREDICTION_COL = "prediction";
    static final String DEFAULT_PROBABILITY_COL = "probability";
    static final String DEFAULT_PREDICTED_LABEL_COL = "predictedLabel";
    /** Texts per call of the network when scoring: large enough to amortize a call, small next to any heap. */
    static final int DEFAULT_SCORING_BATCH_SIZE = 256;

    private ColumnParams() {
    }

    static StringArrayParam textCols(Params parent) {
        return new StringArrayParam(parent, "textCols", "the string columns a text is read from, joined with a"
                + " space (as AG News' title and description)", atLeastOne());
    }

    @SuppressWarnings("unchecked")
    private static scala.Function1<String[], Object> atLeastOne() {
        // arrayLengthGt's element type is a Scala type parameter Java cannot infer; it checks any array's length.
        return (scala.Function1<String[], Object>) (Object) ParamValidators.arrayLengthGt(0);
    }

    static Param<String> predictionCol(Params parent) {
        return new Param<>(parent, "predictionCol", "output: the predicted class as a double: its label when every"
                + " class label is a number, else its class index");
    }

    static Param<String> probabilityCol(Params parent) {
        return new Param<>(parent, "probabilityCol", "output: every class's probability, a vector in class order");
    }

    static Param<String> predictedLabelCol(Params parent) {
        return new Param<>(parent, "predictedLabelCol", "output: the predicted class's name");
    }

    static IntParam scoringBatchSize(Params parent) {
        return new IntParam(parent, "scoringBatchSize", "texts scored per call of the network",
                ParamValidators.gtEq(1));
    }

    /**
     * Checks that every text column is a string column and no output column exists, and returns {@code schema} with
     * the three output columns added.
     *
     * @throws IllegalArgumentException naming the column and what is wrong with it
     */
    static StructType outputSchema(StructType schema, String[] textCols, String predictionCol, String probabilityCol,
            String predictedLabelCol) {
        List<String> names = Arrays.asList(schema.fieldNames());
        for (String c : textCols) {
            if (!names.contains(c)) {
                throw new IllegalArgumentException("text column '" + c + "' does not exist; the columns are "
                        + names + " (set textCols)");
            }
            StructField f = schema.apply(c);
            if (!f.dataType().equals(DataTypes.StringType)) {
                throw new IllegalArgumentException("text column '" + c + "' must be of type string; found "
                        + f.dataType().simpleString() + " (cast it, or set textCols)");
            }
        }
        List<String> outputs = new ArrayList<>();
        for (String c : new String[] {predictionCol, probabilityCol, predictedLabelCol}) {
            if (names.contains(c) || outputs.contains(c)) {
                throw new IllegalArgumentException("output column '" + c + "' already exists; drop it or name"
                        + " another (predictionCol, probabilityCol, predictedLabelCol)");
            }
            outputs.add(c);
        }
        return schema.add(predictionCol, DataTypes.DoubleType, false)
                .add(probabilityCol, SQLDataTypes.VectorType(), false)
                .add(predictedLabelCol, DataTypes.StringType, false);
    }

    /**
     * That {@code schema} has the label column, of strings or numbers, and the validation indicator column (null
     * when not set), of booleans; else the one-line reason.
     */
    static void checkTrainingColumns(StructType schema, String label, String v) {
        List<String> names = Arrays.asList(schema.fieldNames());
        if (!names.contains(label)) {
            throw new IllegalArgumentException("label column '" + label + "' does not exist; the columns are " + names
                    + " (set labelCol)");
        }
        DataType type = schema.apply(label).dataType();
        if (!type.equals(DataTypes.StringType) && !(type instanceof NumericType)) {
            throw new IllegalArgumentException("label column '" + label + "' must hold strings or numbers; found "
                    + type.simpleString());
        }
        if (v != null && (!names.contains(v) || !schema.apply(v).dataType().equals(DataTypes.BooleanType))) {
            throw new IllegalArgumentException("validationIndicatorCol '" + v + "' must be a boolean column; the"
                    + " columns are " + schema.simpleString());
        }
    }
}
