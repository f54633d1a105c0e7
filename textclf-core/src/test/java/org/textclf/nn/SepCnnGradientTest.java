package org.textclf.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.textclf.batch.SequenceBatch;

/** The whole network end to end on padded rows: backward against central differences of the training loss. */
class SepCnnGradientTest {

    private static final int VOCABULARY = 11;

    @ParameterizedTest(name = "blocks {0}, classes {1}, kernel {2}, pool {3}, dropout {4}, threads {5}")
    @CsvSource({"2, 2, 3, 2, 0.0, 1", "2, 3, 3, 3, 0.0, 1", "3, 2, 2, 2, 0.0, 1", "1, 3, 3, 2, 0.0, 1",
        "2, 2, 3, 2, 0.3, 1", "2, 3, 3, 2, 0.0, 2"})
    void computeGradients_paddedRows_matchFiniteDifferences(int blocks, int classes, int kernelSize, int poolSize,
                                                            float dropoutRate, int threadCount) {
        SepCnnConfig config = new SepCnnConfig(blocks, 3, kernelSize, poolSize, dropoutRate, 4);
        SepCnn net = SepCnn.create(config, VOCABULARY, classes, 5);
        SequenceBatch batch = SequenceBatches.random(VOCABULARY, new int[] {9, 0, 1, 2, 5, 7}, classes, 6);
        List<Parameter> parameters = net.parameters();
        // Keras' embedding scale (0.05) would leave the biases alone deciding every relu; give the inputs weight.
        float[] table = parameters.get(0).values();
        System.arraycopy(TestBatches.randomFloats(table.length, 1, 4), 0, table, 0, table.length);
        // Zero biases put positions whose inputs are all zero exactly on relu's kink: move them off it.
        for (int i = 3; i < parameters.size(); i += 3) {
            float[] bias = parameters.get(i).values();
            System.arraycopy(TestBatches.randomFloats(bias.length, 0.1, 8 + i), 0, bias, 0, bias.length);
        }
        try (StepThreads threads = StepThreads.create(threadCount)) {
            net.useThreads(threads);
            long maskSeed = 7; // the same seed on every pass gives the same dropout masks
            Gradients gradients = net.computeGradients(batch, new SplittableRandom(maskSeed));
            float[][] analytic = new float[parameters.size()][];
            for (int i = 0; i < parameters.size(); i++) {
                analytic[i] = gradients.toDense(i); // a copy: the loss below recomputes into the same buffer
            }
            for (int i = 0; i < parameters.size(); i++) {
                assertThat(analytic[i]).as("%s: some gradient to check", parameters.get(i).name())
                        .isNotEqualTo(new float[analytic[i].length]);
            }
            assertThat(gradients.isRowSparse(0)).isTrue();
            assertThat(Arrays.copyOf(gradients.rows(0), gradients.rowCount(0))).as("the batch's tokens, ascending")
                    .isSorted().doesNotHaveDuplicates().doesNotContain(0);
            int checked = 0;
            int skipped = 0;
            for (int i = 0; i < parameters.size(); i++) {
                Parameter p = parameters.get(i);
                checked += p.size();
                skipped += GradientCheck.checkSkippingKinks(p.name(), p.values(), analytic[i],
                        GradientCheck.all(p.size()), 1e-3f, 5e-5, 1e-2, 1e-4,
                        () -> net.computeGradients(batch, new SplittableRandom(maskSeed)).metrics().loss());
            }
            assertThat(skipped).as("points skipped on relu kinks, of " + checked).isLessThanOrEqualTo(checked / 10);
            int dim = config.embeddingDim();
            for (int j = 0; j < dim; j++) {
                assertThat(analytic[0][j]).as("padding token 0 never occurs in a real position").isZero();
            }
        }
    }
}
