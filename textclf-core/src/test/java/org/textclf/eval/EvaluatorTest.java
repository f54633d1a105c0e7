package org.textclf.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class EvaluatorTest {
    private static final Offset<Double> EXACT = within(1e-12);

    private static void assertScores(Scores s, double precision, double recall, double f1, long support) {
        assertThat(s.precision()).isCloseTo(precision, EXACT);
        assertThat(s.recall()).isCloseTo(recall, EXACT);
        assertThat(s.f1()).isCloseTo(f1, EXACT);
        assertThat(s.support()).isEqualTo(support);
    }

    @Test
    void evaluation_handComputedCase_matchesScikitLearn() {
        Evaluation e = Cases.handComputed();

        assertThat(e.samples()).isEqualTo(9);
        assertThat(e.accuracy()).isCloseTo(0.3333333333333333, EXACT);
        assertThat(e.confusionMatrix()).isDeepEqualTo(new long[][] {{2, 1, 0, 1}, {2, 1, 0, 0}, {1, 1, 0, 0},
            {0, 0, 0, 0}});
        assertScores(e.scores(0), 0.4, 0.5, 0.4444444444444445, 4);
        assertScores(e.scores(1), 0.3333333333333333, 0.3333333333333333, 0.3333333333333333, 3);
        // Never predicted: precision 0/0 -> 0.
        assertScores(e.scores(2), 0, 0, 0, 2);
        // Absent from the data but predicted once: recall 0/0 -> 0, precision 0/1.
        assertScores(e.scores(3), 0, 0, 0, 0);
        assertScores(e.macroAverage(), 0.18333333333333335, 0.20833333333333331, 0.19444444444444445, 9);
        assertScores(e.weightedAverage(), 0.2888888888888889, 0.3333333333333333, 0.30864197530864196, 9);
        assertThat(e.loss()).isCloseTo(2.8584369849090177, within(1e-9));
    }

    @Test
    void evaluation_classAbsentAndNeverPredicted_scoresZeroAndCountsInMacroAverage() {
        // The hand-computed case with a fifth class no row has or predicts (probability 0 everywhere).
        float[] five = new float[9 * 5];
        for (int r = 0; r < 9; r++) {
            System.arraycopy(Cases.PROBABILITIES, r * 4, five, r * 5, 4);
        }
        Evaluator evaluator = new Evaluator(5);
        evaluator.add(Cases.LABELS, five);

        Evaluation e = evaluator.evaluation();

        assertScores(e.scores(4), 0, 0, 0, 0);
        // scikit-learn, labels=range(5): the macro average divides by 5 classes.
        assertScores(e.macroAverage(), 0.14666666666666667, 0.16666666666666666, 0.15555555555555556, 9);
        assertScores(e.weightedAverage(), 0.2888888888888889, 0.3333333333333333, 0.30864197530864196, 9);
    }

    @Test
    void add_tiedProbabilities_predictsLowestClassId() {
        Evaluator evaluator = new Evaluator(3);
        evaluator.add(new int[] {2, 2, 2}, new float[] {0.2f, 0.4f, 0.4f, 0.5f, 0.0f, 0.5f, 1f / 3, 1f / 3, 1f / 3});

        Evaluation e = evaluator.evaluation();

        assertThat(e.count(2, 1)).isEqualTo(1);
        assertThat(e.count(2, 0)).isEqualTo(2);
        assertThat(e.count(2, 2)).isZero();
    }

    @Test
    void loss_rowsSummingToOne_matchesScikitLearnLogLoss() {
        Evaluator evaluator = new Evaluator(3);
        evaluator.add(new int[] {0, 1, 2, 1}, new float[] {
            0.5f, 0.25f, 0.25f,
            0.125f, 0.75f, 0.125f,
            0.0625f, 0.4375f, 0.5f,
            0.875f, 0.0625f, 0.0625f});

        // sklearn.metrics.log_loss([0, 1, 2, 1], p, labels=[0, 1, 2])
        assertThat(evaluator.evaluation().loss()).isCloseTo(1.111641288952863, EXACT);
    }

    @Test
    void loss_certainMistakeAndCertainHit_areClippedLikeKeras() {
        Evaluator wrong = new Evaluator(2);
        wrong.add(new int[] {0}, new float[] {0f, 1f});
        Evaluator right = new Evaluator(2);
        right.add(new int[] {0}, new float[] {1f, 0f});

        // -np.log(1e-7) and -np.log(1 - 1e-7)
        assertThat(wrong.evaluation().loss()).isCloseTo(16.11809565095832, EXACT);
        assertThat(right.evaluation().loss()).isCloseTo(1.0000000494736474e-07, within(1e-20));
    }

    @Test
    void loss_nanProbability_isNaN() {
        Evaluator evaluator = new Evaluator(2);
        evaluator.add(new int[] {1}, new float[] {0.5f, Float.NaN});

        assertThat(evaluator.evaluation().loss()).isNaN();
    }

    @Test
    void add_unlabeledRows_areSkippedAndCounted() {
        Evaluator evaluator = new Evaluator(2);
        evaluator.add(new int[] {-1, 1, -1}, new float[] {0.9f, 0.1f, 0.2f, 0.8f, 0.3f, 0.7f});

        Evaluation e = evaluator.evaluation();

        assertThat(e.samples()).isEqualTo(1);
        assertThat(e.unlabeled()).isEqualTo(2);
        assertThat(e.accuracy()).isEqualTo(1.0);
    }

    @Test
    void add_wrongProbabilityCount_throwsStatingTheSizes() {
        Evaluator evaluator = new Evaluator(3);

        assertThatThrownBy(() -> evaluator.add(new int[] {0, 1}, new float[4]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("probabilities must hold rows x classes = 2 x 3 = 6 values, found 4");
    }

    @Test
    void add_labelOutOfRange_throwsAndAddsNothing() {
        Evaluator evaluator = new Evaluator(2);

        assertThatThrownBy(() -> evaluator.add(new int[] {0, 2}, new float[] {1, 0, 0, 1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("labels[1] must be a class id in 0..1 or -1 for unlabeled, found 2");
        assertThat(evaluator.samples()).isZero();
    }

    @Test
    void evaluation_nothingLabeledAdded_throws() {
        Evaluator evaluator = new Evaluator(2);
        evaluator.add(new int[] {-1}, new float[] {0.5f, 0.5f});

        assertThatThrownBy(evaluator::evaluation).isInstanceOf(IllegalStateException.class)
                .hasMessage("nothing to evaluate; expected at least one labeled sample, found 0 (1 unlabeled skipped)");
    }

    @Test
    void constructor_noClasses_throws() {
        assertThatThrownBy(() -> new Evaluator(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("classes must be at least 1, found 0");
    }

    @Test
    void evaluation_laterAdds_doNotChangeAnEarlierEvaluation() {
        Evaluator evaluator = new Evaluator(2);
        evaluator.add(new int[] {0}, new float[] {0.9f, 0.1f});
        Evaluation before = evaluator.evaluation();

        evaluator.add(new int[] {0}, new float[] {0.1f, 0.9f});

        assertThat(before.samples()).isEqualTo(1);
        assertThat(before.accuracy()).isEqualTo(1.0);
        assertThat(evaluator.evaluation().accuracy()).isEqualTo(0.5);
    }

    /** The accumulator against a naive per-sample reference, over random data cut into random batches. */
    @Test
    void add_randomBatchSplits_matchesNaiveReference() {
        Random random = new Random(12345);
        int classes = 7;
        int n = 2_000;
        int[] labels = new int[n];
        float[] probabilities = new float[n * classes];
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextInt(classes);
            float sum = 0;
            for (int k = 0; k < classes; k++) {
                // Quantized so that ties happen often.
                probabilities[i * classes + k] = random.nextInt(5);
                sum += probabilities[i * classes + k];
            }
            for (int k = 0; k < classes; k++) {
                probabilities[i * classes + k] = sum == 0 ? 1f / classes : probabilities[i * classes + k] / sum;
            }
        }
        long[][] expected = new long[classes][classes];
        double lossSum = 0;
        for (int i = 0; i < n; i++) {
            float[] row = Arrays.copyOfRange(probabilities, i * classes, (i + 1) * classes);
            int argmax = 0;
            for (int k = 0; k < classes; k++) {
                if (row[k] > row[argmax]) {
                    argmax = k;
                }
            }
            expected[labels[i]][argmax]++;
            lossSum += -Math.log(Math.min(Math.max(row[labels[i]], 1e-7), 1 - 1e-7));
        }

        Evaluator evaluator = new Evaluator(classes);
        for (int start = 0; start < n; ) {
            int end = Math.min(n, start + 1 + random.nextInt(300));
            evaluator.add(Arrays.copyOfRange(labels, start, end),
                    Arrays.copyOfRange(probabilities, start * classes, end * classes));
            start = end;
        }
        Evaluation e = evaluator.evaluation();

        assertThat(e.confusionMatrix()).isDeepEqualTo(expected);
        assertThat(e.loss()).isCloseTo(lossSum / n, within(1e-9));
        long correct = 0;
        for (int k = 0; k < classes; k++) {
            correct += expected[k][k];
        }
        assertThat(e.accuracy()).isEqualTo((double) correct / n);
    }
}
