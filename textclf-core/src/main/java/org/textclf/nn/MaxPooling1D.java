package org.textclf.nn;

import java.util.Arrays;

/**
 * {@code MaxPooling1D(poolSize)} (stride = poolSize) over the real positions of one sequence, row-major
 * {@code [positions, channels]}. A sequence of {@code length} positions gives {@code ceil(length / poolSize)}
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
    static int forward(float[] in, int length, int channels, int poolSize, float[] out, int[] argmax) {
        int outLength = outputLength(length, poolSize);
        for (int j = 0; j < outLength; j++) {
            int start = j * poolSize;
            int end = Math.min(start + poolSize, length);
            int o = j * channels;
            System.arraycopy(in, start * channels, out, o, channels);
            Arrays.fill(argmax, o, o + channels, start);
            for (int t = start + 1; t < end; t++) {
                int i = t * channels;
                for (int c = 0; c < channels; c++) {
                    float v = in[i + c];
                    if (v > out[o + c]) {
                        out[o + c] = v;
                        argmax[o + c] = t;
                    }
                }
            }
        }
        return outLength;
    }

    /** Overwrites {@code inGradient}'s first {@code length * channels} values: each output's gradient to its max. */
    static void backward(float[] outGradient, int length, int channels, int poolSize, int[] argmax,
                         float[] inGradient) {
        Arrays.fill(inGradient, 0, length * channels, 0f);
        int outLength = outputLength(length, poolSize);
        for (int j = 0; j < outLength; j++) {
            int o = j * channels;
            for (int c = 0; c < channels; c++) {
                inGradient[argmax[o + c] * channels + c] += outGradient[o + c];
            }
        }
    }
}
