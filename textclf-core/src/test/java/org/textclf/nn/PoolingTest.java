package org.textclf.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** MaxPooling1D and GlobalAveragePooling1D over the real positions only. */
class PoolingTest {

    private static final int CHANNELS = 3;

    @Test
    void maxPoolingForward_lengthNotAMultipleOfThePool_keepsThePartialLastWindow() {
        // Channel 0 counts up, channel 1 down, channel 2 is constant; 5 positions, then padding that must be ignored.
        float[] in = new float[8 * CHANNELS];
        Arrays.fill(in, 100f);
        for (int t = 0; t < 5; t++) {
            in[t * CHANNELS] = t;
            in[t * CHANNELS + 1] = -t;
            in[t * CHANNELS + 2] = 7;
        }
        float[][] out = new float[3][CHANNELS];
        int[][] argmax = new int[3][CHANNELS];
        assertThat(MaxPooling1D.forward(TestBatches.rows(in, CHANNELS, 8), 5, CHANNELS, 3, out, argmax))
                .isEqualTo(2);
        assertThat(TestBatches.flat(out, CHANNELS, 2)).containsExactly(2, 0, 7, 4, -3, 7);
        assertThat(argmax[0]).containsExactly(2, 0, 0);
        assertThat(argmax[1]).containsExactly(4, 3, 3);
        assertThat(out[2]).as("no third window").containsOnly(0f);
    }

    @Test
    void maxPoolingForward_shorterThanThePoolOrEmpty_oneOrNoOutput() {
        float[][] in = TestBatches.rows(new float[] {1, 5, 2, 3, 0, 9}, CHANNELS, 2);
        float[][] out = new float[1][CHANNELS];
        int[][] argmax = new int[1][CHANNELS];
        assertThat(MaxPooling1D.forward(in, 2, CHANNELS, 3, out, argmax)).isEqualTo(1);
        assertThat(out[0]).containsExactly(3, 5, 9);
        assertThat(argmax[0]).containsExactly(1, 0, 1);
        assertThat(MaxPooling1D.forward(in, 0, CHANNELS, 3, out, argmax)).isZero();
        assertThat(MaxPooling1D.outputLength(7, 3)).isEqualTo(3);
        assertThat(MaxPooling1D.outputLength(6, 3)).isEqualTo(2);
    }

    @ParameterizedTest(name = "length {0}, pool {1}")
    @CsvSource({"7, 3", "6, 3", "2, 3", "5, 2", "4, 1"})
    void maxPoolingBackward_matchesFiniteDifferences(int length, int poolSize) {
        float[] in = TestBatches.randomFloats(length * CHANNELS, 1, 20 + length);
        int outLength = MaxPooling1D.outputLength(length, poolSize);
        float[] weights = TestBatches.randomFloats(outLength * CHANNELS, 1, 21);
        float[][] out = new float[outLength][CHANNELS];
        int[][] argmax = new int[outLength][CHANNELS];
        MaxPooling1D.forward(TestBatches.rows(in, CHANNELS, length), length, CHANNELS, poolSize, out, argmax);
        float[][] inGradient = TestBatches.rows(TestBatches.randomFloats(in.length, 1, 22), CHANNELS, length);
        MaxPooling1D.backward(TestBatches.rows(weights, CHANNELS, outLength), length, CHANNELS, poolSize, argmax,
                inGradient);
        // Random values are at least ~1e-3 apart with overwhelming odds, so a step of 1e-4 never changes the argmax.
        GradientCheck.check("max pooling input", in, TestBatches.flat(inGradient, CHANNELS, length),
                GradientCheck.all(in.length), 1e-4f, 1e-3, 1e-3, () -> {
                    MaxPooling1D.forward(TestBatches.rows(in, CHANNELS, length), length, CHANNELS, poolSize, out,
                            argmax);
                    return TestBatches.weightedSum(TestBatches.flat(out, CHANNELS, outLength), weights,
                            weights.length);
                });
    }

    @Test
    void globalAveragePoolingForward_padding_averagesRealPositionsOnly() {
        float[][] in = TestBatches.rows(new float[] {1, 2, 3, 3, 4, 5, 100, 100, 100}, CHANNELS, 3);
        float[] out = new float[CHANNELS];
        GlobalAveragePooling1D.forward(in, 2, CHANNELS, out);
        assertThat(out).containsExactly(2, 3, 4);
    }

    @Test
    void globalAveragePoolingForward_emptySequence_zeros() {
        float[] out = {9, 9, 9};
        GlobalAveragePooling1D.forward(new float[0][], 0, CHANNELS, out);
        assertThat(out).containsOnly(0f);
    }

    @ParameterizedTest(name = "length {0}")
    @CsvSource({"1", "5"})
    void globalAveragePoolingBackward_matchesFiniteDifferences(int length) {
        float[] in = TestBatches.randomFloats(length * CHANNELS, 1, 30);
        float[] weights = TestBatches.randomFloats(CHANNELS, 1, 31);
        float[][] inGradient = new float[length][CHANNELS];
        GlobalAveragePooling1D.backward(weights, length, CHANNELS, inGradient);
        float[] out = new float[CHANNELS];
        GradientCheck.check("average pooling input", in, TestBatches.flat(inGradient, CHANNELS, length),
                GradientCheck.all(in.length), 1e-2f, 1e-4, 1e-3, () -> {
                    GlobalAveragePooling1D.forward(TestBatches.rows(in, CHANNELS, length), length, CHANNELS, out);
                    return TestBatches.weightedSum(out, weights, CHANNELS);
                });
    }
}
