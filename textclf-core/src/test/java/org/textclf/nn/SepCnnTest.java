package org.textclf.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.textclf.batch.SequenceBatch;

class SepCnnTest {

    private static final int VOCABULARY = 50;
    private static final SepCnnConfig SMALL = SepCnnConfig.builder().filters(8).embeddingDim(12).build();

    @ParameterizedTest(name = "classes {0}, threads {1}")
    @CsvSource({"2, 1", "3, 1", "2, 2"})
    void predictBatch_sequenceAloneOrPaddedBesideLongerOnes_samePrediction(int classes, int threadCount) {
        SepCnn net = SepCnn.create(SMALL, VOCABULARY, classes, 3);
        int[] lengths = {0, 1, 2, 3, 4, 7, 10, 31};
        SequenceBatch batch = SequenceBatches.random(VOCABULARY, lengths, classes, 4);
        try (StepThreads threads = StepThreads.create(threadCount)) {
            net.useThreads(threads);
            float[] together = net.predictBatch(batch);
            assertThat(batch.width()).isEqualTo(31);
            for (int r = 0; r < lengths.length; r++) {
                SequenceBatch alone = SequenceBatch.of(VOCABULARY, new int[][] {batch.sequence(r)}, new int[] {0});
                float[] p = net.predictBatch(alone);
                for (int c = 0; c < classes; c++) {
                    assertThat(together[r * classes + c]).as("row %d (length %d), class %d", r, lengths[r], c)
                            .isCloseTo(p[c], within(1e-6f));
                }
            }
            net.useThreads(null);
        }
        float[] p = net.predictBatch(batch);
        for (int r = 0; r < lengths.length; r++) {
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                sum += p[r * classes + c];
            }
            assertThat(sum).isCloseTo(1.0, within(1e-5));
        }
    }

    @Test
    void fitBatch_twoThreads_sameWeightsAndMetricsAsOneWithinRounding() {
        SequenceBatch batch = SequenceBatches.random(VOCABULARY, new int[] {5, 0, 12, 3, 9, 1, 20, 7, 2}, 3, 5);
        SepCnn one = SepCnn.create(SMALL, VOCABULARY, 3, 6);
        SepCnn two = SepCnn.create(SMALL, VOCABULARY, 3, 6);
        Adam adamOne = new Adam(AdamConfig.DEFAULTS);
        Adam adamTwo = new Adam(AdamConfig.DEFAULTS);
        SplittableRandom randomOne = new SplittableRandom(7);
        SplittableRandom randomTwo = new SplittableRandom(7);
        try (StepThreads threads = StepThreads.create(2)) {
            two.useThreads(threads);
            for (int step = 0; step < 3; step++) {
                BatchMetrics a = one.fitBatch(batch, adamOne, randomOne);
                BatchMetrics b = two.fitBatch(batch, adamTwo, randomTwo);
                assertThat(b.lossSum()).isCloseTo(a.lossSum(), within(1e-5));
                assertThat(b.correct()).isEqualTo(a.correct());
            }
        }
        for (int i = 0; i < one.parameters().size(); i++) {
            float[] a = one.parameters().get(i).values();
            float[] b = two.parameters().get(i).values();
            for (int j = 0; j < a.length; j++) {
                assertThat(b[j]).as("%s[%d]", one.parameters().get(i).name(), j).isCloseTo(a[j], within(1e-5f));
            }
        }
    }

    @Test
    void fitBatch_frozenEmbedding_leavesItAndUpdatesTheRest_thenFineTunesOnlyTheBatchTokens() {
        SepCnn net = SepCnn.create(SMALL, VOCABULARY, 2, 8);
        SequenceBatch batch = SequenceBatch.of(VOCABULARY, new int[][] {{3, 4, 5}, {6, 3}}, new int[] {0, 1});
        Weights before = Weights.copyOf(net);
        Adam adam = new Adam(AdamConfig.DEFAULTS);
        net.setEmbeddingTrainable(false);
        assertThat(net.isEmbeddingTrainable()).isFalse();
        net.fitBatch(batch, adam, new SplittableRandom(9));
        assertThat(net.parameters().get(0).values()).containsExactly(before.values(0));
        for (int i = 1; i < net.parameters().size(); i++) {
            assertThat(net.parameters().get(i).values()).as(net.parameters().get(i).name())
                    .isNotEqualTo(before.values(i));
        }
        net.setEmbeddingTrainable(true);
        net.fitBatch(batch, adam, new SplittableRandom(10));
        float[] table = net.parameters().get(0).values();
        float[] old = before.values(0);
        int dim = SMALL.embeddingDim();
        for (int token = 0; token < VOCABULARY; token++) {
            float[] row = Arrays.copyOfRange(table, token * dim, (token + 1) * dim);
            float[] oldRow = Arrays.copyOfRange(old, token * dim, (token + 1) * dim);
            if (token >= 3 && token <= 6) {
                assertThat(row).as("token %d", token).isNotEqualTo(oldRow);
            } else {
                assertThat(row).as("token %d", token).containsExactly(oldRow);
            }
        }
    }

    @Test
    void computeGradients_frozenEmbedding_listsNoRowsAndApplyGradientsLeavesTheEmbedding() {
        SepCnn net = SepCnn.create(SMALL, VOCABULARY, 2, 8);
        SequenceBatch batch = SequenceBatch.of(VOCABULARY, new int[][] {{3, 4, 5}, {6, 3}}, new int[] {0, 1});
        Gradients trainable = net.computeGradients(batch, new SplittableRandom(1)).copy();
        assertThat(Arrays.copyOf(trainable.rows(0), trainable.rowCount(0))).containsExactly(3, 4, 5, 6);
        net.setEmbeddingTrainable(false);
        assertThat(net.computeGradients(batch, new SplittableRandom(1)).rowCount(0)).isZero();
        float[] table = net.parameters().get(0).values().clone();
        net.applyGradients(trainable, new Adam(AdamConfig.DEFAULTS));
        assertThat(net.parameters().get(0).values()).containsExactly(table);
        assertThat(net.parameters().get(1).values()).isNotEqualTo(Weights.copyOf(
                SepCnn.create(SMALL, VOCABULARY, 2, 8)).values(1));
    }

    @Test
    void parameters_defaults_kerasNamesShapesAndOrder() {
        SepCnn net = SepCnn.create(SepCnnConfig.DEFAULTS, 20_002, 2, 1);
        List<String> described = net.parameters().stream().map(Parameter::toString).toList();
        assertThat(described).containsExactly(
                "embedding/embeddings[20002, 200]",
                "separable_conv1d_1/depthwise_kernel[3, 200, 1]", "separable_conv1d_1/pointwise_kernel[1, 200, 64]",
                "separable_conv1d_1/bias[64]",
                "separable_conv1d_2/depthwise_kernel[3, 64, 1]", "separable_conv1d_2/pointwise_kernel[1, 64, 64]",
                "separable_conv1d_2/bias[64]",
                "separable_conv1d_3/depthwise_kernel[3, 64, 1]", "separable_conv1d_3/pointwise_kernel[1, 64, 128]",
                "separable_conv1d_3/bias[128]",
                "separable_conv1d_4/depthwise_kernel[3, 128, 1]",
                "separable_conv1d_4/pointwise_kernel[1, 128, 128]", "separable_conv1d_4/bias[128]",
                "dense/kernel[128, 1]", "dense/bias[1]");
        assertThat(net.config()).isEqualTo(SepCnnConfig.DEFAULTS);
        assertThat(net.vocabulary()).isEqualTo(20_002);
        assertThat(net.classes()).isEqualTo(2);
        assertThat(SepCnn.create(SMALL, VOCABULARY, 5, 1).parameters().get(13).shape()).containsExactly(16, 5);
    }

    @Test
    void create_kerasInitializers_embeddingWithinFiveHundredthsKernelsWithinGlorotLimitBiasesZero() {
        SepCnn net = SepCnn.create(SepCnnConfig.DEFAULTS, 1000, 4, 2);
        float[] table = net.parameters().get(0).values();
        assertThat(max(table)).isLessThanOrEqualTo(0.05f).isGreaterThan(0.049f);
        float[] pointwise = net.parameters().get(2).values(); // [1, 200, 64]: limit sqrt(6 / 264)
        assertThat(max(pointwise)).isLessThanOrEqualTo((float) Math.sqrt(6.0 / 264)).isGreaterThan(0.14f);
        float[] depthwise = net.parameters().get(1).values(); // [3, 200, 1]: fans 600 and 3
        assertThat(max(depthwise)).isLessThanOrEqualTo((float) Math.sqrt(6.0 / 603)).isGreaterThan(0.09f);
        assertThat(net.parameters().get(3).values()).containsOnly(0f);
        assertThat(SepCnn.create(SepCnnConfig.DEFAULTS, 1000, 4, 2).parameters().get(1).values())
                .containsExactly(depthwise);
    }

    private static float max(float[] values) {
        float m = 0;
        for (float v : values) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    @Test
    void withEmbeddings_pretrainedMatrix_startsFromACopy() {
        float[] pretrained = TestBatches.randomFloats(VOCABULARY * SMALL.embeddingDim(), 1, 11);
        SepCnn net = SepCnn.withEmbeddings(SMALL, pretrained, VOCABULARY, 2, 1);
        assertThat(net.parameters().get(0).values()).containsExactly(pretrained).isNotSameAs(pretrained);
        assertThat(net.isEmbeddingTrainable()).isTrue();
    }

    @Test
    void withEmbeddings_wrongSize_throwsStatingBothSizes() {
        assertThatThrownBy(() -> SepCnn.withEmbeddings(SMALL, new float[100], VOCABULARY, 2, 1))
                .hasMessage("the embedding matrix has the wrong size; expected vocabulary x embeddingDim = 50 x 12"
                        + " = 600 values, found 100");
    }

    @Test
    void create_badArguments_throwStatingTheRule() {
        assertThatThrownBy(() -> SepCnn.create(SMALL, 0, 2, 1)).hasMessage("vocabulary must be at least 1; found 0");
        assertThatThrownBy(() -> SepCnn.create(SMALL, 10, 1, 1)).hasMessage("classes must be at least 2; found 1");
    }

    @Test
    void fitBatch_badBatches_throwNamingTheRow() {
        SepCnn net = SepCnn.create(SMALL, VOCABULARY, 2, 1);
        Adam adam = new Adam(AdamConfig.DEFAULTS);
        SplittableRandom random = new SplittableRandom(1);
        assertThatThrownBy(() -> net.fitBatch(SequenceBatch.of(VOCABULARY, new int[][] {{1}, {2}}, new int[] {0, -1}),
                adam, random)).hasMessage("fitBatch: batch row 1 has no label (-1); expected a class id in [0, 2), "
                + "found -1. Only labelled batches can be fitted or evaluated");
        assertThatThrownBy(() -> net.predictBatch(SequenceBatch.of(VOCABULARY, new int[][] {{1, 50}}, new int[] {0})))
                .hasMessage("predictBatch: batch row 0 has a token out of range; expected an id in [0, 50), found 50");
        assertThatThrownBy(() -> net.evaluateBatch(SequenceBatch.of(7, new int[][] {{1}}, new int[] {0})))
                .hasMessage("evaluateBatch: the batch has the wrong vocabulary; expected 50 token ids, found 7");
        assertThatThrownBy(() -> net.fitBatch(SequenceBatch.of(VOCABULARY, new int[0][], new int[0]), adam, random))
                .hasMessage("fitBatch: the batch has no rows; expected at least 1");
    }

    @Test
    void config_defaultsAndBuilder_guideValues() {
        assertThat(SepCnnConfig.DEFAULTS).isEqualTo(new SepCnnConfig(2, 64, 3, 3, 0.2f, 200));
        assertThat(SepCnnConfig.builder().build()).isEqualTo(SepCnnConfig.DEFAULTS);
        assertThat(SepCnnConfig.builder().blocks(1).filters(2).kernelSize(5).poolSize(2).dropoutRate(0f)
                .embeddingDim(7).build()).isEqualTo(new SepCnnConfig(1, 2, 5, 2, 0f, 7));
    }

    @Test
    void config_badValues_throwStatingTheRule() {
        assertThatThrownBy(() -> SepCnnConfig.builder().blocks(0).build())
                .hasMessage("blocks must be at least 1; found 0");
        assertThatThrownBy(() -> SepCnnConfig.builder().filters(-1).build())
                .hasMessage("filters must be at least 1; found -1");
        assertThatThrownBy(() -> SepCnnConfig.builder().kernelSize(0).build())
                .hasMessage("kernelSize must be at least 1; found 0");
        assertThatThrownBy(() -> SepCnnConfig.builder().poolSize(0).build())
                .hasMessage("poolSize must be at least 1; found 0");
        assertThatThrownBy(() -> SepCnnConfig.builder().dropoutRate(1f).build())
                .hasMessage("dropoutRate must be in [0, 1); found 1.0");
        assertThatThrownBy(() -> SepCnnConfig.builder().embeddingDim(0).build())
                .hasMessage("embeddingDim must be at least 1; found 0");
    }

    @Test
    void predictBatch_weightsChangedBetweenCalls_predictsWithTheNewWeights() {
        SepCnn net = SepCnn.create(SMALL, VOCABULARY, 3, 9);
        SequenceBatch batch = SequenceBatches.random(VOCABULARY, new int[] {4, 1, 9, 6}, 3, 10);
        float[] before = net.predictBatch(batch); // leaves its buffers, weight rows included, for the next call
        float[] kernel = net.parameters().get(2).values(); // the first pointwise kernel, changed in place
        float[] original = kernel.clone();
        for (int j = 0; j < kernel.length; j++) {
            kernel[j] *= -3f;
        }
        float[] changed = net.predictBatch(batch);
        assertThat(changed).isNotEqualTo(before);
        SepCnn fresh = SepCnn.create(SMALL, VOCABULARY, 3, 9);
        Weights.copyOf(net).restoreInto(fresh);
        assertThat(changed).as("as a network that never predicted before").containsExactly(fresh.predictBatch(batch));
        System.arraycopy(original, 0, kernel, 0, kernel.length);
        assertThat(net.predictBatch(batch)).containsExactly(before);
    }

    @Test
    void predictBatch_manyCallersAtOnce_eachGetsItsOwnBatchsPredictions() throws Exception {
        SepCnn net = SepCnn.create(SMALL, VOCABULARY, 2, 11);
        SequenceBatch[] batches = new SequenceBatch[6];
        float[][] expected = new float[batches.length][];
        for (int i = 0; i < batches.length; i++) {
            batches[i] = SequenceBatches.random(VOCABULARY, new int[] {1 + i, 30 - 4 * i, 7, 0, 2 * i}, 2, 20 + i);
            expected[i] = net.predictBatch(batches[i]);
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<?>> calls = new java.util.ArrayList<>();
            for (int c = 0; c < 4; c++) {
                calls.add(pool.submit(() -> {
                    for (int k = 0; k < 200; k++) {
                        int i = k % batches.length;
                        assertThat(net.predictBatch(batches[i])).as("batch %d", i).containsExactly(expected[i]);
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> call : calls) {
                call.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
