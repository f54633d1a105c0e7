package org.textclf.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SoftmaxCrossEntropyTest {

    private final SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy(3);

    @Test
    void lossAndGradient_knownLogits_giveLogSumExpMinusTrueLogit() {
        BatchMetrics m = loss.lossAndGradient(new float[] {1f, 2f, 3f, 0f, 5f, 1f}, new int[] {0, 1}, 2, null, 1f);
        double first = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3)) - 1; // 2.4076059644
        double second = Math.log(Math.exp(0) + Math.exp(5) + Math.exp(1)) - 5;
        assertThat(first).isCloseTo(2.4076059644, within(1e-9));
        assertThat(m.lossSum()).isCloseTo(first + second, within(1e-6));
        assertThat(m.correct()).isEqualTo(1);
        assertThat(m.count()).isEqualTo(2);
    }

    @Test
    void lossAndGradient_hugeLogits_staysFinite() {
        float[] gradient = new float[3];
        BatchMetrics m = loss.lossAndGradient(new float[] {1000f, -1000f, 0f}, new int[] {1}, 1, gradient, 1f);
        assertThat(m.lossSum()).isCloseTo(2000, within(1e-6));
        assertThat(gradient).containsExactly(1f, -1f, 0f);
    }

    @Test
    void lossAndGradient_randomLogits_matchesFiniteDifferences() {
        int rows = 5;
        float[] logits = TestBatches.randomFloats(rows * 3, 3, 51);
        int[] labels = {0, 1, 2, 2, 1};
        float[] gradient = new float[rows * 3];
        loss.lossAndGradient(logits, labels, rows, gradient, 0.5f);
        GradientCheck.check("softmax cross-entropy", logits, gradient, GradientCheck.all(logits.length), 1e-2f,
                1e-4, 1e-3, () -> 0.5 * loss.lossAndGradient(logits, labels, rows, null, 0f).lossSum());
    }

    @Test
    void lossAndGradient_classWeights_matchFiniteDifferencesOfTheWeightedLoss() {
        int rows = 5;
        float[] logits = TestBatches.randomFloats(rows * 3, 3, 52);
        int[] labels = {0, 1, 2, 2, 1};
        float[] weights = {0.5f, 2f, 3.25f};
        OutputLoss weighted = loss.weighted(weights);
        float[] gradient = new float[rows * 3];
        weighted.lossAndGradient(logits, labels, rows, gradient, 0.5f);
        GradientCheck.check("weighted softmax cross-entropy", logits, gradient, GradientCheck.all(logits.length),
                1e-2f, 1e-4, 1e-3, () -> 0.5 * weighted.lossAndGradient(logits, labels, rows, null, 0f).lossSum());
        double expected = 0;
        for (int r = 0; r < rows; r++) {
            float[] row = java.util.Arrays.copyOfRange(logits, 3 * r, 3 * r + 3);
            expected += weights[labels[r]] * loss.lossAndGradient(row, new int[] {labels[r]}, 1, null, 0f).lossSum();
        }
        assertThat(weighted.lossAndGradient(logits, labels, rows, null, 0f).lossSum()).isCloseTo(expected,
                within(1e-9));
    }

    @Test
    void weighted_null_isTheUnweightedLoss() {
        float[] logits = TestBatches.randomFloats(6, 3, 53);
        int[] labels = {2, 0};
        assertThat(loss.weighted(null).lossAndGradient(logits, labels, 2, null, 0f))
                .isEqualTo(loss.lossAndGradient(logits, labels, 2, null, 0f));
    }

    @Test
    void probabilities_anyLogits_sumToOneInArgmaxOrder() {
        float[] p = new float[6];
        loss.probabilities(new float[] {1f, 2f, 3f, 0f, 0f, 0f}, 2, p);
        assertThat(p[0] + p[1] + p[2]).isCloseTo(1f, within(1e-6f));
        assertThat(p[2]).isGreaterThan(p[1]).isGreaterThan(p[0]);
        assertThat((double) p[2]).isCloseTo(Math.exp(3) / (Math.exp(1) + Math.exp(2) + Math.exp(3)), within(1e-6));
        assertThat(p[3]).isCloseTo(1f / 3, within(1e-6f));
    }
}
