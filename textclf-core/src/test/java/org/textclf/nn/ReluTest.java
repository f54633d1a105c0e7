package org.textclf.nn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReluTest {

    @Test
    void forward_mixedSigns_clampsNegativesToZero() {
        float[] in = {-2f, -0f, 0f, 0.5f, 3f};
        float[] out = new float[5];
        Relu.forward(in, out, 5);
        assertThat(out).containsExactly(0f, 0f, 0f, 0.5f, 3f);
    }

    @Test
    void backward_awayFromZero_matchesFiniteDifferences() {
        float[] in = TestBatches.randomFloats(50, 1, 31);
        for (int j = 0; j < in.length; j++) {
            if (Math.abs(in[j]) < 0.05f) {
                in[j] = 0.5f; // a finite difference across the kink measures nothing
            }
        }
        float[] weights = TestBatches.randomFloats(50, 1, 32);
        float[] inGradient = new float[50];
        Relu.backward(in, weights, inGradient, 50);
        float[] out = new float[50];
        GradientCheck.check("relu", in, inGradient, GradientCheck.all(50), 1e-2f, 1e-4, 1e-3, () -> {
            Relu.forward(in, out, 50);
            return TestBatches.weightedSum(out, weights, 50);
        });
    }
}
