package org.textclf.nn;

import java.util.Arrays;

/**
 * A Dense layer on dense rows: {@code out = in W + b}, Keras' {@code (inputs, outputs)} row-major kernel. All loops
 * are axpys over contiguous slices so that the JIT vectorizes them; the input gradient goes through a transposed
 * copy of the kernel for the same reason (a dot product per input would be a float reduction, which the JIT keeps
 * scalar).
 */
final class Dense {

    private Dense() {
    }

    /** {@code out[r][o] = bias[o] + sum_i in[r][i] * kernel[i][o]} for rows {@code [0, rows)}. */
    static void forward(float[] in, int inputs, float[] kernel, float[] bias, int outputs, float[] out, int rows) {
        for (int r = 0; r < rows; r++) {
            int inStart = r * inputs;
            int outStart = r * outputs;
            System.arraycopy(bias, 0, out, outStart, outputs);
            for (int i = 0; i < inputs; i++) {
                float x = in[inStart + i];
                if (x != 0f) { // relu and dropout leave many zeros
                    int kernelStart = i * outputs;
                    for (int o = 0; o < outputs; o++) {
                        out[outStart + o] += x * kernel[kernelStart + o];
                    }
                }
            }
        }
    }

    /**
     * Gradients from {@code delta = dLoss/dOut}: {@code kernelGradient = in^T delta}, {@code biasGradient = sum_r
     * delta[r]} (both overwritten) and, when {@code inGradient} is not null, {@code inGradient = delta W^T}.
     *
     * @param transposed scratch of at least {@code inputs * outputs} floats
     */
    static void backward(float[] in, int inputs, float[] kernel, int outputs, float[] delta, int rows,
                         float[] kernelGradient, float[] biasGradient, float[] inGradient, float[] transposed) {
        Arrays.fill(kernelGradient, 0, inputs * outputs, 0f);
        Arrays.fill(biasGradient, 0, outputs, 0f);
        for (int r = 0; r < rows; r++) {
            int inStart = r * inputs;
            int deltaStart = r * outputs;
            for (int o = 0; o < outputs; o++) {
                biasGradient[o] += delta[deltaStart + o];
            }
            for (int i = 0; i < inputs; i++) {
                float x = in[inStart + i];
                if (x != 0f) {
                    int gradientStart = i * outputs;
                    for (int o = 0; o < outputs; o++) {
                        kernelGradient[gradientStart + o] += x * delta[deltaStart + o];
                    }
                }
            }
        }
        if (inGradient == null) {
            return;
        }
        for (int i = 0; i < inputs; i++) {
            for (int o = 0; o < outputs; o++) {
                transposed[o * inputs + i] = kernel[i * outputs + o];
            }
        }
        Arrays.fill(inGradient, 0, rows * inputs, 0f);
        for (int r = 0; r < rows; r++) {
            int inStart = r * inputs;
            int deltaStart = r * outputs;
            for (int o = 0; o < outputs; o++) {
                float d = delta[deltaStart + o];
                if (d != 0f) {
                    int transposedStart = o * inputs;
                    for (int i = 0; i < inputs; i++) {
                        inGradient[inStart + i] += d * transposed[transposedStart + i];
                    }
                }
            }
        }
    }
}
