package org.textclf.nn;

/**
 * The first Dense layer, fed straight from CSR rows: {@code out = x W + b} where {@code x} is sparse. Each example
 * costs its nonzeros times {@code width}, never the feature count; the kernel gradient touches only the rows of
 * features present in the batch, and lists them for {@link Adam#updateRows}.
 *
 * <p>The kernel is Keras' {@code (features, width)} row-major, so feature {@code i}'s weights are the contiguous
 * slice {@code [i * width, (i + 1) * width)} and every inner loop is an axpy over it, which the JIT vectorizes.
 */
final class SparseDense {

    private SparseDense() {
    }

    /**
     * {@code out[r][o] = bias[o] + sum_k values[k] * kernel[indices[k]][o]} over row {@code r}'s nonzeros {@code k}
     * in {@code [rowStart[r], rowStart[r + 1])}, for rows {@code [fromRow, toRow)}. Zero values (dropped by input
     * dropout) are skipped.
     */
    static void forward(int[] rowStart, int[] indices, float[] values, float[] kernel, float[] bias, int width,
                        float[] out, int fromRow, int toRow) {
        for (int r = fromRow; r < toRow; r++) {
            int outStart = r * width;
            System.arraycopy(bias, 0, out, outStart, width);
            for (int k = rowStart[r], end = rowStart[r + 1]; k < end; k++) {
                float x = values[k];
                if (x != 0f) {
                    int kernelStart = indices[k] * width;
                    for (int o = 0; o < width; o++) {
                        out[outStart + o] += x * kernel[kernelStart + o];
                    }
                }
            }
        }
    }

    /**
     * Adds {@code values[k] * delta[r]} to the kernel gradient row {@code indices[k]} for every nonzero of rows
     * {@code [0, rows)}. A row seen for the first time is appended to {@code touched} and flagged in {@code seen};
     * the caller must clear both flags and gradient rows after the update (the gradient is zero outside touched
     * rows, so nothing proportional to the feature count is ever cleared).
     *
     * @return the new number of touched rows
     */
    static int backwardKernel(int[] rowStart, int[] indices, float[] values, float[] delta, int width, int rows,
                              float[] kernelGradient, boolean[] seen, int[] touched, int touchedCount) {
        for (int r = 0; r < rows; r++) {
            int deltaStart = r * width;
            for (int k = rowStart[r], end = rowStart[r + 1]; k < end; k++) {
                float x = values[k];
                if (x != 0f) {
                    int feature = indices[k];
                    if (!seen[feature]) {
                        seen[feature] = true;
                        touched[touchedCount++] = feature;
                    }
                    int gradientStart = feature * width;
                    for (int o = 0; o < width; o++) {
                        kernelGradient[gradientStart + o] += x * delta[deltaStart + o];
                    }
                }
            }
        }
        return touchedCount;
    }

    /** Zeroes the listed gradient rows and their flags: the state {@link #backwardKernel} expects. */
    static void clearTouched(float[] kernelGradient, int width, boolean[] seen, int[] touched, int touchedCount) {
        for (int i = 0; i < touchedCount; i++) {
            int feature = touched[i];
            seen[feature] = false;
            java.util.Arrays.fill(kernelGradient, feature * width, (feature + 1) * width, 0f);
        }
    }

    /** {@code biasGradient[o] = sum_r delta[r][o]}. */
    static void backwardBias(float[] delta, int width, int rows, float[] biasGradient) {
        java.util.Arrays.fill(biasGradient, 0, width, 0f);
        for (int r = 0; r < rows; r++) {
            int deltaStart = r * width;
            for (int o = 0; o < width; o++) {
                biasGradient[o] += delta[deltaStart + o];
            }
        }
    }
}
