package org.textclf.nn;

import java.util.Arrays;

/**
 * The batch's kept nonzeros bucketed by feature (a counting sort, in the manner of a CSR to CSC transpose), and the
 * two first-layer kernels that read them feature by feature: the training forward ({@link #forward}) and the kernel's
 * gradient {@code x^T delta} ({@link #accumulate}). Each touched feature's kernel row is read once and its gradient
 * row written once, in ascending feature order, instead of once per nonzero in batch order.
 *
 * <p>Both kernels work on activation rows held as separate arrays ({@code float[rows][width]}): JDK 17's C2
 * vectorizes a loop over several arrays only when every access has the same index ({@code a[j]}, {@code b[j]}), and
 * an axpy between two slices of one flat array at unrelated offsets ({@code out[r * width + j] += x * kernel[f *
 * width + j]}) stays scalar. A kernel row is copied into a scratch row once per feature for the same reason.
 *
 * <p>The gradient rows go to {@link #values}, in the kernel's layout, where the rows not listed in {@link #touched()}
 * hold whatever an earlier batch left; or packed, the {@code i}-th touched feature's row at {@code [i * width, (i +
 * 1) * width)}, as {@link Gradients} holds them. {@link #accumulateFlat} is the same gradient from a flat
 * {@code delta}, for narrow widths (a linear model's one to a few outputs) where per-row arrays would not pay.
 */
final class SparseKernelGradient {

    private final int features;
    private final int width;
    /** {@code features x width}; valid on the touched rows only. */
    final float[] values;
    /** Kept nonzeros per feature in the current batch; all zero between batches. */
    private final int[] count;
    /** A feature's bucket cursor while bucketing. */
    private final int[] cursor;
    private final int[] touched;
    /** {@code touched()[i]}'s entries are {@code [bucketStart[i], bucketStart[i + 1])}, in ascending batch row. */
    private final int[] bucketStart;
    private int touchedCount;
    /** The bucketed batch's rows. */
    private int rows;
    private int[] entryRow = new int[0];
    private float[] entryValue = new float[0];
    /** Per part of a step split across threads: a kernel row, then a gradient row, {@code width} floats. */
    private float[][] scratch = new float[0][];

    SparseKernelGradient(int features, int width) {
        this.features = features;
        this.width = width;
        this.values = new float[features * width];
        this.count = new int[features];
        this.cursor = new int[features];
        this.touched = new int[features];
        this.bucketStart = new int[features + 1];
    }

    /** The touched features, ascending: the rows to update. */
    int[] touched() {
        return touched;
    }

    int touchedCount() {
        return touchedCount;
    }

    /**
     * Lists the features with a nonzero (kept) value in rows {@code [0, rows)}, ascending, and buckets those
     * nonzeros by feature. Returns how many features were touched. Forgets any batch not {@link #reset} (a step
     * that threw half way).
     */
    int bucket(int[] rowStart, int[] indices, float[] x, int rows) {
        reset(false);
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
        this.rows = rows;
        sortTouched();
        int position = 0;
        for (int i = 0; i < n; i++) {
            int feature = touched[i];
            bucketStart[i] = position;
            cursor[feature] = position;
            position += count[feature];
        }
        bucketStart[n] = position;
        for (int r = 0; r < rows; r++) {
            for (int k = rowStart[r], stop = rowStart[r + 1]; k < stop; k++) {
                if (x[k] != 0f) {
                    int p = cursor[indices[k]]++;
                    entryRow[p] = r;
                    entryValue[p] = x[k];
                }
            }
        }
        return n;
    }

    /** Makes room for a step split into {@code parts} (1 for one thread); call before the parts run. */
    void ensureParts(int parts) {
        if (scratch.length < parts) {
            float[][] grown = Arrays.copyOf(scratch, parts);
            for (int i = scratch.length; i < parts; i++) {
                grown[i] = new float[2 * width];
            }
            scratch = grown;
        }
    }

