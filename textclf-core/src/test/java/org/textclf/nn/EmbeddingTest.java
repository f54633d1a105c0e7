package org.textclf.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The lookup, its sparse gradient, and adding the threads' sparse gradients together. */
class EmbeddingTest {

    private static final int VOCABULARY = 9;
    private static final int DIM = 3;

    @Test
    void forward_tokens_copiesTheirRows() {
        float[] table = TestBatches.randomFloats(VOCABULARY * DIM, 1, 1);
        int[] tokens = {0, 0, 4, 2, 0};
        float[][] out = new float[3][DIM];
        Embedding.forward(table, DIM, tokens, 2, 2, out);
        assertThat(out[0]).containsExactly(Arrays.copyOfRange(table, 4 * DIM, 5 * DIM));
        assertThat(out[1]).containsExactly(Arrays.copyOfRange(table, 2 * DIM, 3 * DIM));
        assertThat(out[2]).as("past the length").containsOnly(0f);
    }

    @Test
    void backward_repeatedTokens_matchesFiniteDifferencesAndTouchesOnlyTheirRows() {
        float[] table = TestBatches.randomFloats(VOCABULARY * DIM, 1, 2);
        int[] tokens = {7, 3, 7, 1, 3, 7};
        int length = tokens.length;
        float[] weights = TestBatches.randomFloats(length * DIM, 1, 3);
        EmbeddingGradient gradient = new EmbeddingGradient(VOCABULARY, DIM);
        Embedding.backward(TestBatches.rows(weights, DIM, length), tokens, 0, length, gradient);
        gradient.sortTouched();
        assertThat(Arrays.copyOf(gradient.touched(), gradient.touchedCount())).containsExactly(1, 3, 7);
        float[][] out = new float[length][DIM];
        GradientCheck.check("embedding", table, gradient.values, GradientCheck.all(table.length), 1e-2f, 1e-4, 1e-3,
                () -> {
                    Embedding.forward(table, DIM, tokens, 0, length, out);
                    return TestBatches.weightedSum(TestBatches.flat(out, DIM, length), weights, length * DIM);
                });
    }

    @Test
    void add_twoThreadsGradients_equalOneThreadsAndNextStepStartsFromZero() {
        int[] tokens = {5, 2, 5, 8, 2, 2};
        float[] weights = TestBatches.randomFloats(tokens.length * DIM, 1, 4);
        EmbeddingGradient one = new EmbeddingGradient(VOCABULARY, DIM);
        Embedding.backward(TestBatches.rows(weights, DIM, tokens.length), tokens, 0, tokens.length, one);
        EmbeddingGradient first = new EmbeddingGradient(VOCABULARY, DIM);
        EmbeddingGradient second = new EmbeddingGradient(VOCABULARY, DIM);
        Embedding.backward(TestBatches.rows(Arrays.copyOf(weights, 3 * DIM), DIM, 3), tokens, 0, 3, first);
        Embedding.backward(TestBatches.rows(Arrays.copyOfRange(weights, 3 * DIM, weights.length), DIM, 3), tokens,
                3, 3, second);
        first.add(second);
        first.sortTouched();
        one.sortTouched();
        assertThat(Arrays.copyOf(first.touched(), first.touchedCount())).containsExactly(2, 5, 8);
        for (int row : new int[] {2, 5, 8}) {
            for (int j = row * DIM; j < (row + 1) * DIM; j++) {
                assertThat(first.values[j]).isCloseTo(one.values[j], org.assertj.core.data.Offset.offset(1e-6f));
            }
        }
        first.reset(false);
        Embedding.backward(TestBatches.rows(weights, DIM, 1), tokens, 0, 1, first);
        assertThat(first.touchedCount()).isEqualTo(1);
        assertThat(Arrays.copyOfRange(first.values, 5 * DIM, 6 * DIM))
                .containsExactly(Arrays.copyOf(weights, DIM)); // not added to the last step's row
    }
}
