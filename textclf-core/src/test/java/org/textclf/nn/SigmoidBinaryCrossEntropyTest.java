package org.textclf.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SigmoidBinaryCrossEntropyTest {

    private final SigmoidBinaryCrossEntropy loss = new SigmoidBinaryCrossEntropy();

    @Test
    void lossAndGradient_knownLogits_matchBinaryCrossEntropyOfSigmoid() {
        BatchMetrics m = loss.lossAndGradient(new float[] {0f, 2f, -3f}, new int[] {0, 1, 1}, 3, null, 1f);
        // -log(1 - s(0)) + -log(s(2)) + -log(s(-3)) = 0.693147 + 0.126928 + 3.048587
        assertThat(m.lossSum()).isCloseTo(0.6931471806 + 0.1269280110 + 3.0485873516, within(1e-7));
        assertThat(m.correct()).as("z = 0 counts as class 1 (p >= 0.5)").isEqualTo(1);
    }

    @Test
    void lossAndGradient_hugeLogits_staysFinite() {
        float[] gradient = new float[2];
        BatchMetrics m = loss.lossAndGradient(new float[] {1000f, -1000f}, new int[] {0, 0}, 2, gradient, 1f);
        assertThat(m.lossSum()).isCloseTo(1000, within(1e-6));
        assertThat(gradient).containsExactly(1f, 0f);
    }

    @Test
    void lossAndGradient_randomLogits_matchesFiniteDifferences() {
        int rows = 8;
        float[] logits = TestBatches.randomFloats(rows, 4, 61);
        int[] labels = {0, 1, 1, 0, 1, 0, 0, 1};
        float[] gradient = new float[rows];
        loss.lossAndGradient(logits, labels, rows, gradient, 0.25f);
        GradientCheck.check("binary cross-entropy", logits, gradient, GradientCheck.all(rows), 1e-2f, 1e-4, 1e-3,
                () -> 0.25 * loss.lossAndGradient(logits, labels, rows, null, 0f).lossSum());
    }

    @Test
    void lossAndGradient_classWeights_matchFiniteDifferencesOfTheWeightedLoss() {
        int rows = 8;
        float[] logits = TestBatches.randomFloats(rows, 3, 62);
        int[] labels = {0, 1, 1, 0, 1, 0, 0, 1};
        float[] weights = {4f, 0.75f};
        OutputLoss weighted = loss.weighted(weights);
        float[] gradient = new float[rows];
        weighted.lossAndGradient(logits, labels, rows, gradient, 0.25f);
        GradientCheck.check("weighted sigmoid cross-entropy", logits, gradient, GradientCheck.all(rows), 1e-2f,
                1e-4, 1e-3, () -> 0.25 * weighted.lossAndGradient(logits, labels, rows, null, 0f).lossSum());
        double expected = 0;
        for (int r = 0; r < rows; r++) {
            expected += weights[labels[r]] * loss.lossAndGradient(new float[] {logits[r]}, new int[] {labels[r]}, 1,
                    null, 0f).lossSum();
        }
        assertThat(weighted.lossAndGradient(logits, labels, rows, null, 0f).lossSum()).isCloseTo(expected,
                within(1e-9));
    }

    @Test
    void probabilities_anyLogit_giveTwoColumnsOneMinusPAndP() {
        float[] p = new float[4];
        loss.probabilities(new float[] {0f, (float) Math.log(3)}, 2, p);
        assertThat(p).containsExactly(new float[] {0.5f, 0.5f, 0.25f, 0.75f}, within(1e-6f));
    }
}
