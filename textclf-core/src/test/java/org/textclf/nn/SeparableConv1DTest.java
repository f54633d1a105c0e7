package org.textclf.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
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

    @ParameterizedTest(name = "length {0}, kernel {1}")
    @CsvSource({"7, 3", "7, 4", "2, 3", "1, 5", "5, 1"})
    void depthwiseForward_paddingPastTheLength_matchesNaiveSamePaddingAndIgnoresIt(int length, int kernelSize) {
        int width = length + 3;
        float[] in = TestBatches.randomFloats(width * CHANNELS, 1, 1);
        Arrays.fill(in, length * CHANNELS, in.length, Float.NaN); // a batch's padding must never be read
        float[] kernel = TestBatches.randomFloats(kernelSize * CHANNELS, 1, 2);
        float[] out = new float[width * CHANNELS];
        SeparableConv1D.depthwiseForward(in, length, CHANNELS, kernel, kernelSize, out);
        double[] expected = naiveDepthwise(in, length, CHANNELS, kernel, kernelSize);
        for (int j = 0; j < expected.length; j++) {
            assertThat((double) out[j]).as("out %d", j).isCloseTo(expected[j], within(1e-5));
        }
    }

    @ParameterizedTest(name = "length {0}, kernel {1}")
    @CsvSource({"6, 3", "6, 4", "1, 3", "3, 5"})
    void depthwiseBackward_kernelAndInput_matchFiniteDifferences(int length, int kernelSize) {
        float[] in = TestBatches.randomFloats(length * CHANNELS, 1, 3);
        float[] kernel = TestBatches.randomFloats(kernelSize * CHANNELS, 1, 4);
        float[] weights = TestBatches.randomFloats(length * CHANNELS, 1, 5);
        float[] kernelGradient = new float[kernel.length];
        float[] inGradient = new float[in.length];
        SeparableConv1D.depthwiseBackward(in, length, CHANNELS, kernel, kernelSize, weights, kernelGradient,
                inGradient);
        float[] out = new float[in.length];
        java.util.function.DoubleSupplier loss = () -> {
            SeparableConv1D.depthwiseForward(in, length, CHANNELS, kernel, kernelSize, out);
            return TestBatches.weightedSum(out, weights, out.length);
        };
        GradientCheck.check("depthwise kernel", kernel, kernelGradient, GradientCheck.all(kernel.length), 1e-2f,
                1e-4, 1e-3, loss);
        GradientCheck.check("depthwise input", in, inGradient, GradientCheck.all(in.length), 1e-2f, 1e-4, 1e-3,
                loss);
    }

    @ParameterizedTest(name = "length {0}")
    @CsvSource({"5", "1"})
    void pointwiseBackward_kernelBiasAndInput_matchFiniteDifferences(int length) {
        float[] in = TestBatches.randomFloats(length * CHANNELS, 1, 6);
        float[] kernel = TestBatches.randomFloats(CHANNELS * FILTERS, 1, 7);
        float[] bias = TestBatches.randomFloats(FILTERS, 1, 8);
        float[] weights = TestBatches.randomFloats(length * FILTERS, 1, 9);
        float[] transposed = new float[kernel.length];
        for (int c = 0; c < CHANNELS; c++) {
            for (int f = 0; f < FILTERS; f++) {
                transposed[f * CHANNELS + c] = kernel[c * FILTERS + f];
            }
        }
        float[] kernelGradient = new float[kernel.length];
        float[] biasGradient = new float[FILTERS];
        float[] inGradient = new float[in.length];
        SeparableConv1D.pointwiseBackward(in, length, CHANNELS, transposed, FILTERS, weights, kernelGradient,
                biasGradient, inGradient);
        float[] out = new float[length * FILTERS];
        java.util.function.DoubleSupplier loss = () -> {
            SeparableConv1D.pointwiseForward(in, length, CHANNELS, kernel, bias, FILTERS, out);
            return TestBatches.weightedSum(out, weights, out.length);
        };
        GradientCheck.check("pointwise kernel", kernel, kernelGradient, GradientCheck.all(kernel.length), 1e-2f,
                1e-4, 1e-3, loss);
        GradientCheck.check("pointwise bias", bias, biasGradient, GradientCheck.all(bias.length), 1e-2f, 1e-4,
                1e-3, loss);
        GradientCheck.check("pointwise input", in, inGradient, GradientCheck.all(in.length), 1e-2f, 1e-4, 1e-3,
                loss);
    }

    @ParameterizedTest(name = "length {0}")
    @CsvSource({"6", "2"})
    void backward_wholeLayerWithRelu_matchesFiniteDifferences(int length) {
        SeparableConv1D layer = new SeparableConv1D("separable_conv1d_1", CHANNELS, FILTERS, 3);
        System.arraycopy(TestBatches.randomFloats(layer.depthwise.size(), 1, 10), 0, layer.depthwise.values(), 0,
                layer.depthwise.size());
        System.arraycopy(TestBatches.randomFloats(layer.pointwise.size(), 1, 11), 0, layer.pointwise.values(), 0,
                layer.pointwise.size());
        System.arraycopy(TestBatches.randomFloats(FILTERS, 0.5, 12), 0, layer.bias.values(), 0, FILTERS);
        float[] in = TestBatches.randomFloats(length * CHANNELS, 1, 13);
        float[] weights = TestBatches.randomFloats(length * FILTERS, 1, 14);
        float[] depth = new float[in.length];
        float[] out = new float[length * FILTERS];
        layer.forward(in, length, depth, out);
        float[] transposed = new float[CHANNELS * FILTERS];
        layer.transposePointwise(transposed);
        float[] outGradient = weights.clone();
        float[][] gradients = {new float[layer.depthwise.size()], new float[layer.pointwise.size()],
            new float[FILTERS]};
        float[] inGradient = new float[in.length];
        layer.backward(in, length, depth, out, outGradient, transposed, new float[in.length], gradients[0],
                gradients[1], gradients[2], inGradient);
        java.util.function.DoubleSupplier loss = () -> {
            layer.forward(in, length, depth, out);
            return TestBatches.weightedSum(out, weights, out.length);
        };
        Parameter[] parameters = {layer.depthwise, layer.pointwise, layer.bias};
        int skipped = 0;
        int checked = in.length;
        for (int i = 0; i < 3; i++) {
            checked += parameters[i].size();
            skipped += GradientCheck.checkSkippingKinks(parameters[i].name(), parameters[i].values(), gradients[i],
                    GradientCheck.all(parameters[i].size()), 1e-3f, 1e-4, 1e-2, 1e-2, loss);
        }
        skipped += GradientCheck.checkSkippingKinks("input", in, inGradient, GradientCheck.all(in.length), 1e-3f,
                1e-4, 1e-2, 1e-2, loss);
        assertThat(skipped).as("points skipped on relu kinks, of " + checked).isLessThanOrEqualTo(checked / 10);
    }
}
