package org.textclf.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.textclf.batch.SparseBatch;

class SparseDenseTest {

    private static final int FEATURES = 40;
    private static final int WIDTH = 5;
    private static final int ROWS = 6;

    private final SparseBatch batch = TestBatches.random(ROWS, FEATURES, 8, 3, 11);
    private final float[] kernel = TestBatches.randomFloats(FEATURES * WIDTH, 1, 12);
    private final float[] bias = TestBatches.randomFloats(WIDTH, 1, 13);

    private float[] forward() {
        float[] out = new float[ROWS * WIDTH];
        SparseDense.forward(batch.rowStart(), batch.indices(), batch.values(), kernel, bias, WIDTH, out, 0, ROWS);
        return out;
    }

    @Test
    void forward_anyBatch_matchesNaiveDenseProduct() {
        double[][] x = TestBatches.densify(batch);
        float[] out = forward();
        for (int r = 0; r < ROWS; r++) {
            for (int o = 0; o < WIDTH; o++) {
                double expected = bias[o];
                for (int i = 0; i < FEATURES; i++) {
                    expected += x[r][i] * kernel[i * WIDTH + o];
                }
                assertThat((double) out[r * WIDTH + o]).isCloseTo(expected, within(1e-5));
            }
        }
    }

    @Test
    void forward_rowRange_writesOnlyThoseRows() {
        float[] full = forward();
        float[] part = new float[ROWS * WIDTH];
        SparseDense.forward(batch.rowStart(), batch.indices(), batch.values(), kernel, bias, WIDTH, part, 2, 4);
        assertThat(Arrays.copyOfRange(part, 2 * WIDTH, 4 * WIDTH)).containsExactly(
                Arrays.copyOfRange(full, 2 * WIDTH, 4 * WIDTH));
        assertThat(Arrays.copyOfRange(part, 0, 2 * WIDTH)).containsOnly(0f);
    }

    @Test
    void sparseKernelGradient_anyBatch_matchesNaiveTransposeProductAndListsPresentRowsAscending() {
        assertMatchesNaiveTransposeProduct(batch);
    }

    @Test
    void sparseKernelGradient_featuresRepeatedAcrossManyRows_matchesNaiveTransposeProduct() {
        // 60 rows over 12 features: every feature occurs ~20 times, through the four-at-a-time path and its tail
        assertMatchesNaiveTransposeProduct(TestBatches.random(60, 12, 8, 3, 18));
    }

    private static void assertMatchesNaiveTransposeProduct(SparseBatch batch) {
        int rows = batch.rows();
        int features = batch.features();
        float[] delta = TestBatches.randomFloats(rows * WIDTH, 1, 14);
        SparseKernelGradient gradient = new SparseKernelGradient(features, WIDTH);
        gradient.compute(batch.rowStart(), batch.indices(), batch.values(), delta, rows, null);

        double[][] x = TestBatches.densify(batch);
        Set<Integer> present = new HashSet<>();
        for (int i = 0; i < features; i++) {
            for (int o = 0; o < WIDTH; o++) {
                double expected = 0;
                for (int r = 0; r < rows; r++) {
                    expected += x[r][i] * delta[r * WIDTH + o];
                    if (x[r][i] != 0) {
                        present.add(i);
                    }
                }
                assertThat((double) gradient.values[i * WIDTH + o]).isCloseTo(expected, within(1e-5));
            }
        }
        int[] listed = Arrays.copyOf(gradient.touched(), gradient.touchedCount());
        assertThat(listed).isSorted().hasSize(present.size());
        assertThat(Arrays.stream(listed).boxed()).containsExactlyInAnyOrderElementsOf(present);

        gradient.reset(true);
        assertThat(gradient.values).containsOnly(0f);
        assertThat(gradient.touchedCount()).isZero();
    }

    @Test
    void sparseKernelGradient_accumulatePacked_holdsTheTouchedRowsInListOrder() {
        float[] delta = TestBatches.randomFloats(ROWS * WIDTH, 1, 19);
        SparseKernelGradient full = new SparseKernelGradient(FEATURES, WIDTH);
        full.compute(batch.rowStart(), batch.indices(), batch.values(), delta, ROWS, null);
        SparseKernelGradient packed = new SparseKernelGradient(FEATURES, WIDTH);
        int touched = packed.bucket(batch.rowStart(), batch.indices(), batch.values(), ROWS);
        float[] out = new float[touched * WIDTH];
        packed.accumulatePacked(0, touched / 2, delta, out);
        packed.accumulatePacked(touched / 2, touched, delta, out);

        assertThat(Arrays.copyOf(packed.touched(), touched))
                .containsExactly(Arrays.copyOf(full.touched(), full.touchedCount()));
        for (int i = 0; i < touched; i++) {
            int row = packed.touched()[i];
            assertThat(Arrays.copyOfRange(out, i * WIDTH, (i + 1) * WIDTH))
                    .containsExactly(Arrays.copyOfRange(full.values, row * WIDTH, (row + 1) * WIDTH));
        }
    }

    @Test
    void sparseKernelGradient_droppedValuesAndSecondBatch_skipsDroppedAndForgetsTheFirst() {
        float[] delta = TestBatches.randomFloats(ROWS * WIDTH, 1, 16);
        float[] dropped = batch.values().clone();
        dropped[0] = 0f;
        SparseKernelGradient gradient = new SparseKernelGradient(FEATURES, WIDTH);
        SparseBatch other = TestBatches.random(ROWS, FEATURES, 8, 3, 17);
        gradient.compute(other.rowStart(), other.indices(), other.values(), delta, ROWS, null);
        gradient.reset(false);
        gradient.compute(batch.rowStart(), batch.indices(), dropped, delta, ROWS, null);

        float[] fresh = new float[FEATURES * WIDTH];
        SparseKernelGradient reference = new SparseKernelGradient(FEATURES, WIDTH);
        reference.compute(batch.rowStart(), batch.indices(), dropped, delta, ROWS, null);
        System.arraycopy(reference.values, 0, fresh, 0, fresh.length);
        assertThat(gradient.touchedCount()).isEqualTo(reference.touchedCount());
        for (int i = 0; i < gradient.touchedCount(); i++) {
            int row = gradient.touched()[i];
            assertThat(Arrays.copyOfRange(gradient.values, row * WIDTH, (row + 1) * WIDTH))
                    .containsExactly(Arrays.copyOfRange(fresh, row * WIDTH, (row + 1) * WIDTH));
        }
    }

    @Test
    void backward_kernelAndBias_matchFiniteDifferences() {
        float[] weights = TestBatches.randomFloats(ROWS * WIDTH, 1, 15);
        SparseKernelGradient sparseGradient = new SparseKernelGradient(FEATURES, WIDTH);
        sparseGradient.compute(batch.rowStart(), batch.indices(), batch.values(), weights, ROWS, null);
        float[] kernelGradient = sparseGradient.values;
        float[] biasGradient = new float[WIDTH];
        SparseDense.backwardBias(weights, WIDTH, ROWS, biasGradient);

        GradientCheck.check("kernel", kernel, kernelGradient, GradientCheck.all(kernel.length), 1e-2f, 1e-4, 1e-3,
                () -> TestBatches.weightedSum(forward(), weights, ROWS * WIDTH));
        GradientCheck.check("bias", bias, biasGradient, GradientCheck.all(WIDTH), 1e-2f, 1e-4, 1e-3,
                () -> TestBatches.weightedSum(forward(), weights, ROWS * WIDTH));
    }
}
