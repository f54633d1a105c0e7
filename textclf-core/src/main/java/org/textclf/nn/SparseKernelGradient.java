package org.textclf.nn;

import java.util.Arrays;

/**
 * The gradient of the first (sparse) Dense kernel, {@code x^T delta}, computed per feature rather than per nonzero:
 * the batch's kept nonzeros are bucketed by feature (a counting sort, in the manner of a CSR to CSC transpose), then
 * each touched feature's gradient row is written once, in ascending feature order, from four nonzeros per pass.
 * Compared with adding every nonzero into its row in batch order, rows are written sequentially and once, and no
 * clearing is needed. The rows go to {@link #values}, in the kernel's layout, where the rows not listed in
 * {@link #touched()} hold whatever an earlier batch left; or packed ({@link #accumulatePacked}), the {@code i}-th
 * touched feature's row at {@code [i * width, (i + 1) * width)}, as {@link Gradients} holds them.
 */
final class SparseKernelGradient {

    private final int features;
    private final int width;
    /** {@code features x width}; valid on the touched rows only. */
    final float[] values;
    /** Kept nonzeros per feature in the current batch; all zero between batches. */
    private final int[] count;
    private final int[] end;
    private final int[] touched;
    private int touchedCount;
    private int[] entryRow = new int[0];
    private float[] entryValue = new float[0];

    SparseKernelGradient(int features, int width) {
        this.features = features;
        this.width = width;
        this.values = new float[features * width];
        this.count = new int[features];
        this.end = new int[features];
        this.touched = new int[features];
    }

    /** The touched features, ascending: the rows to update. */
    int[] touched() {
        return touched;
    }

    int touchedCount() {
        return touchedCount;
    }

    /**
     * Writes {@code sum_r x[r][f] * delta[r]} into row {@code f} of {@link #values} for every feature {@code f}
     * with a nonzero (kept) value in rows {@code [0, rows)}, and lists those features. Call {@link #reset} before
     * the next batch. With {@code threads} (may be null) the rows are written by all its threads.
     */
    void compute(int[] rowStart, int[] indices, float[] x, float[] delta, int rows, StepThreads threads) {
        int n = bucket(rowStart, indices, x, rows);
        if (threads == null || threads.threads() == 1) {
            accumulate(0, n, delta);
        } else {
            int parts = threads.threads();
            threads.run(part -> accumulate(n * part / parts, n * (part + 1) / parts, delta));
        }
    }

    /**
     * The first half of {@link #compute}: lists the touched features (ascending) and buckets the kept nonzeros by
     * feature. Returns how many features were touched; {@link #accumulate} then writes their rows.
     */
    int bucket(int[] rowStart, int[] indices, float[] x, int rows) {
        int nonzeros = rowStart[rows];
        if (entryRow.length < nonzeros) {
            entryRow = new int[nonzeros];
            entryValue = new float[nonzeros];
        }
        int n = 0;
        for (int k = 0; k < nonzeros; k++) {
            if (x[k] != 0f && count[indices[k]]++ == 0) {
                touched[n++] = indices[k];
            }
        }
        touchedCount = n;
        sortTouched();
        int position = 0;
        for (int i = 0; i < n; i++) {
            int feature = touched[i];
            end[feature] = position; // the bucket's start for now; the scatter below moves it to the bucket's end
            position += count[feature];
        }
        for (int r = 0; r < rows; r++) {
            for (int k = rowStart[r], stop = rowStart[r + 1]; k < stop; k++) {
                if (x[k] != 0f) {
                    int p = end[indices[k]]++;
                    entryRow[p] = r;
                    entryValue[p] = x[k];
                }
            }
        }
        return n;
    }

    /**
     * The gradient rows of the touched features {@code touched()[from..to)}, after {@link #bucket}: disjoint ranges
     * may run on different threads.
     */
    void accumulate(int from, int to, float[] delta) {
        for (int i = from; i < to; i++) {
            int feature = touched[i];
            accumulateRow(values, feature * width, end[feature] - count[feature], end[feature], delta);
        }
    }

    /**
     * As {@link #accumulate}, into {@code out} packed: the {@code i}-th touched feature's row at
     * {@code [i * width, (i + 1) * width)}. Costs the same, as the rows are written at an offset unrelated to
     * {@code delta}'s either way.
     */
    void accumulatePacked(int from, int to, float[] delta, float[] out) {
        for (int i = from; i < to; i++) {
            int feature = touched[i];
            accumulateRow(out, i * width, end[feature] - count[feature], end[feature], delta);
        }
    }

    private void accumulateRow(float[] target, int out, int from, int to, float[] delta) {
        Arrays.fill(target, out, out + width, 0f);
        int p = from;
        for (; p + 4 <= to; p += 4) {
            float x0 = entryValue[p];
            float x1 = entryValue[p + 1];
            float x2 = entryValue[p + 2];
            float x3 = entryValue[p + 3];
            int d0 = entryRow[p] * width;
            int d1 = entryRow[p + 1] * width;
            int d2 = entryRow[p + 2] * width;
            int d3 = entryRow[p + 3] * width;
            for (int o = 0; o < width; o++) {
                target[out + o] += x0 * delta[d0 + o] + x1 * delta[d1 + o] + x2 * delta[d2 + o]
                        + x3 * delta[d3 + o];
            }
        }
        for (; p < to; p++) {
            float x0 = entryValue[p];
            int d0 = entryRow[p] * width;
            for (int o = 0; o < width; o++) {
                target[out + o] += x0 * delta[d0 + o];
            }
        }
    }

    /** Ascending order: with many rows one pass over the counts, with few a sort of the list. */
    private void sortTouched() {
        if (touchedCount * 16L < features) {
            Arrays.sort(touched, 0, touchedCount);
            return;
        }
        int n = 0;
        for (int feature = 0; feature < features; feature++) {
            if (count[feature] != 0) {
                touched[n++] = feature;
            }
        }
    }

    /** Forgets the batch: zeroes the counts (touched rows only) and, if asked, the gradient rows too. */
    void reset(boolean zeroValues) {
        for (int i = 0; i < touchedCount; i++) {
            int feature = touched[i];
            count[feature] = 0;
            if (zeroValues) {
                Arrays.fill(values, feature * width, (feature + 1) * width, 0f);
            }
        }
        touchedCount = 0;
    }
}
