package org.textclf.nn;

import java.util.Arrays;

/**
 * {@code MaxPooling1D(poolSize)} (stride = poolSize) over the real positions of one sequence,
 * {@code [positions][channels]} (one array per position, as {@link SeparableConv1D} keeps them). A sequence of {@code length} positions gives {@code ceil(length / poolSize)}
 * outputs and the last window may be partial. Why not Keras' default "valid" pooling, which drops the tail: there
 * the output length follows the padded width, so a sequence padded in a batch keeps windows that it loses alone
 * (and a sequence shorter than the pool keeps nothing), and its prediction would depend on its neighbours' lengths.
 * Windows cut at the real length make the result a function of the sequence alone.
 */
final class MaxPooling1D {

    private MaxPooling1D() {
    }

    /** The number of outputs for {@code length} inputs. */
    static int outputLength(int length, int poolSize) {
        return (length + poolSize - 1) / poolSize;
    }

    /**
     * {@code out[j][c] = max over t in [j * poolSize, min((j + 1) * poolSize, length)) of in[t][c]}, and
     * {@code argmax[j][c]} the first {@code t} holding it, for the backward pass.
     *
     * @return the number of outputs, {@link #outputLength}
     */
    static int forward(float[][] in, int length, int channels, int poolSize, float[][] out, int[][] argmax) {
        int outLength = outputLength(length, poolSize);
        for (int j = 0; j < outLength; j++) {
            int start = j * poolSize;
            int end = Math.min(start + poolSize, length);
            float[] o = out[j];
            int[] a = argmax[j];
            System.arraycopy(in[start], 0, o, 0, channels);
            Arrays.fill(a, 0, channels, start);
            for (int t = start + 1; t < end; t++) {
                float[] x = in[t];
                for (int c = 0; c < channels; c++) {
                    float v = x[c];
                    if (v > o[c]) {
                        o[c] = v;
                        a[c] = t;
                    }
                }
            }
        }
        return outLength;
    }

    /** Overwrites {@code inGradient}'s first {@code length} rows: each output's gradient to its max. */
    static void backward(float[][] outGradient, int length, int channels, int poolSize, int[][] argmax,
                         float[][] inGradient) {
        for (int t = 0; t < length; t++) {
            Arrays.fill(inGradient[t], 0, channels, 0f);
        }
        int outLength = outputLength(length, poolSize);
        for (int j = 0; j < outLength; j++) {
            float[] g = outGradient[j];
            int[] a = argmax[j];
            for (int c = 0; c < channels; c++) {
                inGradient[a[c]][c] += g[c];
            }
        }
    }
}
