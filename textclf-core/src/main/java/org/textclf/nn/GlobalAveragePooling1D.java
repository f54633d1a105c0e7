package org.textclf.nn;

import java.util.Arrays;

/**
 * {@code GlobalAveragePooling1D} over the real positions of one sequence ({@code [positions][channels]}): the mean of its first {@code length}
 * positions per channel, so the padding a batch adds does not dilute it (Keras does the same when given a mask). An
 * empty sequence averages to zeros.
 */
final class GlobalAveragePooling1D {

    private GlobalAveragePooling1D() {
    }

    /** {@code out[c] = sum_{t < length} in[t][c] / length}, zeros when {@code length == 0}. */
    static void forward(float[][] in, int length, int channels, float[] out) {
        Arrays.fill(out, 0, channels, 0f);
        if (length == 0) {
            return;
        }
        for (int t = 0; t < length; t++) {
            float[] x = in[t];
            for (int c = 0; c < channels; c++) {
                out[c] += x[c];
            }
        }
        float scale = 1f / length;
        for (int c = 0; c < channels; c++) {
            out[c] *= scale;
        }
    }

    /** Overwrites the first {@code length} rows of {@code inGradient}: {@code outGradient / length}. */
    static void backward(float[] outGradient, int length, int channels, float[][] inGradient) {
        if (length == 0) {
            return;
        }
        float scale = 1f / length;
        for (int t = 0; t < length; t++) {
            float[] g = inGradient[t];
            for (int c = 0; c < channels; c++) {
                g[c] = outGradient[c] * scale;
            }
        }
    }
}
