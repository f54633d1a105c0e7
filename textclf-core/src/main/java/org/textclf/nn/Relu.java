package org.textclf.nn;

/** The rectifier {@code max(x, 0)} and its gradient (taken as 0 at 0, as TensorFlow does). */
final class Relu {

    private Relu() {
    }

    /** {@code out[j] = max(in[j], 0)} for {@code j < n}; {@code out} may be {@code in}. */
    static void forward(float[] in, float[] out, int n) {
        for (int j = 0; j < n; j++) {
            out[j] = Math.max(in[j], 0f);
        }
    }

    /** {@code inGradient[j] = in[j] > 0 ? outGradient[j] : 0}; {@code inGradient} may be {@code outGradient}. */
    static void backward(float[] in, float[] outGradient, float[] inGradient, int n) {
        for (int j = 0; j < n; j++) {
            inGradient[j] = in[j] > 0f ? outGradient[j] : 0f;
        }
    }
}
