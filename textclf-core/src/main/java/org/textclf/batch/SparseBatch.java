package org.textclf.batch;

import java.util.Arrays;
import java.util.List;

/**
 * A mini-batch of sparse feature rows in compressed sparse row form, with one class id per row. Row {@code r}
 * holds the pairs {@code (indices[k], values[k])} for {@code k} in {@code [rowStart[r], rowStart[r + 1])}.
 * Nothing here is ever densified: a layer that consumes it pays per nonzero, not per feature.
 *
 * @param features the number of columns (the vectorizer's feature count)
 * @param rowStart {@code rows + 1} offsets into {@code indices} and {@code values}
 * @param labels the class id of each row, or -1 where the sample has no label
 */
public record SparseBatch(int features, int[] rowStart, int[] indices, float[] values, int[] labels) implements Batch {

    public SparseBatch {
        if (rowStart.length != labels.length + 1) {
            throw new IllegalArgumentException("rowStart must have rows + 1 = " + (labels.length + 1)
                    + " entries, found " + rowStart.length);
        }
        if (indices.length != values.length || rowStart[rowStart.length - 1] != indices.length) {
            throw new IllegalArgumentException("indices and values must both hold rowStart[rows] = "
                    + rowStart[rowStart.length - 1] + " entries, found " + indices.length + " and " + values.length);
        }
    }

    /** Splitting into and assembling from {@link Example}s, for batches of {@code features} columns. */
    public static BatchRows<SparseBatch> rows(int features) {
        return new BatchRows<>() {
            @Override
            public int size(SparseBatch batch) {
                return batch.rows();
            }

            @Override
            public Example row(SparseBatch b, int i) {
                int from = b.rowStart[i];
                int to = b.rowStart[i + 1];
                return new Example(b.labels[i], Arrays.copyOfRange(b.indices, from, to),
                        Arrays.copyOfRange(b.values, from, to));
            }

            @Override
            public SparseBatch assemble(List<Example> rows) {
                int nonzeros = 0;
                for (Example e : rows) {
                    nonzeros += e.indices().length;
                }
                int[] rowStart = new int[rows.size() + 1];
                int[] indices = new int[nonzeros];
                float[] values = new float[nonzeros];
                int[] labels = new int[rows.size()];
                int at = 0;
                for (int r = 0; r < rows.size(); r++) {
                    Example e = rows.get(r);
                    int n = e.indices().length;
                    System.arraycopy(e.indices(), 0, indices, at, n);
                    System.arraycopy(e.values(), 0, values, at, n);
                    at += n;
                    rowStart[r + 1] = at;
                    labels[r] = e.label();
                }
                return new SparseBatch(features, rowStart, indices, values, labels);
            }
        };
    }

    public int rows() {
        return labels.length;
    }

    public int nonzeros() {
        return indices.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SparseBatch b && features == b.features && Arrays.equals(rowStart, b.rowStart)
                && Arrays.equals(indices, b.indices) && Arrays.equals(values, b.values)
                && Arrays.equals(labels, b.labels);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(indices) + Arrays.hashCode(labels);
    }

    @Override
    public String toString() {
        return "SparseBatch[rows=" + rows() + ", features=" + features + ", nonzeros=" + nonzeros() + "]";
    }
}
