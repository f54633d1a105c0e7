package org.textclf.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.textclf.batch.SparseBatch;

class LinearTest {

    private static final int FEATURES = 30;

    /** A model with random weights (a fresh one is all zero), so that every term of the gradient shows. */
    private static Linear randomized(float l2, int classes, long seed) {
        Linear linear = Linear.create(new LinearConfig(l2), FEATURES, classes, seed);
        for (Parameter p : linear.parameters()) {
            System.arraycopy(TestBatches.randomFloats(p.size(), 0.5, seed + p.size()), 0, p.values(), 0, p.size());
        }
        return linear;
    }

    /** Softmax (or sigmoid) probabilities of the naive dense forward, in double. */
    private static double[][] naiveProbabilities(Linear linear, SparseBatch batch) {
        double[][] x = TestBatches.densify(batch);
        float[] w = linear.parameters().get(0).values();
        float[] b = linear.parameters().get(1).values();
        int outputs = b.length;
        double[][] p = new double[batch.rows()][];
        for (int r = 0; r < batch.rows(); r++) {
            double[] z = new double[outputs];
            for (int o = 0; o < outputs; o++) {
                z[o] = b[o];
                for (int f = 0; f < FEATURES; f++) {
                    z[o] += x[r][f] * w[f * outputs + o];
                }
            }
            if (outputs == 1) {
                double s = 1 / (1 + Math.exp(-z[0]));
                p[r] = new double[] {1 - s, s};
            } else {
                double max = Arrays.stream(z).max().orElseThrow();
                double sum = 0;
                p[r] = new double[outputs];
                for (int o = 0; o < outputs; o++) {
                    p[r][o] = Math.exp(z[o] - max);
                    sum += p[r][o];
                }
                for (int o = 0; o < outputs; o++) {
                    p[r][o] /= sum;
                }
            }
        }
        return p;
    }

    @ParameterizedTest(name = "{0} classes")
    @ValueSource(ints = {2, 4})
    void computeGradientsAndPredictBatch_anyBatch_matchNaiveDenseReferenceInDouble(int classes) {
        Linear linear = randomized(0.1f, classes, 3);
        SparseBatch batch = TestBatches.random(7, FEATURES, 6, classes, 4);
        double[][] p = naiveProbabilities(linear, batch);
        float[] predicted = linear.predictBatch(batch);
        double[][] x = TestBatches.densify(batch);
        int outputs = classes == 2 ? 1 : classes;
        double[] kernel = new double[FEATURES * outputs];
        double[] bias = new double[outputs];
        double loss = 0;
        for (int r = 0; r < batch.rows(); r++) {
            int y = batch.labels()[r];
            loss -= Math.log(p[r][y]);
            for (int c = 0; c < classes; c++) {
                assertThat((double) predicted[r * classes + c]).isCloseTo(p[r][c], within(1e-6));
            }
            for (int o = 0; o < outputs; o++) {
                // d loss / d z: sigmoid(z) - y for the sigmoid unit, softmax(z) - onehot(y) for softmax
                double dz = (outputs == 1 ? p[r][1] - y : p[r][o] - (o == y ? 1 : 0)) / batch.rows();
                bias[o] += dz;
                for (int f = 0; f < FEATURES; f++) {
                    kernel[f * outputs + o] += x[r][f] * dz;
                }
            }
        }
        Gradients gradients = linear.computeGradients(batch, null);
        float[] kernelGradient = gradients.toDense(0);
        for (int j = 0; j < kernel.length; j++) {
            assertThat((double) kernelGradient[j]).as("kernel %d, without the penalty", j)
                    .isCloseTo(kernel[j], within(1e-6));
        }
        for (int o = 0; o < outputs; o++) {
            assertThat((double) gradients.values(1)[o]).isCloseTo(bias[o], within(1e-6));
        }
        assertThat(gradients.metrics().loss()).as("cross-entropy alone").isCloseTo(loss / batch.rows(),
                within(1e-6));
        assertThat(linear.evaluateBatch(batch).loss()).isCloseTo(loss / batch.rows(), within(1e-6));
        int[] present = Arrays.stream(batch.indices()).distinct().sorted().toArray();
        assertThat(Arrays.copyOf(gradients.rows(0), gradients.rowCount(0))).containsExactly(present);
    }

