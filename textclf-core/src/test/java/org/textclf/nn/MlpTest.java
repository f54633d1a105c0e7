package org.textclf.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.textclf.batch.SparseBatch;

class MlpTest {

    private static final int FEATURES = 100;

    /** Class c owns features [10c, 10c + 10); every row has 3 of its class's and 3 noise features from [60, 100). */
    private static List<SparseBatch> separable(int classes, int batches, int rows, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<SparseBatch> result = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            int[] rowStart = new int[rows + 1];
            int[] indices = new int[rows * 6];
            float[] values = new float[rows * 6];
            int[] labels = new int[rows];
            for (int r = 0; r < rows; r++) {
                labels[r] = random.nextInt(classes);
                int[] own = random.ints(10 * labels[r], 10 * labels[r] + 10).distinct().limit(3).toArray();
                int[] noise = random.ints(60, FEATURES).distinct().limit(3).toArray();
                int[] row = new int[] {own[0], own[1], own[2], noise[0], noise[1], noise[2]};
                Arrays.sort(row);
                for (int j = 0; j < 6; j++) {
                    indices[r * 6 + j] = row[j];
                    values[r * 6 + j] = 0.2f + 0.3f * random.nextFloat();
                }
                rowStart[r + 1] = (r + 1) * 6;
            }
            result.add(new SparseBatch(FEATURES, rowStart, indices, values, labels));
        }
        return result;
    }

    private static Mlp train(int classes, List<SparseBatch> data, int epochs, long seed) {
        Mlp mlp = Mlp.create(MlpConfig.DEFAULTS, FEATURES, classes, seed);
        Adam adam = new Adam(AdamConfig.DEFAULTS);
        SplittableRandom dropout = new SplittableRandom(seed + 1);
        for (int e = 0; e < epochs; e++) {
            for (SparseBatch batch : data) {
                mlp.fitBatch(batch, adam, dropout);
            }
        }
        return mlp;
    }

    private static BatchMetrics evaluate(Mlp mlp, List<SparseBatch> data) {
        BatchMetrics total = BatchMetrics.EMPTY;
        for (SparseBatch batch : data) {
            total = total.plus(mlp.evaluateBatch(batch));
        }
        return total;
    }

    @ParameterizedTest(name = "{0} classes")
    @ValueSource(ints = {2, 4})
    void fitBatch_separableSparseProblem_reachesFullTrainingAccuracy(int classes) {
        List<SparseBatch> data = separable(classes, 8, 32, 100 + classes);
        BatchMetrics before = evaluate(Mlp.create(MlpConfig.DEFAULTS, FEATURES, classes, 3), data);
        Mlp mlp = train(classes, data, 40, 3);
        BatchMetrics after = evaluate(mlp, data);
        assertThat(after.accuracy()).isGreaterThanOrEqualTo(0.99);
        assertThat(after.loss()).isLessThan(before.loss() / 3);
    }

    @Test
    void fitBatch_sameSeeds_giveIdenticalWeights() {
        List<SparseBatch> data = separable(4, 4, 16, 7);
        Mlp first = train(4, data, 3, 9);
        Mlp second = train(4, data, 3, 9);
        Mlp other = train(4, data, 3, 10);
        for (int i = 0; i < first.parameters().size(); i++) {
            assertThat(second.parameters().get(i).values()).containsExactly(first.parameters().get(i).values());
        }
        assertThat(other.parameters().get(0).values()).isNotEqualTo(first.parameters().get(0).values());
    }

    @Test
    void predictBatch_anyNetwork_matchesNaiveDenseForwardInDouble() {
        for (int classes : new int[] {2, 5}) {
            Mlp mlp = train(classes, separable(Math.min(classes, 4), 2, 16, 11), 2, 12);
            SparseBatch batch = TestBatches.random(9, FEATURES, 12, classes, 13);
            float[] p = mlp.predictBatch(batch);
            double[][] x = TestBatches.densify(batch);
            List<Parameter> params = mlp.parameters();
            for (int r = 0; r < batch.rows(); r++) {
                double[] h = x[r];
                for (int l = 0; l < params.size() / 2; l++) {
                    Parameter kernel = params.get(2 * l);
                    int in = kernel.shape()[0];
                    int out = kernel.shape()[1];
                    double[] next = new double[out];
                    for (int o = 0; o < out; o++) {
                        double sum = params.get(2 * l + 1).values()[o];
                        for (int i = 0; i < in; i++) {
                            sum += h[i] * kernel.values()[i * out + o];
                        }
                        next[o] = l < params.size() / 2 - 1 ? Math.max(sum, 0) : sum;
                    }
                    h = next;
                }
                double[] expected = classes == 2 ? new double[] {1 - sigmoid(h[0]), sigmoid(h[0])} : softmax(h);
                for (int c = 0; c < classes; c++) {
                    assertThat((double) p[r * classes + c]).isCloseTo(expected[c], within(1e-5));
                }
            }
        }
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    private static double[] softmax(double[] z) {
        double sum = 0;
        double[] p = new double[z.length];
        for (int c = 0; c < z.length; c++) {
            p[c] = Math.exp(z[c]);
            sum += p[c];
        }
        for (int c = 0; c < z.length; c++) {
            p[c] /= sum;
        }
        return p;
    }

    @Test
    void predictBatchAndEvaluateBatch_concurrentCalls_agreeWithSequential() throws Exception {
        List<SparseBatch> data = separable(4, 4, 16, 21);
        Mlp mlp = train(4, data, 2, 22);
        List<SparseBatch> batches = new ArrayList<>();
        for (int b = 0; b < 40; b++) {
            batches.add(TestBatches.random(1 + b % 17, FEATURES, 20, 4, 100 + b));
        }
        List<float[]> predictions = new ArrayList<>();
        List<BatchMetrics> metrics = new ArrayList<>();
        for (SparseBatch batch : batches) {
            predictions.add(mlp.predictBatch(batch));
            metrics.add(mlp.evaluateBatch(batch));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> agreements = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t;
                agreements.add(pool.submit(() -> {
                    boolean same = true;
                    for (int round = 0; round < 20; round++) {
                        for (int j = 0; j < batches.size(); j++) {
                            int b = (j + offset * 7) % batches.size();
                            same &= Arrays.equals(mlp.predictBatch(batches.get(b)), predictions.get(b));
                            same &= mlp.evaluateBatch(batches.get(b)).equals(metrics.get(b));
                        }
                    }
                    return same;
                }));
            }
            for (Future<Boolean> agreement : agreements) {
                assertThat(agreement.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void fitBatch_unlabelledRow_throwsNamingTheRow() {
        Mlp mlp = Mlp.create(MlpConfig.DEFAULTS, 10, 3, 1);
        SparseBatch batch = new SparseBatch(10, new int[] {0, 1, 2}, new int[] {1, 2}, new float[] {1f, 1f},
                new int[] {0, -1});
        assertThatThrownBy(() -> mlp.fitBatch(batch, new Adam(AdamConfig.DEFAULTS), new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fitBatch: batch row 1 has no label (-1); expected a class id in [0, 3), found -1. "
                        + "Only labelled batches can be fitted or evaluated");
        assertThatThrownBy(() -> mlp.evaluateBatch(batch)).hasMessageStartingWith("evaluateBatch: batch row 1");
        assertThat(mlp.predictBatch(batch)).hasSize(6);
    }

    @Test
    void fitBatch_wrongFeatureCount_throws() {
        Mlp mlp = Mlp.create(MlpConfig.DEFAULTS, 10, 3, 1);
        SparseBatch batch = TestBatches.random(2, 11, 3, 3, 1);
        assertThatThrownBy(() -> mlp.fitBatch(batch, new Adam(AdamConfig.DEFAULTS), new SplittableRandom(1)))
                .hasMessage("fitBatch: the batch has the wrong number of features; expected 10, found 11");
    }

    @Test
    void parameters_defaultConfig_areNamedLikeKerasWithGlorotKernelsAndZeroBiases() {
        Mlp mlp = Mlp.create(MlpConfig.DEFAULTS, 500, 2, 1);
        assertThat(mlp.parameters()).extracting(Parameter::toString).containsExactly(
                "dense_1/kernel[500, 64]", "dense_1/bias[64]", "dense_2/kernel[64, 1]", "dense_2/bias[1]");
        float limit = (float) Math.sqrt(6.0 / (500 + 64));
        float[] kernel = mlp.parameters().get(0).values();
        double max = 0;
        for (float w : kernel) {
            max = Math.max(max, Math.abs(w));
        }
        assertThat(max).isLessThanOrEqualTo(limit).isGreaterThan(0.99 * limit);
        assertThat(mlp.parameters().get(1).values()).containsOnly(0f);
    }

    @Test
    void weightsRestoreInto_afterTraining_bringsBackTheSnapshot() {
        List<SparseBatch> data = separable(2, 2, 16, 31);
        Mlp mlp = Mlp.create(MlpConfig.DEFAULTS, FEATURES, 2, 32);
        Weights snapshot = Weights.copyOf(mlp);
        float[] predictedBefore = mlp.predictBatch(data.get(0));
        Adam adam = new Adam(AdamConfig.DEFAULTS);
        mlp.fitBatch(data.get(0), adam, new SplittableRandom(1));
        assertThat(mlp.predictBatch(data.get(0))).isNotEqualTo(predictedBefore);
        snapshot.restoreInto(mlp);
        assertThat(mlp.predictBatch(data.get(0))).containsExactly(predictedBefore);
        assertThatThrownBy(() -> snapshot.restoreInto(Mlp.create(MlpConfig.DEFAULTS, FEATURES + 1, 2, 32)))
                .hasMessage("parameter 0 differs; expected dense_1/kernel[100, 64], found dense_1/kernel[101, 64]");
    }

    @Test
    void computeGradients_afterEarlierSteps_equalsAFreshNetworkWithTheSameWeights() {
        List<SparseBatch> data = separable(4, 3, 16, 41);
        Mlp trained = Mlp.create(MlpConfig.DEFAULTS, FEATURES, 4, 42);
        Adam adam = new Adam(AdamConfig.DEFAULTS);
        trained.fitBatch(data.get(0), adam, new SplittableRandom(1));
        trained.fitBatch(data.get(1), adam, new SplittableRandom(2));
        Mlp fresh = Mlp.create(MlpConfig.DEFAULTS, FEATURES, 4, 0);
        Weights.copyOf(trained).restoreInto(fresh);

        Gradients afterSteps = trained.computeGradients(data.get(2), new SplittableRandom(3));
        Gradients first = fresh.computeGradients(data.get(2), new SplittableRandom(3));
        assertThat(afterSteps.rowCount(0)).isEqualTo(first.rowCount(0))
                .isGreaterThan((int) Arrays.stream(data.get(2).indices()).distinct().count() / 2);
        for (int i = 0; i < 4; i++) {
            assertThat(afterSteps.toDense(i)).as(afterSteps.name(i)).containsExactly(first.toDense(i));
        }
        assertThat(afterSteps.metrics()).isEqualTo(first.metrics());
    }

    @Test
    void useThreads_twoThreads_giveBitIdenticalWeightsAndStopOnClose() {
        List<SparseBatch> data = separable(4, 4, 32, 51);
        Mlp single = train(4, data, 2, 52);
        Mlp parallel = Mlp.create(MlpConfig.DEFAULTS, FEATURES, 4, 52);
        try (StepThreads threads = StepThreads.create(2)) {
            parallel.useThreads(threads);
            Adam adam = new Adam(AdamConfig.DEFAULTS);
            SplittableRandom dropout = new SplittableRandom(53);
            for (int e = 0; e < 2; e++) {
                for (SparseBatch batch : data) {
                    parallel.fitBatch(batch, adam, dropout);
                }
            }
            assertThat(Thread.getAllStackTraces().keySet()).anyMatch(t -> t.getName().startsWith("textclf-step-"));
        }
        for (int i = 0; i < single.parameters().size(); i++) {
            assertThat(parallel.parameters().get(i).values()).containsExactly(single.parameters().get(i).values());
        }
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("textclf-step-")
                && t.isAlive());
    }
}
