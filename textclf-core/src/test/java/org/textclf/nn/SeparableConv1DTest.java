package org.textclf.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The depthwise and pointwise halves against naive references and finite differences, and the whole layer. */
class SeparableConv1DTest {

    private static final int CHANNELS = 4;
    private static final int FILTERS = 5;

    /** The definition, with the "same" padding written out: zeros before and after the real positions. */
    private static double[] naiveDepthwise(float[] in, int length, int channels, float[] kernel, int kernelSize) {
        int before = (kernelSize - 1) / 2;
        double[] out = new double[length * channels];
        for (int t = 0; t < length; t++) {
            for (int c = 0; c < channels; c++) {
                for (int k = 0; k < kernelSize; k++) {
                    int s = t + k - before;
                    double x = s >= 0 && s < length ? in[s * channels + c] : 0;
                    out[t * channels + c] += x * kernel[k * channels + c];
                }
            }
        }
        return out;
    }

    /** {@code relu(bias + in kernel)} per position, in doubles. */
    private static double[] naivePointwise(float[] in, int length, int channels, float[] kernel, float[] bias,
                                           int filters) {
        double[] out = new double[length * filters];
        for (int t = 0; t < length; t++) {
            for (int f = 0; f < filters; f++) {
                double sum = bias[f];
                for (int c = 0; c < channels; c++) {
                    sum += (double) in[t * channels + c] * kernel[c * filters + f];
                }
                out[t * filters + f] = Math.max(sum, 0);
            }
        }
        return out;
    }

    private static float[][] transposedRows(float[] kernel, int channels, int filters) {
        float[][] transposed = new float[filters][channels];
        for (int c = 0; c < channels; c++) {
            for (int f = 0; f < filters; f++) {
                transposed[f][c] = kernel[c * filters + f];
            }
        }
        return transposed;
    }

    private static void assertClose(String what, float[] actual, double[] expected, double tolerance) {
        for (int j = 0; j < expected.length; j++) {
            assertThat((double) actual[j]).as("%s %d", what, j)
                    .isCloseTo(expected[j], within(tolerance * (1 + Math.abs(expected[j]))));
        }
    }

    @ParameterizedTest(name = "length {0}, kernel {1}, channels {2}")
    @CsvSource({"7, 3, 4", "7, 4, 4", "2, 3, 4", "1, 5, 4", "5, 1, 4", "3, 5, 7", "9, 3, 13", "1, 3, 1"})
    void depthwiseForward_paddingPastTheLength_matchesNaiveSamePaddingAndIgnoresIt(int length, int kernelSize,
                                                                                 int channels) {
        int width = length + 3;
        float[][] in = TestBatches.rows(TestBatches.randomFloats(length * channels, 1, 1), channels, width);
        float[] kernel = TestBatches.randomFloats(kernelSize * channels, 1, 2);
        float[][] out = new float[width][channels];
        SeparableConv1D.depthwiseForward(in, length, channels, TestBatches.rows(kernel, channels, kernelSize), kernelSize, out);
        double[] expected = naiveDepthwise(TestBatches.flat(in, channels, length), length, channels, kernel, kernelSize);
        assertClose("out", TestBatches.flat(out, channels, length), expected, 1e-5);
    }

    @ParameterizedTest(name = "length {0}, channels {1}, filters {2}")
    @CsvSource({"1, 4, 5", "2, 7, 9", "9, 13, 64", "5, 200, 64", "3, 64, 130", "4, 1, 1", "6, 3, 17"})
    void pointwiseForward_oddSizes_matchesNaiveAndIgnoresPadding(int length, int channels, int filters) {
        int width = length + 2;
        float[][] in = TestBatches.rows(TestBatches.randomFloats(length * channels, 1, 3), channels, width);
        float[] kernel = TestBatches.randomFloats(channels * filters, 1, 4);
        float[] bias = TestBatches.randomFloats(filters, 0.5, 5);
        float[][] out = new float[width][filters];
        SeparableConv1D.pointwiseForward(in, length, channels, TestBatches.rows(kernel, filters, channels), bias, filters, out);
        double[] expected = naivePointwise(TestBatches.flat(in, channels, length), length, channels, kernel, bias, filters);
        assertClose("out", TestBatches.flat(out, filters, length), expected, 1e-5);
        for (int t = length; t < width; t++) {
            assertThat(out[t]).as("padding row %d is never written", t).containsOnly(0f);
        }
    }

