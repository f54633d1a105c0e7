package org.textclf.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.textclf.batch.BatchRows;
import org.textclf.batch.Example;
import org.textclf.batch.SequenceBatch;
import org.textclf.batch.SparseBatch;

/**
 * The public gradient seam of every network: {@link Network#computeGradients} then {@link Network#applyGradients}
 * is {@link Network#fitBatch}, bit for bit, and the weighted sum of two halves' gradients is the whole batch's.
 */
class GradientSeamTest {

    private static final int FEATURES = 40;
    private static final int VOCABULARY = 30;

    /**
     * One kind of network with its batches.
     *
     * @param threads 1, or 2 to run the networks' steps on a pool of two
     */
    record Family<B>(String name, Supplier<Network<B>> create, BatchRows<B> rows, List<B> batches, int threads) {
        @Override
        public String toString() {
            return name + (threads > 1 ? ", 2 threads" : "");
        }
    }

    private static List<SparseBatch> sparseBatches(int classes) {
        List<SparseBatch> batches = new ArrayList<>();
        for (int b = 0; b < 4; b++) {
            batches.add(TestBatches.random(9 + b, FEATURES, 7, classes, 20 + b));
        }
        return batches;
    }

    private static List<SequenceBatch> sequenceBatches(int classes) {
        List<SequenceBatch> batches = new ArrayList<>();
        for (int b = 0; b < 3; b++) {
            batches.add(SequenceBatches.random(VOCABULARY, new int[] {4, 0, 9, 2, 6, 1, 11}, classes, 30 + b));
        }
        return batches;
    }

    /** Every network, with dropout {@code dropoutRate} where it has any. */
    static Stream<Family<?>> families(float dropoutRate) {
        MlpConfig mlp = MlpConfig.builder().units(8).dropoutRate(dropoutRate).build();
        MlpConfig deep = MlpConfig.builder().layers(3).units(6).dropoutRate(dropoutRate).build();
        SepCnnConfig sepCnn = SepCnnConfig.builder().filters(4).embeddingDim(6).dropoutRate(dropoutRate).build();
        List<Family<?>> families = new ArrayList<>();
        for (int threads : new int[] {1, 2}) {
            families.add(new Family<>("mlp, 2 classes", () -> Mlp.create(mlp, FEATURES, 2, 1),
                    SparseBatch.rows(FEATURES), sparseBatches(2), threads));
            families.add(new Family<>("mlp, 3 layers, 4 classes", () -> Mlp.create(deep, FEATURES, 4, 2),
                    SparseBatch.rows(FEATURES), sparseBatches(4), threads));
            families.add(new Family<>("sepcnn, 3 classes", () -> SepCnn.create(sepCnn, VOCABULARY, 3, 3),
                    SequenceBatch.rows(VOCABULARY), sequenceBatches(3), threads));
        }
        families.add(new Family<>("linear, 2 classes", () -> Linear.create(new LinearConfig(0.05f), FEATURES, 2, 4),
                SparseBatch.rows(FEATURES), sparseBatches(2), 1));
        families.add(new Family<>("linear, 5 classes", () -> Linear.create(new LinearConfig(0.05f), FEATURES, 5, 5),
                SparseBatch.rows(FEATURES), sparseBatches(5), 1));
        families.add(new Family<>("linear, no penalty", () -> Linear.create(new LinearConfig(0f), FEATURES, 3, 6),
                SparseBatch.rows(FEATURES), sparseBatches(3), 1));
        return families.stream();
    }

    static Stream<Family<?>> withDropout() {
        return families(0.3f);
    }

