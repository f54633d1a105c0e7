package org.textclf.nn;

import java.util.Arrays;

/**
 * Keras' {@code SeparableConv1D(filters, kernelSize, padding="same", depth_multiplier=1, activation="relu")} on one
 * sequence: a depthwise convolution (each input channel convolved with its own {@code kernelSize} window), then a
 * pointwise one ({@code 1 x 1}, a Dense layer applied at every position), plus bias, then relu.
 *
 * <p>Sequences are {@code [positions][channels]}, one array per position; only the first {@code length} positions
 * are real. The depthwise window reads zeros past either end, as "same" padding does at the end of a sequence
 * standing alone (so the padding that a batch adds after a shorter row is never read), and only the {@code length}
 * real output positions are written. "Same" pads {@code (kernelSize - 1) / 2} positions before and the rest after,
 * as TensorFlow does for an even kernel. Parameters, Keras' shapes: {@code depthwise_kernel [kernelSize, channels,
 * 1]}, {@code pointwise_kernel [1, channels, filters]}, {@code bias [filters]}; the kernels take the passes' row
 * layout in {@link Rows}.
 *
 * <p>Why one array per position (and per kernel row): every inner loop runs over the channel (or filter) axis and
 * indexes each of its arrays by the loop variable alone. C2's SuperWord (JDK 17) vectorizes a loop only when it can
 * tell its stores from its loads; {@code out[o + f]} beside {@code kernel[w + f]}, offsets into flat float arrays
 * that might be one array, it cannot, and it left these loops scalar (one multiply-add at a time: 3.5 GMAC/s in the
 * pointwise convolution, against 10-14 GMAC/s on rows, thread CPU time on this machine's Zen 5). Each sum keeps the
 * order of the flat code before it, so the results are the same to the bit.
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
     * The layer's kernels as rows, copied from its parameters by {@link #load} (a step's weights are fixed while its
     * passes run): {@code depthwise [kernelSize][channels]}, {@code pointwise [channels][filters]}, and the pointwise
     * kernel also transposed, {@code [filters][channels]}, for the input gradient's loops over channels. Read-only
     * while passes use it, so every thread of a step or a prediction shares one.
     */
    static final class Rows {
        final float[][] depthwise;
        final float[][] pointwise;
        final float[][] transposed;
        final float[] bias;

        Rows(SeparableConv1D layer) {
            depthwise = new float[layer.kernelSize][layer.channels];
            pointwise = new float[layer.channels][layer.filters];
            transposed = new float[layer.filters][layer.channels];
            bias = new float[layer.filters];
        }

        /** Rows for each of {@code layers}, empty until {@link #loadAll}. */
        static Rows[] of(SeparableConv1D[] layers) {
            Rows[] rows = new Rows[layers.length];
            for (int l = 0; l < layers.length; l++) {
                rows[l] = new Rows(layers[l]);
            }
            return rows;
        }

        /** Copies each of {@code layers}' current weights into its rows (a step or a restore may have changed them). */
        static void loadAll(Rows[] rows, SeparableConv1D[] layers) {
            for (int l = 0; l < layers.length; l++) {
                rows[l].load(layers[l]);
            }
        }

        /** Copies {@code layer}'s current weights in. */
        Rows load(SeparableConv1D layer) {
            int channels = layer.channels;
            int filters = layer.filters;
            toRows(layer.depthwise.values(), depthwise, channels);
            float[] w = layer.pointwise.values();
            toRows(w, pointwise, filters);
            for (int c = 0; c < channels; c++) {
                for (int f = 0; f < filters; f++) {
                    transposed[f][c] = w[c * filters + f];
                }
            }
            System.arraycopy(layer.bias.values(), 0, bias, 0, filters);
            return this;
        }
    }

    /** {@code rows[i] = flat[i * width, (i + 1) * width)}. */
    static void toRows(float[] flat, float[][] rows, int width) {
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(flat, i * width, rows[i], 0, width);
        }
    }

    /** {@code flat[i * width, (i + 1) * width) = rows[i]}. */
    static void toFlat(float[][] rows, int width, float[] flat) {
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * width, width);
        }
    }

    /**
     * {@code out = relu(pointwise(depthwise(in)) + bias)} over the first {@code length} positions; {@code depth}
     * receives the depthwise output, which the backward pass needs.
     */
    void forward(Rows weights, float[][] in, int length, float[][] depth, float[][] out) {
        depthwiseForward(in, length, channels, weights.depthwise, kernelSize, depth);
        pointwiseForward(depth, length, channels, weights.pointwise, weights.bias, filters, out);
    }

    /**
     * From {@code outGradient = dLoss/dOut} (overwritten: relu's gradient is applied in place), adds this sequence's
     * gradients to the three gradient arrays and, when {@code inGradient} is not null, writes {@code dLoss/dIn}.
     *
     * @param depthGradient scratch of {@code length} rows of at least {@code channels}
     * @param nonzero scratch of at least {@code filters} ints
     */
    void backward(Rows weights, float[][] in, int length, float[][] depth, float[][] out, float[][] outGradient,
                  float[][] depthGradient, int[] nonzero, float[][] depthwiseGradient, float[][] pointwiseGradient,
                  float[] biasGradient, float[][] inGradient) {
        pointwiseBackward(depth, length, channels, weights.transposed, filters, out, outGradient, pointwiseGradient,
                biasGradient, depthGradient, nonzero);
        depthwiseBackward(in, length, channels, weights.depthwise, kernelSize, depthGradient, depthwiseGradient,
                inGradient);
    }

    /** {@code out[t][c] = sum_k in[t + k - (kernelSize - 1) / 2][c] * kernel[k][c]}, reading zeros outside. */
    static void depthwiseForward(float[][] in, int length, int channels, float[][] kernel, int kernelSize,
                                 float[][] out) {
        int padBefore = (kernelSize - 1) / 2;
        for (int t = 0; t < length; t++) {
            float[] o = out[t];
            Arrays.fill(o, 0, channels, 0f);
            int kFrom = Math.max(0, padBefore - t);
            int kTo = Math.min(kernelSize, length + padBefore - t);
            for (int k = kFrom; k < kTo; k++) {
                float[] x = in[t + k - padBefore];
                float[] w = kernel[k];
                for (int c = 0; c < channels; c++) {
                    o[c] += x[c] * w[c];
                }
            }
        }
    }

    /**
     * Adds {@code dLoss/dKernel} to {@code kernelGradient}; when {@code inGradient} is not null, overwrites its first
     * {@code length} rows with {@code dLoss/dIn}.
     */
    static void depthwiseBackward(float[][] in, int length, int channels, float[][] kernel, int kernelSize,
                                  float[][] outGradient, float[][] kernelGradient, float[][] inGradient) {
        int padBefore = (kernelSize - 1) / 2;
        if (inGradient != null) {
            for (int t = 0; t < length; t++) {
                Arrays.fill(inGradient[t], 0, channels, 0f);
            }
        }
        for (int t = 0; t < length; t++) {
            float[] g = outGradient[t];
            int kFrom = Math.max(0, padBefore - t);
            int kTo = Math.min(kernelSize, length + padBefore - t);
            for (int k = kFrom; k < kTo; k++) {
                float[] x = in[t + k - padBefore];
                float[] kg = kernelGradient[k];
                for (int c = 0; c < channels; c++) {
                    kg[c] += x[c] * g[c];
                }
                if (inGradient != null) {
                    float[] ig = inGradient[t + k - padBefore];
                    float[] w = kernel[k];
                    for (int c = 0; c < channels; c++) {
                        ig[c] += w[c] * g[c];
                    }
                }
            }
        }
    }

    /**
     * {@code out[t][f] = relu(bias[f] + sum_c in[t][c] * kernel[c][f])} for the first {@code length} positions, the
     * relu on each position's row while it is in the cache.
     */
    static void pointwiseForward(float[][] in, int length, int channels, float[][] kernel, float[] bias,
                                 int filters, float[][] out) {
        for (int t = 0; t < length; t++) {
            float[] x = in[t];
            float[] o = out[t];
            System.arraycopy(bias, 0, o, 0, filters);
            int c = 0;
            // Four channels per pass: a quarter of the loads and stores of the output row. (Two positions per pass,
            // to load each kernel row once for both, C2 left scalar: 5 against 11 GMAC/s.)
            for (; c + 4 <= channels; c += 4) {
                float x0 = x[c];
                float x1 = x[c + 1];
                float x2 = x[c + 2];
                float x3 = x[c + 3];
                float[] k0 = kernel[c];
                float[] k1 = kernel[c + 1];
                float[] k2 = kernel[c + 2];
                float[] k3 = kernel[c + 3];
                for (int f = 0; f < filters; f++) {
                    o[f] += x0 * k0[f] + x1 * k1[f] + x2 * k2[f] + x3 * k3[f];
                }
            }
            for (; c < channels; c++) {
                float v = x[c];
                float[] k = kernel[c];
                for (int f = 0; f < filters; f++) {
                    o[f] += v * k[f];
                }
            }
            Relu.forward(o, o, filters);
        }
    }

    /**
     * Applies relu's gradient to {@code outGradient} in place ({@code out > 0} exactly where relu's input was, and
     * its gradient at 0 is taken as 0, as TensorFlow does), adds {@code dLoss/dKernel} and {@code dLoss/dBias} to the
     * gradient arrays and overwrites the first {@code length} rows of {@code inGradient} with {@code dLoss/dIn},
     * computed as a sum of rows of the transposed kernel ({@code [filters][channels]}) rather than as dot products,
     * which C2 keeps scalar.
     *
     * @param nonzero scratch of at least {@code filters} ints
     */
    static void pointwiseBackward(float[][] in, int length, int channels, float[][] kernelTransposed, int filters,
                                  float[][] out, float[][] outGradient, float[][] kernelGradient,
                                  float[] biasGradient, float[][] inGradient, int[] nonzero) {
        for (int t = 0; t < length; t++) {
            float[] o = out[t];
            float[] g = outGradient[t];
            for (int f = 0; f < filters; f++) {
                float v = o[f] > 0f ? g[f] : 0f;
                g[f] = v;
                biasGradient[f] += v;
            }
        }
        int t = 0;
        // Kernel gradient: four positions per pass over the kernel, a quarter of its loads and stores.
        for (; t + 4 <= length; t += 4) {
            float[] g0 = outGradient[t];
            float[] g1 = outGradient[t + 1];
            float[] g2 = outGradient[t + 2];
            float[] g3 = outGradient[t + 3];
            float[] i0 = in[t];
            float[] i1 = in[t + 1];
            float[] i2 = in[t + 2];
            float[] i3 = in[t + 3];
            for (int c = 0; c < channels; c++) {
                float x0 = i0[c];
                float x1 = i1[c];
                float x2 = i2[c];
                float x3 = i3[c];
                float[] kg = kernelGradient[c];
                for (int f = 0; f < filters; f++) {
                    kg[f] += x0 * g0[f] + x1 * g1[f] + x2 * g2[f] + x3 * g3[f];
                }
            }
        }
        // The one to three positions left in one pass over the kernel, each position's product added in turn (the
        // same float operations as a pass per position, which cost a pass over the kernel each: 5% of the step).
        int left = length - t;
        if (left == 3) {
            float[] g0 = outGradient[t];
            float[] g1 = outGradient[t + 1];
            float[] g2 = outGradient[t + 2];
            for (int c = 0; c < channels; c++) {
                float x0 = in[t][c];
                float x1 = in[t + 1][c];
                float x2 = in[t + 2][c];
                float[] kg = kernelGradient[c];
                for (int f = 0; f < filters; f++) {
                    kg[f] = kg[f] + x0 * g0[f] + x1 * g1[f] + x2 * g2[f];
                }
            }
        } else if (left == 2) {
            float[] g0 = outGradient[t];
            float[] g1 = outGradient[t + 1];
            for (int c = 0; c < channels; c++) {
                float x0 = in[t][c];
                float x1 = in[t + 1][c];
                float[] kg = kernelGradient[c];
                for (int f = 0; f < filters; f++) {
                    kg[f] = kg[f] + x0 * g0[f] + x1 * g1[f];
                }
            }
        } else if (left == 1) {
            float[] g = outGradient[t];
            float[] x = in[t];
            for (int c = 0; c < channels; c++) {
                float v = x[c];
                float[] kg = kernelGradient[c];
                for (int f = 0; f < filters; f++) {
                    kg[f] += v * g[f];
                }
            }
        }
        for (t = 0; t < length; t++) {
            float[] g = outGradient[t];
            float[] ig = inGradient[t];
            Arrays.fill(ig, 0, channels, 0f);
            // Input gradient: rows of the transposed kernel for the nonzero output gradients (relu zeroes about
            // half), four per pass over the input gradient row. Their indices are gathered first without a branch:
            // a scan that branched on each zero cost more than the skipped rows saved at random zero patterns.
            int n = 0;
            for (int f = 0; f < filters; f++) {
                nonzero[n] = f;
                n += g[f] != 0f ? 1 : 0;
            }
            int j = 0;
            for (; j + 4 <= n; j += 4) {
                float v0 = g[nonzero[j]];
                float v1 = g[nonzero[j + 1]];
                float v2 = g[nonzero[j + 2]];
                float v3 = g[nonzero[j + 3]];
                float[] w0 = kernelTransposed[nonzero[j]];
                float[] w1 = kernelTransposed[nonzero[j + 1]];
                float[] w2 = kernelTransposed[nonzero[j + 2]];
                float[] w3 = kernelTransposed[nonzero[j + 3]];
                for (int c = 0; c < channels; c++) {
                    ig[c] += v0 * w0[c] + v1 * w1[c] + v2 * w2[c] + v3 * w3[c];
                }
            }
            for (; j < n; j++) {
                float v = g[nonzero[j]];
                float[] w = kernelTransposed[nonzero[j]];
                for (int c = 0; c < channels; c++) {
                    ig[c] += v * w[c];
                }
            }
        }
    }
}
