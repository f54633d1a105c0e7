package org.textclf.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DenseTest {

    private static final int ROWS = 4;
    private static final int INPUTS = 7;
    private static final int OUTPUTS = 3;

    private final float[] in = TestBatches.randomFloats(ROWS * INPUTS, 1, 21);
    private final float[] kernel = TestBatches.randomFloats(INPUTS * OUTPUTS, 1, 22);
    private final float[] bias = TestBatches.randomFloats(OUTPUTS, 1, 23);
    private final float[] delta = TestBatches.randomFloats(ROWS * OUTPUTS, 1, 24);

    private float[] forward() {
        float[] out = new float[ROWS * OUTPUTS];
        Dense.forward(in, INPUTS, kernel, bias, OUTPUTS, out, ROWS);
        return out;
    }

    private float[][] backward() {
        float[] kernelGradient = new float[INPUTS * OUTPUTS];
        float[] biasGradient = new float[OUTPUTS];
        float[] inGradient = new float[ROWS * INPUTS];
        Dense.backward(in, INPUTS, kernel, OUTPUTS, delta, ROWS, kernelGradient, biasGradient, inGradient,
                new float[INPUTS * OUTPUTS]);
        return new float[][] {kernelGradient, biasGradient, inGradient};
    }

    @Test
    void forward_anyInput_matchesNaiveProduct() {
        in[3] = 0f; // the zero-skipping branch
        float[] out = forward();
        for (int r = 0; r < ROWS; r++) {
            for (int o = 0; o < OUTPUTS; o++) {
                double expected = bias[o];
                for (int i = 0; i < INPUTS; i++) {
                    expected += (double) in[r * INPUTS + i] * kernel[i * OUTPUTS + o];
                }
                assertThat((double) out[r * OUTPUTS + o]).isCloseTo(expected, within(1e-5));
            }
        }
    }

    @Test
    void backward_anyDelta_matchesNaiveProducts() {
        float[][] g = backward();
        for (int i = 0; i < INPUTS; i++) {
            for (int o = 0; o < OUTPUTS; o++) {
                double expected = 0;
                for (int r = 0; r < ROWS; r++) {
                    expected += (double) in[r * INPUTS + i] * delta[r * OUTPUTS + o];
                }
                assertThat((double) g[0][i * OUTPUTS + o]).isCloseTo(expected, within(1e-5));
            }
        }
        for (int r = 0; r < ROWS; r++) {
            for (int i = 0; i < INPUTS; i++) {
                double expected = 0;
                for (int o = 0; o < OUTPUTS; o++) {
                    expected += (double) kernel[i * OUTPUTS + o] * delta[r * OUTPUTS + o];
                }
                assertThat((double) g[2][r * INPUTS + i]).isCloseTo(expected, within(1e-5));
            }
        }
    }

    @Test
    void backward_kernelBiasAndInput_matchFiniteDifferences() {
        float[][] g = backward();
        GradientCheck.check("kernel", kernel, g[0], GradientCheck.all(kernel.length), 1e-2f, 1e-4, 1e-3,
                () -> TestBatches.weightedSum(forward(), delta, ROWS * OUTPUTS));
        GradientCheck.check("bias", bias, g[1], GradientCheck.all(OUTPUTS), 1e-2f, 1e-4, 1e-3,
                () -> TestBatches.weightedSum(forward(), delta, ROWS * OUTPUTS));
        GradientCheck.check("input", in, g[2], GradientCheck.all(in.length), 1e-2f, 1e-4, 1e-3,
                () -> TestBatches.weightedSum(forward(), delta, ROWS * OUTPUTS));
    }
}