    /** An optimizer that records the gradient each update is given, in the values' layout. */
    private static final class Recorder implements Optimizer {
        final float[][] gradients;
        private final List<Parameter> parameters;

        Recorder(List<Parameter> parameters) {
            this.parameters = parameters;
            this.gradients = new float[parameters.size()][];
        }

        @Override
        public void beginStep() {
        }

        @Override
        public long iterations() {
            return 0;
        }

        @Override
        public void updateDense(Parameter p, float[] gradient) {
            gradients[parameters.indexOf(p)] = Arrays.copyOf(gradient, p.size());
        }

        @Override
        public void updateRows(Parameter p, float[] gradient, int[] rows, int from, int to) {
            float[] g = new float[p.size()];
            int width = p.shape()[1];
            for (int k = from; k < to; k++) {
                System.arraycopy(gradient, rows[k] * width, g, rows[k] * width, width);
            }
            gradients[parameters.indexOf(p)] = g;
        }
    }

    @ParameterizedTest(name = "{0} classes")
    @ValueSource(ints = {2, 3})
    void applyGradients_withL2_updatesFromTheGradientOfThePenalizedLossByFiniteDifferences(int classes) {
        float l2 = 0.3f;
        Linear linear = randomized(l2, classes, 5);
        SparseBatch batch = TestBatches.random(6, FEATURES, 5, classes, 6);
        int[] touched = Arrays.stream(batch.indices()).distinct().toArray();
        Recorder recorder = new Recorder(linear.parameters());
        linear.applyGradients(linear.computeGradients(batch, null), recorder);
        float[] kernel = linear.parameters().get(0).values();
        int width = linear.parameters().get(0).shape()[1];
        // The step's objective: the batch-mean cross-entropy plus the penalty on the rows the batch touches.
        java.util.function.DoubleSupplier objective = () -> {
            double penalty = 0;
            for (int f : touched) {
                for (int o = 0; o < width; o++) {
                    penalty += (double) kernel[f * width + o] * kernel[f * width + o];
                }
            }
            return linear.evaluateBatch(batch).loss() + 0.5 * l2 * penalty;
        };
        for (int i = 0; i < 2; i++) {
            Parameter p = linear.parameters().get(i);
            GradientCheck.check(p.name(), p.values(), recorder.gradients[i], GradientCheck.all(p.size()), 1e-2f,
                    1e-5, 1e-3, objective);
        }
        float[] dataOnly = linear.computeGradients(batch, null).toDense(0);
        int f = touched[0];
        assertThat(recorder.gradients[0][f * width]).as("data term plus l2 * w")
                .isCloseTo(dataOnly[f * width] + l2 * kernel[f * width], within(1e-6f));
    }

    @Test
    void predictBatch_rowAloneOrInABatch_sameProbabilitiesBitForBit() {
        Linear linear = randomized(0f, 3, 7);
        SparseBatch batch = TestBatches.random(9, FEATURES, 8, 3, 8);
        float[] together = linear.predictBatch(batch);
        for (int r = 0; r < batch.rows(); r++) {
            int from = batch.rowStart()[r];
            int to = batch.rowStart()[r + 1];
            SparseBatch alone = new SparseBatch(FEATURES, new int[] {0, to - from},
                    Arrays.copyOfRange(batch.indices(), from, to), Arrays.copyOfRange(batch.values(), from, to),
                    new int[] {-1});
            assertThat(linear.predictBatch(alone)).as("row %d", r)
                    .containsExactly(Arrays.copyOfRange(together, 3 * r, 3 * r + 3));
        }
    }

