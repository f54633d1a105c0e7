package org.textclf.nn;

import java.util.Arrays;

/**
 * Keras' {@code SeparableConv1D(filters, kernelSize, padding="same", depth_multiplier=1, activation="relu")} on one
 * sequence: a depthwise convolution (each input channel convolved with its own {@code kernelSize} window), then a
 * pointwise one ({@code 1 x 1}, a Dense layer applied at every position), plus bias, then relu.
 *
 * <p>Sequences are row-major {@code [positions, channels]}; only the first {@code length} positions are real. The
 * depthwise window reads zeros past either end, as "same" padding does at the end of a sequence standing alone (so
 * the padding that a batch adds after a shorter row is never read), and only the {@code length} real output
 * positions are written. "Same" pads {@code (kernelSize - 1) / 2} positions before and the rest after, as
 * TensorFlow does for an even kernel.
 *
 * <p>Every inner loop runs over the contiguous channel (or filter) axis and reads and writes distinct arrays, the
 * shape C2's SuperWord vectorizes. Parameters, Keras' shapes: {@code depthwise_kernel [kernelSize, channels, 1]},
 * {@code pointwise_kernel [1, channels, filters]}, {@code bias [filters]}.
 */
final class SeparableConv1D {

    final int channels;
    final int filters;
    final int kernelSize;
    final Parameter depthwise;
    final Parameter pointwise;
    final Parameter bias;

    SeparableConv1D(String name, int channels, int filters, int kernelSize) {
        this.channels = channels;
        this.filters = filters;
        this.kernelSize = kernelSize;
        depthwise = new Parameter(name + "/depthwise_kernel", new int[] {kernelSize, channels, 1});
        pointwise = new Parameter(name + "/pointwise_kernel", new int[] {1, channels, filters});
        bias = new Parameter(name + "/bias", new int[] {filters});
    }

    /**
     * {@code out = relu(pointwise(depthwise(in)) + bias)} over the first {@code length} positions; {@code depth}
     * receives the depthwise output, which the backward pass needs.
     */
    void forward(float[] in, int length, float[] depth, float[] out) {
        depthwiseForward(in, length, channels, depthwise.values(), kernelSize, depth);
        pointwiseForward(depth, length, channels, pointwise.values(), bias.values(), filters, out);
        Relu.forward(out, out, length * filters);
    }

    /**
     * From {@code outGradient = dLoss/dOut} (overwritten: relu's gradient is applied in place), adds this sequence's
     * gradients to the three gradient arrays and, when {@code inGradient} is not null, writes {@code dLoss/dIn}.
     *
     * @param pointwiseTransposed {@code [filters, channels]}, see {@link #transposePointwise}
     * @param depthGradient scratch of {@code length * channels} floats
     */
    void backward(float[] in, int length, float[] depth, float[] out, float[] outGradient,
                  float[] pointwiseTransposed, float[] depthGradient, float[] depthwiseGradient,
                  float[] pointwiseGradient, float[] biasGradient, float[] inGradient) {
        Relu.backward(out, outGradient, outGradient, length * filters); // out > 0 exactly where its input was
        pointwiseBackward(depth, length, channels, pointwiseTransposed, filters, outGradient, pointwiseGradient,
                biasGradient, depthGradient);
        depthwiseBackward(in, length, channels, depthwise.values(), kernelSize, depthGradient, depthwiseGradient,
                inGradient);
    }

    /** Writes the pointwise kernel as {@code [filters, channels]}, for the input gradient's contiguous loops. */
    void transposePointwise(float[] transposed) {
        float[] w = pointwise.values();
        for (int c = 0; c < channels; c++) {
            for (int f = 0; f < filters; f++) {
                transposed[f * channels + c] = w[c * filters + f];
            }
        }
    }

    /** {@code out[t][c] = sum_k in[t + k - (kernelSize - 1) / 2][c] * kernel[k][c]}, reading zeros outside. */
    static void depthwiseForward(float[] in, int length, int channels, float[] kernel, int kernelSize, float[] out) {
        int padBefore = (kernelSize - 1) / 2;
        Arrays.fill(out, 0, length * channels, 0f);
        for (int t = 0; t < length; t++) {
            int o = t * channels;
            int kFrom = Math.max(0, padBefore - t);
            int kTo = Math.min(kernelSize, length + padBefore - t);
            for (int k = kFrom; k < kTo; k++) {
                int i = (t + k - padBefore) * channels;
                int w = k * channels;
                for (int c = 0; c < channels; c++) {
                    out[o + c] += in[i + c] * kernel[w + c];
                }
            }
        }
    }

    /**
     * Adds {@code dLoss/dKernel} to {@code kernelGradient}; when {@code inGradient} is not null, overwrites its first
     * {@code length * channels} values with {@code dLoss/dIn}.
     */
    static void depthwiseBackward(float[] in, int length, int channels, float[] kernel, int kernelSize,
                                  float[] outGradient, float[] kernelGradient, float[] inGradient) {
        int padBefore = (kernelSize - 1) / 2;
        if (inGradient != null) {
            Arrays.fill(inGradient, 0, length * channels, 0f);
        }
        for (int t = 0; t < length; t++) {
            int o = t * channels;
            int kFrom = Math.max(0, padBefore - t);
            int kTo = Math.min(kernelSize, length + padBefore - t);
            for (int k = kFrom; k < kTo; k++) {
                int i = (t + k - padBefore) * channels;
                int w = k * channels;
                for (int c = 0; c < channels; c++) {
                    kernelGradient[w + c] += in[i + c] * outGradient[o + c];
                }
                if (inGradient != null) {
                    for (int c = 0; c < channels; c++) {
                        inGradient[i + c] += kernel[w + c] * outGradient[o + c];
                    }
                }
            }
        }
    }

