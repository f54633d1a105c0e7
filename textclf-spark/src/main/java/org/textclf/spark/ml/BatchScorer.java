package org.textclf.spark.ml;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.textclf.api.Prediction;
import org.textclf.api.Predictor;

/**
 * One partition's rows with the three output columns appended, scored lazily {@code batchSize} rows at a time: the
 * partition is never held, only one batch of rows and their predictions.
 */
final class BatchScorer implements Iterator<Row> {
    private final Iterator<Row> rows;
    private final Predictor predictor;
    private final int[] textFields;
    private final String[] textCols;
    private final int batchSize;
    private final double[] predictionValues;
    private final List<Row> batch = new ArrayList<>();
    private final List<String> texts = new ArrayList<>();
    private List<Prediction> predictions = List.of();
    private int next;

    /**
     * @param textFields the indices of the text columns in each row, named {@code textCols}
     * @param predictionValues the prediction column's value for each class ({@link #predictionValues})
     */
    BatchScorer(Iterator<Row> rows, Predictor predictor, int[] textFields, String[] textCols, int batchSize,
            double[] predictionValues) {
        this.rows = rows;
        this.predictor = predictor;
        this.textFields = textFields.clone();
        this.textCols = textCols.clone();
        this.batchSize = batchSize;
        this.predictionValues = predictionValues.clone();
    }

    /**
     * What the prediction column holds for each class: its label's value when every label is a number (so that a
     * numeric label column compares with it, as Spark's evaluators do), else the class index.
     */
    static double[] predictionValues(List<String> rawLabels) {
        int classes = rawLabels.size();
        double[] values = new double[classes];
        for (int c = 0; c < classes; c++) {
            values[c] = c;
        }
        try {
            double[] numbers = new double[classes];
            for (int c = 0; c < classes; c++) {
                numbers[c] = Double.parseDouble(rawLabels.get(c));
            }
            return numbers;
        } catch (NumberFormatException notAllNumbers) {
            return values;
        }
    }

    @Override
    public boolean hasNext() {
        return next < predictions.size() || rows.hasNext();
    }

    @Override
    public Row next() {
        if (next == predictions.size()) {
            if (!rows.hasNext()) {
                throw new NoSuchElementException();
            }
            scoreNextBatch();
        }
        Row in = batch.get(next);
        Prediction p = predictions.get(next);
        next++;
        float[] probabilities = p.probabilities();
        double[] v = new double[probabilities.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = probabilities[i];
        }
        Object[] values = new Object[in.length() + 3];
        for (int i = 0; i < in.length(); i++) {
            values[i] = in.get(i);
        }
        values[in.length()] = predictionValues[p.classId()];
        values[in.length() + 1] = Vectors.dense(v);
        values[in.length() + 2] = p.label();
        return RowFactory.create(values);
    }

    private void scoreNextBatch() {
        batch.clear();
        texts.clear();
        while (batch.size() < batchSize && rows.hasNext()) {
            Row row = rows.next();
            batch.add(row);
            texts.add(text(row));
        }
        predictions = predictor.predict(texts);
        next = 0;
    }

    private String text(Row row) {
        if (textFields.length == 1) {
            return checked(row, 0);
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < textFields.length; i++) {
            s.append(i == 0 ? "" : " ").append(checked(row, i));
        }
        return s.toString();
    }

    private String checked(Row row, int textCol) {
        int field = textFields[textCol];
        if (row.isNullAt(field)) {
            throw new IllegalArgumentException("text column '" + textCols[textCol] + "' is null in a row; filter or"
                    + " fill nulls before scoring (e.g. df.na().fill(\"\"))");
        }
        return row.getString(field);
    }
}
