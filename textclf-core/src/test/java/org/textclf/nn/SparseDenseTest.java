package org.textclf.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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

    /**
     * Shapes the feature-major kernels must get right: widths that are not a multiple of a vector (1, 5, 13, 67),
     * the default 64, a batch of one row, empty rows, a feature repeated within a row, zeros (dropped nonzeros),
     * features repeated across many rows (the four-at-a-time path and its tail).
     */
    static Stream<Arguments> shapes() {
        return Stream.of(
                Arguments.of(6, 40, 5, 8, 11L),
                Arguments.of(1, 30, 13, 9, 12L),
                Arguments.of(9, 50, 1, 6, 13L),
                Arguments.of(7, 25, 67, 10, 14L),
                Arguments.of(60, 12, 64, 8, 15L),
                Arguments.of(33, 300, 64, 40, 16L));
    }

    /** Rows of 0..maxNonzeros nonzeros in any order, a feature now and then twice in a row, some values 0. */
    static SparseBatch irregular(int rows, int features, int maxNonzeros, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] rowStart = new int[rows + 1];
        int[] indices = new int[rows * maxNonzeros];
        float[] values = new float[indices.length];
        int k = 0;
        for (int r = 0; r < rows; r++) {
            int n = r % 4 == 1 && rows > 1 ? 0 : random.nextInt(maxNonzeros + 1);
            for (int j = 0; j < n; j++) {
                indices[k] = j > 0 && random.nextInt(5) == 0 ? indices[k - 1] : random.nextInt(features);
                values[k] = random.nextInt(6) == 0 ? 0f : 1f - random.nextFloat();
                k++;
            }
            rowStart[r + 1] = k;
        }
        return new SparseBatch(features, rowStart, Arrays.copyOf(indices, k), Arrays.copyOf(values, k), new int[rows]);
    }

    static float[][] rows(float[] flat, int rows, int width) {
        float[][] out = new float[rows][width];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(flat, r * width, out[r], 0, width);
        }
        return out;
    }

    private static float[][] featureForward(SparseKernelGradient gradient, float[] kernel, float[] bias, int rows,
                                            int width, int split) {
        float[][] out = new float[rows][width];
        gradient.ensureParts(2);
        gradient.forward(kernel, bias, out, 0, split, 0);
        gradient.forward(kernel, bias, out, split, rows, 1);
        return out;
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void featureForward_oddShapes_matchesNaiveDenseProductWhateverTheRowSplit(int rows, int features, int width,
                                                                             int maxNonzeros, long seed) {
        SparseBatch b = irregular(rows, features, maxNonzeros, seed);
        float[] w = TestBatches.randomFloats(features * width, 1, seed + 1);
        float[] bs = TestBatches.randomFloats(width, 1, seed + 2);
        SparseKernelGradient gradient = new SparseKernelGradient(features, width);
        gradient.bucket(b.rowStart(), b.indices(), b.values(), rows);
        float[][] whole = featureForward(gradient, w, bs, rows, width, rows);
        float[][] split = featureForward(gradient, w, bs, rows, width, rows / 2);

        double[][] x = TestBatches.densify(b);
        for (int r = 0; r < rows; r++) {
            assertThat(split[r]).as("row %d split at %d", r, rows / 2).containsExactly(whole[r]);
            for (int o = 0; o < width; o++) {
                double expected = bs[o];
                for (int i = 0; i < features; i++) {
                    expected += x[r][i] * w[i * width + o];
                }
                assertThat((double) whole[r][o]).as("row %d unit %d", r, o).isCloseTo(expected, within(1e-4));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void accumulate_oddShapes_matchesNaiveTransposeProductInEveryLayoutAndSplit(int rows, int features, int width,
                                                                               int maxNonzeros, long seed) {
        SparseBatch b = irregular(rows, features, maxNonzeros, seed);
        float[] delta = TestBatches.randomFloats(rows * width, 1, seed + 3);
        SparseKernelGradient gradient = new SparseKernelGradient(features, width);
        int touched = gradient.bucket(b.rowStart(), b.indices(), b.values(), rows);
        gradient.ensureParts(2);
        gradient.accumulate(0, touched / 2, rows(delta, rows, width), null, 0);
        gradient.accumulate(touched / 2, touched, rows(delta, rows, width), null, 1);
        float[] packed = new float[touched * width];
        gradient.accumulate(0, touched, rows(delta, rows, width), packed, 0);
        float[] flat = new float[touched * width];
        gradient.accumulateFlat(0, touched, delta, flat);

        double[][] x = TestBatches.densify(b);
        Set<Integer> present = new HashSet<>();
        for (int k = 0; k < b.nonzeros(); k++) {
            if (b.values()[k] != 0f) {
                present.add(b.indices()[k]);
            }
        }
        int[] listed = Arrays.copyOf(gradient.touched(), gradient.touchedCount());
        assertThat(listed).isSorted().hasSize(present.size());
        assertThat(Arrays.stream(listed).boxed()).containsExactlyInAnyOrderElementsOf(present);
        for (int t = 0; t < touched; t++) {
            int i = listed[t];
            assertThat(Arrays.copyOfRange(packed, t * width, (t + 1) * width)).as("packed row of feature %d", i)
                    .containsExactly(Arrays.copyOfRange(gradient.values, i * width, (i + 1) * width));
            for (int o = 0; o < width; o++) {
                double expected = 0;
                for (int r = 0; r < rows; r++) {
                    expected += x[r][i] * delta[r * width + o];
                }
                assertThat((double) gradient.values[i * width + o]).as("feature %d unit %d", i, o)
                        .isCloseTo(expected, within(1e-4));
                assertThat((double) flat[t * width + o]).as("flat: feature %d unit %d", i, o)
                        .isCloseTo(expected, within(1e-4));
            }
        }
        gradient.reset(true);
        assertThat(gradient.values).containsOnly(0f);
        assertThat(gradient.touchedCount()).isZero();
    }

    @Test
    void sparseKernelGradient_droppedValuesAndSecondBatch_skipsDroppedAndForgetsTheFirst() {
        float[][] delta = rows(TestBatches.randomFloats(ROWS * WIDTH, 1, 16), ROWS, WIDTH);
        float[] dropped = batch.values().clone();
        dropped[0] = 0f;
        SparseKernelGradient gradient = new SparseKernelGradient(FEATURES, WIDTH);
        gradient.ensureParts(1);
        SparseBatch other = TestBatches.random(ROWS, FEATURES, 8, 3, 17);
        gradient.accumulate(0, gradient.bucket(other.rowStart(), other.indices(), other.values(), ROWS), delta, null,
                0);
        gradient.reset(false);
        int touched = gradient.bucket(batch.rowStart(), batch.indices(), dropped, ROWS);
        gradient.accumulate(0, touched, delta, null, 0);

        SparseKernelGradient reference = new SparseKernelGradient(FEATURES, WIDTH);
        reference.ensureParts(1);
        reference.accumulate(0, reference.bucket(batch.rowStart(), batch.indices(), dropped, ROWS), delta, null, 0);
        assertThat(gradient.touchedCount()).isEqualTo(reference.touchedCount());
        int droppedFeature = batch.indices()[0];
        boolean keptElsewhere = false;
        for (int k = 1; k < batch.nonzeros(); k++) {
            keptElsewhere |= batch.indices()[k] == droppedFeature;
        }
        if (!keptElsewhere) {
            assertThat(Arrays.copyOf(gradient.touched(), touched)).doesNotContain(droppedFeature);
        }
        for (int i = 0; i < gradient.touchedCount(); i++) {
            int row = gradient.touched()[i];
            assertThat(Arrays.copyOfRange(gradient.values, row * WIDTH, (row + 1) * WIDTH))
                    .containsExactly(Arrays.copyOfRange(reference.values, row * WIDTH, (row + 1) * WIDTH));
        }
    }

    @Test
    void bucket_previousBatchNeverReset_forgetsIt() {
        SparseBatch other = TestBatches.random(ROWS, FEATURES, 8, 3, 24);
        SparseKernelGradient gradient = new SparseKernelGradient(FEATURES, WIDTH);
        gradient.bucket(other.rowStart(), other.indices(), other.values(), ROWS); // a step that threw: no reset
        int touched = gradient.bucket(batch.rowStart(), batch.indices(), batch.values(), ROWS);
        SparseKernelGradient fresh = new SparseKernelGradient(FEATURES, WIDTH);
        int expected = fresh.bucket(batch.rowStart(), batch.indices(), batch.values(), ROWS);

        assertThat(Arrays.copyOf(gradient.touched(), touched))
                .containsExactly(Arrays.copyOf(fresh.touched(), expected));
        float[][] delta = rows(TestBatches.randomFloats(ROWS * WIDTH, 1, 25), ROWS, WIDTH);
        float[] packed = new float[touched * WIDTH];
        float[] reference = new float[expected * WIDTH];
        gradient.ensureParts(1);
        fresh.ensureParts(1);
        gradient.accumulate(0, touched, delta, packed, 0);
        fresh.accumulate(0, expected, delta, reference, 0);
        assertThat(packed).containsExactly(reference);
    }

    @Test
    void backward_kernelAndBias_matchFiniteDifferencesOfTheFeatureForward() {
        SparseBatch b = irregular(7, 30, 9, 21);
        int rows = b.rows();
        float[] w = TestBatches.randomFloats(30 * WIDTH, 1, 22);
        float[] bs = TestBatches.randomFloats(WIDTH, 1, 23);
        float[] weights = TestBatches.randomFloats(rows * WIDTH, 1, 15);
        SparseKernelGradient gradient = new SparseKernelGradient(30, WIDTH);
        gradient.ensureParts(1);
        int touched = gradient.bucket(b.rowStart(), b.indices(), b.values(), rows);
        float[] kernelGradient = new float[w.length]; // absent features: zero
        float[] packed = new float[touched * WIDTH];
        gradient.accumulate(0, touched, rows(weights, rows, WIDTH), packed, 0);
        for (int t = 0; t < touched; t++) {
            System.arraycopy(packed, t * WIDTH, kernelGradient, gradient.touched()[t] * WIDTH, WIDTH);
        }
        float[] biasGradient = new float[WIDTH];
        SparseDense.backwardBias(weights, WIDTH, rows, biasGradient);
        DoubleSupplier loss = () -> {
            float[][] out = new float[rows][WIDTH];
            gradient.forward(w, bs, out, 0, rows, 0);
            double sum = 0;
            for (int r = 0; r < rows; r++) {
                for (int o = 0; o < WIDTH; o++) {
                    sum += (double) out[r][o] * weights[r * WIDTH + o];
                }
            }
            return sum;
        };

        GradientCheck.check("kernel", w, kernelGradient, GradientCheck.all(w.length), 1e-2f, 1e-4, 1e-3, loss);
        GradientCheck.check("bias", bs, biasGradient, GradientCheck.all(WIDTH), 1e-2f, 1e-4, 1e-3, loss);
    }
}