    /** Class c owns features [5c, 5c + 5); every row has 2 of its class's and 2 noise features from [20, 30). */
    private static List<SparseBatch> separable(int classes, int batches, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<SparseBatch> result = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            int rows = 16;
            int[] rowStart = new int[rows + 1];
            int[] indices = new int[rows * 4];
            float[] values = new float[rows * 4];
            int[] labels = new int[rows];
            for (int r = 0; r < rows; r++) {
                labels[r] = random.nextInt(classes);
                int[] own = random.ints(5 * labels[r], 5 * labels[r] + 5).distinct().limit(2).toArray();
                int[] noise = random.ints(20, FEATURES).distinct().limit(2).toArray();
                int[] row = {own[0], own[1], noise[0], noise[1]};
                Arrays.sort(row);
                for (int j = 0; j < 4; j++) {
                    indices[r * 4 + j] = row[j];
                    values[r * 4 + j] = 0.3f + 0.4f * random.nextFloat();
                }
                rowStart[r + 1] = (r + 1) * 4;
            }
            result.add(new SparseBatch(FEATURES, rowStart, indices, values, labels));
        }
        return result;
    }

    @ParameterizedTest(name = "{0} classes")
    @ValueSource(ints = {2, 4})
    void fitBatch_separableSparseProblem_reachesFullAccuracyAndUnseenFeaturesStayZero(int classes) {
        List<SparseBatch> data = separable(classes, 6, 10 + classes);
        Linear linear = Linear.create(LinearConfig.DEFAULTS, FEATURES + 5, classes, 1);
        List<SparseBatch> wide = new ArrayList<>();
        for (SparseBatch b : data) { // five more features that no row holds
            wide.add(new SparseBatch(FEATURES + 5, b.rowStart(), b.indices(), b.values(), b.labels()));
        }
        Adam adam = new Adam(AdamConfig.builder().learningRate(0.05f).build());
        BatchMetrics first = BatchMetrics.EMPTY;
        for (SparseBatch b : wide) {
            first = first.plus(linear.evaluateBatch(b));
        }
        for (int epoch = 0; epoch < 30; epoch++) {
            for (SparseBatch b : wide) {
                linear.fitBatch(b, adam, null);
            }
        }
        BatchMetrics last = BatchMetrics.EMPTY;
        for (SparseBatch b : wide) {
            last = last.plus(linear.evaluateBatch(b));
        }
        assertThat(first.loss()).isCloseTo(classes == 2 ? Math.log(2) : Math.log(classes), within(1e-6));
        assertThat(last.accuracy()).isEqualTo(1.0);
        assertThat(last.loss()).isLessThan(first.loss() / 4);
        float[] kernel = linear.parameters().get(0).values();
        int width = linear.parameters().get(0).shape()[1];
        assertThat(Arrays.copyOfRange(kernel, FEATURES * width, kernel.length)).containsOnly(0f);
    }

    @Test
    void parameters_anyModel_namedLikeKerasAndZero() {
        Linear binary = Linear.create(LinearConfig.DEFAULTS, 500, 2, 1);
        assertThat(binary.parameters()).extracting(Parameter::toString)
                .containsExactly("dense_1/kernel[500, 1]", "dense_1/bias[1]");
        assertThat(Linear.create(LinearConfig.DEFAULTS, 500, 5, 1).parameters()).extracting(Parameter::toString)
                .containsExactly("dense_1/kernel[500, 5]", "dense_1/bias[5]");
        assertThat(binary.parameters().get(0).values()).containsOnly(0f);
        assertThat(binary.config()).isEqualTo(LinearConfig.DEFAULTS);
        assertThat(binary.features()).isEqualTo(500);
        assertThat(binary.classes()).isEqualTo(2);
    }

    @Test
    void create_badArguments_throwStatingTheRule() {
        assertThatThrownBy(() -> Linear.create(LinearConfig.DEFAULTS, 0, 2, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("features must be at least 1; found 0");
        assertThatThrownBy(() -> Linear.create(LinearConfig.DEFAULTS, 10, 1, 1))
                .hasMessage("classes must be at least 2; found 1");
    }

    @Test
    void fitBatch_badBatches_throwNamingTheProblem() {
        Linear linear = Linear.create(LinearConfig.DEFAULTS, 10, 3, 1);
        Adam adam = new Adam(AdamConfig.DEFAULTS);
        assertThatThrownBy(() -> linear.fitBatch(TestBatches.random(2, 11, 3, 3, 1), adam, null))
                .hasMessage("fitBatch: the batch has the wrong number of features; expected 10, found 11");
        assertThatThrownBy(() -> linear.fitBatch(new SparseBatch(10, new int[] {0}, new int[0], new float[0],
                new int[0]), adam, null)).hasMessage("fitBatch: the batch has no rows; expected at least 1");
        assertThatThrownBy(() -> linear.evaluateBatch(new SparseBatch(10, new int[] {0, 1}, new int[] {2},
                new float[] {1f}, new int[] {3}))).hasMessage("evaluateBatch: batch row 0 has a label out of range;"
                + " expected a class id in [0, 3), found 3");
    }
}
