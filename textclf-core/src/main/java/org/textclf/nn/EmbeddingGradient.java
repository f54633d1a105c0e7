package org.textclf.nn;

import java.util.Arrays;

/**
 * The gradient of an embedding table, one per thread, kept sparse: a full {@code [vocabulary, dim]} array of which
 * only the rows listed in {@link #touched()} are meaningful for the current step. A row is zeroed when first touched
 * in a step (tracked by a step stamp), so a step costs the batch's tokens, never the vocabulary.
 */
final class EmbeddingGradient {

    private final int dim;
    /** {@code [vocabulary, dim]}; valid on the touched rows only. */
    final float[] values;
    /** The step in which each row was last touched. */
    private final int[] stamp;
    private final int[] touched;
    private int touchedCount;
    private int step = 1;

    EmbeddingGradient(int vocabulary, int dim) {
        this.dim = dim;
        this.values = new float[vocabulary * dim];
        this.stamp = new int[vocabulary];
        this.touched = new int[vocabulary];
    }

    int dim() {
        return dim;
    }

    /** The rows touched in this step, in the order first touched (ascending after {@link #sortTouched}). */
    int[] touched() {
        return touched;
    }

    int touchedCount() {
        return touchedCount;
    }

    /** {@code values[row] += source[from, from + dim)}. */
    void addRow(int row, float[] source, int from) {
        int start = row * dim;
        if (stamp[row] != step) {
            stamp[row] = step;
            touched[touchedCount++] = row;
            System.arraycopy(source, from, values, start, dim);
            return;
        }
        for (int j = 0; j < dim; j++) {
            values[start + j] += source[from + j];
        }
    }

    /** Adds every row {@code other} touched in its step into this one. */
    void add(EmbeddingGradient other) {
        for (int i = 0; i < other.touchedCount; i++) {
            int row = other.touched[i];
            addRow(row, other.values, row * dim);
        }
    }

    /** Sorts the touched rows ascending, the order {@link Adam#updateRows} is fastest in. */
    void sortTouched() {
        Arrays.sort(touched, 0, touchedCount);
    }

    /** Starts a new step: forgets the touched rows, and zeroes them when asked (tests read the whole array). */
    void reset(boolean zeroValues) {
        if (zeroValues) {
            for (int i = 0; i < touchedCount; i++) {
                Arrays.fill(values, touched[i] * dim, (touched[i] + 1) * dim, 0f);
            }
        }
        touchedCount = 0;
        step++;
    }
}