    /** {@code out[t][f] = bias[f] + sum_c in[t][c] * kernel[c][f]} for the first {@code length} positions. */
    static void pointwiseForward(float[] in, int length, int channels, float[] kernel, float[] bias, int filters,
                                 float[] out) {
        for (int t = 0; t < length; t++) {
            int o = t * filters;
            int i = t * channels;
            System.arraycopy(bias, 0, out, o, filters);
            int c = 0;
            // Four channels per pass: a quarter of the loads and stores of the output row, which is what bounds this
            // loop, as in SparseDense (SepCnnStepTiming: with the kernel gradient's, SST-2 step 35 -> 24 ms CPU).
            for (; c + 4 <= channels; c += 4) {
                float x0 = in[i + c];
                float x1 = in[i + c + 1];
                float x2 = in[i + c + 2];
                float x3 = in[i + c + 3];
                int w0 = c * filters;
                int w1 = w0 + filters;
                int w2 = w1 + filters;
                int w3 = w2 + filters;
                for (int f = 0; f < filters; f++) {
                    out[o + f] += x0 * kernel[w0 + f] + x1 * kernel[w1 + f] + x2 * kernel[w2 + f]
                            + x3 * kernel[w3 + f];
                }
            }
            for (; c < channels; c++) {
                float x = in[i + c];
                int w = c * filters;
                for (int f = 0; f < filters; f++) {
                    out[o + f] += x * kernel[w + f];
                }
            }
        }
    }

    /**
     * Adds {@code dLoss/dKernel} and {@code dLoss/dBias} to the gradient arrays and overwrites the first
     * {@code length * channels} values of {@code inGradient} with {@code dLoss/dIn}, computed as a sum of rows of
     * the transposed kernel ({@code [filters, channels]}) rather than as dot products, which C2 keeps scalar.
     */
    static void pointwiseBackward(float[] in, int length, int channels, float[] kernelTransposed, int filters,
                                  float[] outGradient, float[] kernelGradient, float[] biasGradient,
                                  float[] inGradient) {
        Arrays.fill(inGradient, 0, length * channels, 0f);
        int t = 0;
        // Kernel gradient: four positions per pass over the kernel, a quarter of its loads and stores.
        for (; t + 4 <= length; t += 4) {
            int o0 = t * filters;
            int o1 = o0 + filters;
            int o2 = o1 + filters;
            int o3 = o2 + filters;
            int i = t * channels;
            for (int c = 0; c < channels; c++) {
                float x0 = in[i + c];
                float x1 = in[i + channels + c];
                float x2 = in[i + 2 * channels + c];
                float x3 = in[i + 3 * channels + c];
                int w = c * filters;
                for (int f = 0; f < filters; f++) {
                    kernelGradient[w + f] += x0 * outGradient[o0 + f] + x1 * outGradient[o1 + f]
                            + x2 * outGradient[o2 + f] + x3 * outGradient[o3 + f];
                }
            }
        }
        for (; t < length; t++) {
            int o = t * filters;
            int i = t * channels;
            for (int c = 0; c < channels; c++) {
                float x = in[i + c];
                int w = c * filters;
                for (int f = 0; f < filters; f++) {
                    kernelGradient[w + f] += x * outGradient[o + f];
                }
            }
        }
        for (t = 0; t < length; t++) {
            int o = t * filters;
            int i = t * channels;
            for (int f = 0; f < filters; f++) {
                biasGradient[f] += outGradient[o + f];
            }
            // Input gradient: rows of the transposed kernel for the nonzero output gradients (relu zeroes about
            // half), four per pass over the input gradient row.
            int f = 0;
            while (f < filters) {
                int f0 = nextNonzero(outGradient, o, f, filters);
                int f1 = nextNonzero(outGradient, o, f0 + 1, filters);
                int f2 = nextNonzero(outGradient, o, f1 + 1, filters);
                int f3 = nextNonzero(outGradient, o, f2 + 1, filters);
                if (f3 < filters) {
                    float g0 = outGradient[o + f0];
                    float g1 = outGradient[o + f1];
                    float g2 = outGradient[o + f2];
                    float g3 = outGradient[o + f3];
                    int w0 = f0 * channels;
                    int w1 = f1 * channels;
                    int w2 = f2 * channels;
                    int w3 = f3 * channels;
                    for (int c = 0; c < channels; c++) {
                        inGradient[i + c] += g0 * kernelTransposed[w0 + c] + g1 * kernelTransposed[w1 + c]
                                + g2 * kernelTransposed[w2 + c] + g3 * kernelTransposed[w3 + c];
                    }
                    f = f3 + 1;
                } else {
                    for (int k = f0; k < filters; k = nextNonzero(outGradient, o, k + 1, filters)) {
                        float g = outGradient[o + k];
                        int w = k * channels;
                        for (int c = 0; c < channels; c++) {
                            inGradient[i + c] += g * kernelTransposed[w + c];
                        }
                    }
                    f = filters;
                }
            }
        }
    }

    /** The first {@code f >= from} with {@code gradient[o + f] != 0}, or {@code filters}. */
    private static int nextNonzero(float[] gradient, int o, int from, int filters) {
        int f = from;
        while (f < filters && gradient[o + f] == 0f) {
            f++;
        }
        return f;
    }
}