    @ParameterizedTest(name = "length {0}, channels {1}, filters {2}")
    @CsvSource({"1, 4, 5", "2, 7, 9", "9, 13, 64", "5, 200, 64", "3, 64, 130", "4, 1, 1", "7, 3, 17"})
    void pointwiseBackward_oddSizes_matchesNaiveSums(int length, int channels, int filters) {
        float[] in = TestBatches.randomFloats(length * channels, 1, 6);
        float[] kernel = TestBatches.randomFloats(channels * filters, 1, 7);
        float[] out = TestBatches.randomFloats(length * filters, 1, 8); // relu's output: zero where negative
        for (int j = 0; j < out.length; j++) {
            out[j] = Math.max(out[j], 0f);
        }
        float[] outGradient = TestBatches.randomFloats(length * filters, 1, 9);
        float[][] kernelGradient = TestBatches.rows(TestBatches.randomFloats(channels * filters, 1, 10), filters, channels);
        float[] kernelStart = TestBatches.flat(kernelGradient, filters, channels);
        float[] biasGradient = TestBatches.randomFloats(filters, 1, 11);
        float[] biasStart = biasGradient.clone();
        float[][] inGradient = TestBatches.rows(TestBatches.randomFloats((length + 1) * channels, 1, 12), channels, length + 1);
        float[][] g = TestBatches.rows(outGradient, filters, length);
        SeparableConv1D.pointwiseBackward(TestBatches.rows(in, channels, length), length, channels,
                transposedRows(kernel, channels, filters), filters, TestBatches.rows(out, filters, length), g, kernelGradient,
                biasGradient, inGradient, new int[filters]);
        double[] delta = new double[outGradient.length];
        for (int j = 0; j < delta.length; j++) {
            delta[j] = out[j] > 0 ? outGradient[j] : 0;
        }
        double[] expectedKernel = new double[channels * filters];
        double[] expectedBias = new double[filters];
        double[] expectedIn = new double[length * channels];
        for (int t = 0; t < length; t++) {
            for (int f = 0; f < filters; f++) {
                double d = delta[t * filters + f];
                expectedBias[f] += d;
                for (int c = 0; c < channels; c++) {
                    expectedKernel[c * filters + f] += in[t * channels + c] * d;
                    expectedIn[t * channels + c] += kernel[c * filters + f] * d;
                }
            }
        }
        for (int j = 0; j < expectedKernel.length; j++) {
            expectedKernel[j] += kernelStart[j]; // the kernel and bias gradients add to what is there
        }
        for (int f = 0; f < filters; f++) {
            expectedBias[f] += biasStart[f];
        }
        assertClose("relu'd output gradient", TestBatches.flat(g, filters, length), delta, 0);
        assertClose("kernel gradient", TestBatches.flat(kernelGradient, filters, channels), expectedKernel, 1e-5);
        assertClose("bias gradient", biasGradient, expectedBias, 1e-5);
        assertClose("input gradient", TestBatches.flat(inGradient, channels, length), expectedIn, 1e-5); // overwritten
    }

    @ParameterizedTest(name = "length {0}, kernel {1}, channels {2}")
    @CsvSource({"6, 3, 4", "6, 4, 4", "1, 3, 4", "3, 5, 4", "2, 5, 7", "8, 3, 13"})
    void depthwiseBackward_kernelAndInput_matchFiniteDifferences(int length, int kernelSize, int channels) {
        float[] in = TestBatches.randomFloats(length * channels, 1, 3);
        float[] kernel = TestBatches.randomFloats(kernelSize * channels, 1, 4);
        float[] weights = TestBatches.randomFloats(length * channels, 1, 5);
        float[][] kernelGradient = new float[kernelSize][channels];
        float[][] inGradient = TestBatches.rows(TestBatches.randomFloats(length * channels, 1, 6), channels, length);
        SeparableConv1D.depthwiseBackward(TestBatches.rows(in, channels, length), length, channels,
                TestBatches.rows(kernel, channels, kernelSize), kernelSize, TestBatches.rows(weights, channels, length), kernelGradient,
                inGradient);
        float[][] out = new float[length][channels];
        java.util.function.DoubleSupplier loss = () -> {
            SeparableConv1D.depthwiseForward(TestBatches.rows(in, channels, length), length, channels,
                    TestBatches.rows(kernel, channels, kernelSize), kernelSize, out);
            return TestBatches.weightedSum(TestBatches.flat(out, channels, length), weights, length * channels);
        };
        GradientCheck.check("depthwise kernel", kernel, TestBatches.flat(kernelGradient, channels, kernelSize),
                GradientCheck.all(kernel.length), 1e-2f, 1e-4, 1e-3, loss);
        GradientCheck.check("depthwise input", in, TestBatches.flat(inGradient, channels, length), GradientCheck.all(in.length),
                1e-2f, 1e-4, 1e-3, loss);
    }