    /**
     * The first layer's training forward for batch rows {@code [fromRow, toRow)}, after {@link #bucket}: {@code
     * out[r] = bias + sum x[r][f] * kernel[f]} over the kept nonzeros, added feature by feature in ascending order
     * (so each row's sum is the same whichever rows a part holds). Disjoint row ranges may run on different threads,
     * each with its own {@code part} ({@link #ensureParts}).
     */
    void forward(float[] kernel, float[] bias, float[][] out, int fromRow, int toRow, int part) {
        int width = this.width;
        for (int r = fromRow; r < toRow; r++) {
            System.arraycopy(bias, 0, out[r], 0, width);
        }
        boolean allRows = fromRow == 0 && toRow == rows;
        float[] row = scratch[part];
        for (int i = 0; i < touchedCount; i++) {
            int from = bucketStart[i];
            int to = bucketStart[i + 1];
            if (!allRows) {
                while (from < to && entryRow[from] < fromRow) {
                    from++;
                }
                while (to > from && entryRow[to - 1] >= toRow) {
                    to--;
                }
                if (from == to) {
                    continue;
                }
            }
            System.arraycopy(kernel, touched[i] * width, row, 0, width);
            for (int p = from; p < to; p++) {
                float x = entryValue[p];
                float[] o = out[entryRow[p]];
                for (int j = 0; j < width; j++) {
                    o[j] += x * row[j];
                }
            }
        }
    }

    /**
     * The gradient rows of the touched features {@code touched()[from..to)} from {@code delta} rows, after
     * {@link #bucket}: into {@link #values} in the kernel's layout, or into {@code packed} (when not null) at
     * {@code [i * width, (i + 1) * width)}. Disjoint ranges may run on different threads, each with its own
     * {@code part}.
     */
    void accumulate(int from, int to, float[][] delta, float[] packed, int part) {
        int width = this.width;
        float[] g = scratch[part];
        for (int i = from; i < to; i++) {
            int p = bucketStart[i];
            int end = bucketStart[i + 1];
            // The first nonzero's term assigns, so no row needs clearing.
            float x = entryValue[p];
            float[] d = delta[entryRow[p]];
            for (int j = 0; j < width; j++) {
                g[j] = x * d[j];
            }
            p++;
            for (; p + 4 <= end; p += 4) {
                float x0 = entryValue[p];
                float x1 = entryValue[p + 1];
                float x2 = entryValue[p + 2];
                float x3 = entryValue[p + 3];
                float[] d0 = delta[entryRow[p]];
                float[] d1 = delta[entryRow[p + 1]];
                float[] d2 = delta[entryRow[p + 2]];
                float[] d3 = delta[entryRow[p + 3]];
                for (int j = 0; j < width; j++) {
                    g[j] += x0 * d0[j] + x1 * d1[j] + x2 * d2[j] + x3 * d3[j];
                }
            }
            for (; p < end; p++) {
                float x0 = entryValue[p];
                float[] d0 = delta[entryRow[p]];
                for (int j = 0; j < width; j++) {
                    g[j] += x0 * d0[j];
                }
            }
            if (packed == null) {
                System.arraycopy(g, 0, values, touched[i] * width, width);
            } else {
                System.arraycopy(g, 0, packed, i * width, width);
            }
        }
    }

    /**
     * As {@link #accumulate} into {@code packed}, from a flat {@code rows x width} {@code delta}: for narrow widths,
     * where a loop over {@code width} values is too short to vectorize anyway.
     */
    void accumulateFlat(int from, int to, float[] delta, float[] packed) {
        int width = this.width;
        for (int i = from; i < to; i++) {
            int out = i * width;
            Arrays.fill(packed, out, out + width, 0f);
            int p = bucketStart[i];
            int end = bucketStart[i + 1];
            for (; p + 4 <= end; p += 4) {
                float x0 = entryValue[p];
                float x1 = entryValue[p + 1];
                float x2 = entryValue[p + 2];
                float x3 = entryValue[p + 3];
                int d0 = entryRow[p] * width;
                int d1 = entryRow[p + 1] * width;
                int d2 = entryRow[p + 2] * width;
                int d3 = entryRow[p + 3] * width;
                for (int o = 0; o < width; o++) {
                    packed[out + o] += x0 * delta[d0 + o] + x1 * delta[d1 + o] + x2 * delta[d2 + o]
                            + x3 * delta[d3 + o];
                }
            }
            for (; p < end; p++) {
                float x0 = entryValue[p];
                int d0 = entryRow[p] * width;
                for (int o = 0; o < width; o++) {
                    packed[out + o] += x0 * delta[d0 + o];
                }
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
