package org.textclf.nn;

/**
 * The per-batch activations of one {@link Mlp} forward and backward pass. One per thread: the training thread owns
 * one for its whole run (so a step allocates nothing once the largest batch has been seen), each inference call
 * makes its own (so inference is thread-safe). Arrays grow to the largest batch and are never shrunk.
 */
final class MlpWorkspace {

    private final int[] widths;
    private final int layers;
    private final int maxWidth;
    private int rowCapacity;
    private int nonzeroCapacity;

    /** The input values after dropout, one per nonzero. */
    float[] inputValues = new float[0];
    /** {@code preActivations[l]}: the output of Dense layer {@code l} (0-based), {@code rows x widths[l + 1]}. */
    final float[][] preActivations;
    /** {@code hidden[l]}: the input of Dense layer {@code l >= 1}, after relu and dropout, {@code rows x widths[l]}. */
    final float[][] hidden;
    /** {@code masks[l]}: the dropout mask that produced {@code hidden[l]}. */
    final float[][] masks;
    /** Two gradient buffers, {@code rows x maxWidth}, used in turn while walking back through the layers. */
    float[] delta = new float[0];
    float[] deltaSpare = new float[0];
    /**
     * Training only: the first layer's output and, on the way back, its gradient, one array per batch row
     * ({@code widths[1]} floats each), the layout the first layer's kernels vectorize on
     * ({@link SparseKernelGradient}).
     */
    float[][] firstRows = new float[0][];
    float[][] deltaRows = new float[0][];

    /** @param widths {@code [features, units..., outputs]}, one more than the number of Dense layers */
    MlpWorkspace(int[] widths) {
        this.widths = widths.clone();
        this.layers = widths.length - 1;
        int max = 0;
        for (int l = 1; l < widths.length; l++) {
            max = Math.max(max, widths[l]);
        }
        this.maxWidth = max;
        preActivations = new float[layers][0];
        hidden = new float[layers][0];
        masks = new float[layers][0];
    }

    /** Makes room for a batch of {@code rows} rows and {@code nonzeros} nonzeros. */
    void ensure(int rows, int nonzeros, boolean training) {
        if (training && nonzeros > nonzeroCapacity) {
            nonzeroCapacity = Math.max(nonzeros, nonzeroCapacity + nonzeroCapacity / 2);
            inputValues = new float[nonzeroCapacity];
        }
        if (rows > rowCapacity) {
            rowCapacity = Math.max(rows, rowCapacity + rowCapacity / 2);
            for (int l = 0; l < layers; l++) {
                preActivations[l] = new float[rowCapacity * widths[l + 1]];
                if (l >= 1) {
                    hidden[l] = new float[rowCapacity * widths[l]];
                    masks[l] = new float[rowCapacity * widths[l]];
                }
            }
            delta = new float[rowCapacity * maxWidth];
            deltaSpare = new float[rowCapacity * maxWidth];
        }
        if (training && firstRows.length < rowCapacity) {
            firstRows = new float[rowCapacity][widths[1]];
            deltaRows = new float[rowCapacity][widths[1]];
        }
    }

    /** {@code preActivations[0] = firstRows}, for {@code rows} rows. */
    void copyFirstRows(int rows) {
        int width = widths[1];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(firstRows[r], 0, preActivations[0], r * width, width);
        }
    }

    /** {@code deltaRows = delta}, for {@code rows} rows of the first layer's width. */
    void copyDeltaToRows(int rows) {
        int width = widths[1];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(delta, r * width, deltaRows[r], 0, width);
        }
    }

    /** Swaps the two gradient buffers. */
    void swapDeltas() {
        float[] t = delta;
        delta = deltaSpare;
        deltaSpare = t;
    }
}