    @ParameterizedTest(name = "length {0}, channels {1}, filters {2}")
    @CsvSource({"5, 4, 5", "1, 4, 5", "6, 7, 9", "2, 1, 3"})
    void pointwiseBackward_kernelBiasAndInput_matchFiniteDifferences(int length, int channels, int filters) {
        float[] in = TestBatches.randomFloats(length * channels, 1, 6);
        float[] kernel = TestBatches.randomFloats(channels * filters, 1, 7);
        float[] bias = TestBatches.randomFloats(filters, 1, 8);
        float[] weights = TestBatches.randomFloats(length * filters, 1, 9);
        float[][] out = new float[length][filters];
        SeparableConv1D.pointwiseForward(TestBatches.rows(in, channels, length), length, channels,
                TestBatches.rows(kernel, filters, channels), bias, filters, out);
        float[][] kernelGradient = new float[channels][filters];
        float[] biasGradient = new float[filters];
        float[][] inGradient = new float[length][channels];
        SeparableConv1D.pointwiseBackward(TestBatches.rows(in, channels, length), length, channels,
                transposedRows(kernel, channels, filters), filters, out, TestBatches.rows(weights, filters, length),
                kernelGradient, biasGradient, inGradient, new int[filters]);
        java.util.function.DoubleSupplier loss = () -> {
            SeparableConv1D.pointwiseForward(TestBatches.rows(in, channels, length), length, channels,
                    TestBatches.rows(kernel, filters, channels), bias, filters, out);
            return TestBatches.weightedSum(TestBatches.flat(out, filters, length), weights, length * filters);
        };
        int checked = in.length + kernel.length + bias.length;
        int skipped = GradientCheck.checkSkippingKinks("pointwise kernel", kernel,
                TestBatches.flat(kernelGradient, filters, channels), GradientCheck.all(kernel.length), 1e-3f, 1e-4, 1e-2, 1e-2,
                loss);
        skipped += GradientCheck.checkSkippingKinks("pointwise bias", bias, biasGradient,
                GradientCheck.all(bias.length), 1e-3f, 1e-4, 1e-2, 1e-2, loss);
        skipped += GradientCheck.checkSkippingKinks("pointwise input", in, TestBatches.flat(inGradient, channels, length),
                GradientCheck.all(in.length), 1e-3f, 1e-4, 1e-2, 1e-2, loss);
        assertThat(skipped).as("points skipped on relu kinks, of " + checked).isLessThanOrEqualTo(checked / 10);
    }

    @ParameterizedTest(name = "length {0}, kernel {1}")
    @CsvSource({"6, 3", "2, 3", "1, 5", "4, 5"})
    void backward_wholeLayerWithRelu_matchesFiniteDifferences(int length, int kernelSize) {
        SeparableConv1D layer = new SeparableConv1D("separable_conv1d_1", CHANNELS, FILTERS, kernelSize);
        System.arraycopy(TestBatches.randomFloats(layer.depthwise.size(), 1, 10), 0, layer.depthwise.values(), 0,
                layer.depthwise.size());
        System.arraycopy(TestBatches.randomFloats(layer.pointwise.size(), 1, 11), 0, layer.pointwise.values(), 0,
                layer.pointwise.size());
        System.arraycopy(TestBatches.randomFloats(FILTERS, 0.5, 12), 0, layer.bias.values(), 0, FILTERS);
        float[] in = TestBatches.randomFloats(length * CHANNELS, 1, 13);
        float[] weights = TestBatches.randomFloats(length * FILTERS, 1, 14);
        float[][] depth = new float[length][CHANNELS];
        float[][] out = new float[length][FILTERS];
        SeparableConv1D.Rows kernels = new SeparableConv1D.Rows(layer).load(layer);
        layer.forward(kernels, TestBatches.rows(in, CHANNELS, length), length, depth, out);
        float[][][] gradients = {new float[kernelSize][CHANNELS], new float[CHANNELS][FILTERS]};
        float[] biasGradient = new float[FILTERS];
        float[][] inGradient = new float[length][CHANNELS];
        layer.backward(kernels, TestBatches.rows(in, CHANNELS, length), length, depth, out, TestBatches.rows(weights, FILTERS, length),
                new float[length][CHANNELS], new int[FILTERS], gradients[0], gradients[1], biasGradient,
                inGradient);
        java.util.function.DoubleSupplier loss = () -> {
            layer.forward(new SeparableConv1D.Rows(layer).load(layer), TestBatches.rows(in, CHANNELS, length), length, depth,
                    out);
            return TestBatches.weightedSum(TestBatches.flat(out, FILTERS, length), weights, length * FILTERS);
        };
        Parameter[] parameters = {layer.depthwise, layer.pointwise, layer.bias};
        float[][] analytic = {TestBatches.flat(gradients[0], CHANNELS, kernelSize), TestBatches.flat(gradients[1], FILTERS, CHANNELS),
            biasGradient};
        int skipped = 0;
        int checked = in.length;
        for (int i = 0; i < 3; i++) {
            checked += parameters[i].size();
            skipped += GradientCheck.checkSkippingKinks(parameters[i].name(), parameters[i].values(), analytic[i],
                    GradientCheck.all(parameters[i].size()), 1e-3f, 1e-4, 1e-2, 1e-2, loss);
        }
        skipped += GradientCheck.checkSkippingKinks("input", in, TestBatches.flat(inGradient, CHANNELS, length),
                GradientCheck.all(in.length), 1e-3f, 1e-4, 1e-2, 1e-2, loss);
        assertThat(skipped).as("points skipped on relu kinks, of " + checked).isLessThanOrEqualTo(checked / 10);
    }
}