    static Stream<Family<?>> withoutDropout() {
        return families(0f);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withDropout")
    <B> void fitBatch_anyNetwork_sameWeightsAndOptimizerStateAsComputeGradientsThenApplyGradients(Family<B> family) {
        Network<B> fused = family.create().get();
        Network<B> split = family.create().get();
        Adam fusedAdam = new Adam(AdamConfig.DEFAULTS);
        Adam splitAdam = new Adam(AdamConfig.DEFAULTS);
        SplittableRandom fusedRandom = new SplittableRandom(7);
        SplittableRandom splitRandom = new SplittableRandom(7);
        try (StepThreads a = StepThreads.create(family.threads());
             StepThreads b = StepThreads.create(family.threads())) {
            fused.useThreads(a);
            split.useThreads(b);
            for (int epoch = 0; epoch < 3; epoch++) {
                for (B batch : family.batches()) {
                    BatchMetrics metrics = fused.fitBatch(batch, fusedAdam, fusedRandom);
                    Gradients gradients = split.computeGradients(batch, splitRandom);
                    assertThat(gradients.metrics()).isEqualTo(metrics);
                    split.applyGradients(gradients, splitAdam);
                }
            }
        }
        for (int i = 0; i < fused.parameters().size(); i++) {
            assertThat(split.parameters().get(i).values()).as(fused.parameters().get(i).name())
                    .containsExactly(fused.parameters().get(i).values());
        }
        assertThat(splitAdam.exportState()).isEqualTo(fusedAdam.exportState());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withoutDropout")
    <B> void computeGradients_halvesScaledByTheirRowsAndAdded_equalTheWholeBatchs(Family<B> family) {
        Network<B> trained = family.create().get();
        Adam adam = new Adam(AdamConfig.builder().learningRate(0.05f).build());
        SplittableRandom random = new SplittableRandom(8);
        for (B batch : family.batches()) {
            trained.fitBatch(batch, adam, random); // weights away from their start, Linear's away from zero
        }
        B batch = family.batches().get(3 % family.batches().size());
        int rows = family.rows().size(batch);
        int half = rows / 2;
        B first = slice(family.rows(), batch, 0, half);
        B second = slice(family.rows(), batch, half, rows);
        Network<B> left = replica(family, trained);
        Network<B> right = replica(family, trained);
        try (StepThreads a = StepThreads.create(family.threads());
             StepThreads b = StepThreads.create(family.threads())) {
            left.useThreads(a);
            right.useThreads(b);
            trained.useThreads(null);
            Gradients whole = trained.computeGradients(batch, random).copy();
            Gradients sum = left.computeGradients(first, random).scale((float) half / rows)
                    .add(right.computeGradients(second, random).scale((float) (rows - half) / rows));
            for (int i = 0; i < whole.parameterCount(); i++) {
                float[] expected = whole.toDense(i);
                float[] actual = sum.toDense(i);
                for (int j = 0; j < expected.length; j++) {
                    assertThat(actual[j]).as("%s[%d]", whole.name(i), j).isCloseTo(expected[j], within(1e-6f));
                }
                if (whole.isRowSparse(i)) {
                    assertThat(Arrays.copyOf(sum.rows(i), sum.rowCount(i))).as("%s: the union", whole.name(i))
                            .containsExactly(Arrays.copyOf(whole.rows(i), whole.rowCount(i)));
                }
            }
            assertThat(sum.metrics().count()).isEqualTo(rows);
            assertThat(sum.metrics().correct()).isEqualTo(whole.metrics().correct());
            assertThat(sum.metrics().lossSum()).isCloseTo(whole.metrics().lossSum(), within(1e-5));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withDropout")
    <B> void applyGradients_gradientsShippedThroughAStream_keepTheReplicaIdenticalToTheSender(Family<B> family)
            throws IOException {
        Network<B> sender = family.create().get();
        Network<B> replica = family.create().get();
        Adam senderAdam = new Adam(AdamConfig.DEFAULTS);
        Adam replicaAdam = new Adam(AdamConfig.DEFAULTS);
        SplittableRandom random = new SplittableRandom(9);
        for (int epoch = 0; epoch < 2; epoch++) {
            for (B batch : family.batches()) {
                Gradients gradients = sender.computeGradients(batch, random);
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                gradients.write(new DataOutputStream(bytes));
                Gradients received = Gradients.read(new DataInputStream(
                        new ByteArrayInputStream(bytes.toByteArray())));
                assertThat(received.metrics()).isEqualTo(gradients.metrics());
                sender.applyGradients(gradients, senderAdam);
                replica.applyGradients(received, replicaAdam);
            }
        }
        for (int i = 0; i < sender.parameters().size(); i++) {
            assertThat(replica.parameters().get(i).values()).containsExactly(sender.parameters().get(i).values());
        }
    }

    @Test
    void computeGradients_secondCall_overwritesTheSameBufferWhileACopyStays() {
        Mlp mlp = Mlp.create(MlpConfig.DEFAULTS, FEATURES, 3, 1);
        List<SparseBatch> batches = sparseBatches(3);
        Gradients first = mlp.computeGradients(batches.get(0), new SplittableRandom(1));
        Gradients kept = first.copy();
        float[] kernel = kept.toDense(0);
        Gradients second = mlp.computeGradients(batches.get(1), new SplittableRandom(1));
        assertThat(second).isSameAs(first);
        assertThat(kept.toDense(0)).containsExactly(kernel).isNotEqualTo(second.toDense(0));
        assertThat(kept.metrics().count()).isEqualTo(batches.get(0).rows());
    }

    @Test
    void applyGradients_anotherNetworksGradients_throwsNamingBothParameters() {
        Mlp mlp = Mlp.create(MlpConfig.DEFAULTS, FEATURES, 2, 1);
        Mlp wider = Mlp.create(MlpConfig.DEFAULTS, FEATURES + 1, 2, 1);
        Gradients gradients = wider.computeGradients(TestBatches.random(4, FEATURES + 1, 5, 2, 1),
                new SplittableRandom(1));
        assertThatThrownBy(() -> mlp.applyGradients(gradients, new Adam(AdamConfig.DEFAULTS)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("applyGradients: gradient 0 is for another parameter; expected dense_1/kernel[40, 64], "
                        + "found dense_1/kernel[41, 64]");
        Linear linear = Linear.create(LinearConfig.DEFAULTS, FEATURES, 2, 1);
        assertThatThrownBy(() -> linear.applyGradients(gradients, new Adam(AdamConfig.DEFAULTS)))
                .hasMessage("applyGradients: the gradients are for 4 parameters [dense_1/kernel, dense_1/bias, "
                        + "dense_2/kernel, dense_2/bias]; this network has 2: [dense_1/kernel[40, 1], "
                        + "dense_1/bias[1]]");
    }

    @Test
    void computeGradients_unlabelledRow_throwsNamingTheMethod() {
        SparseBatch batch = new SparseBatch(FEATURES, new int[] {0, 1, 2}, new int[] {1, 2}, new float[] {1f, 1f},
                new int[] {0, -1});
        String message = "computeGradients: batch row 1 has no label (-1); expected a class id in [0, 2), found -1."
                + " Only labelled batches can be fitted or evaluated";
        assertThatThrownBy(() -> Mlp.create(MlpConfig.DEFAULTS, FEATURES, 2, 1).computeGradients(batch,
                new SplittableRandom(1))).hasMessage(message);
        assertThatThrownBy(() -> Linear.create(LinearConfig.DEFAULTS, FEATURES, 2, 1).computeGradients(batch,
                new SplittableRandom(1))).hasMessage(message);
    }

    private static <B> Network<B> replica(Family<B> family, Network<B> of) {
        Network<B> replica = family.create().get();
        Weights.copyOf(of).restoreInto(replica);
        return replica;
    }

    private static <B> B slice(BatchRows<B> rows, B batch, int from, int to) {
        List<Example> examples = new ArrayList<>();
        for (int r = from; r < to; r++) {
            examples.add(rows.row(batch, r));
        }
        return rows.assemble(examples);
    }
}
