package org.textclf.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.textclf.batch.SparseBatch;

/** The whole network end to end: backward against central differences of the training-mode loss. */
class MlpGradientTest {

    private static final int FEATURES = 30;

    @ParameterizedTest(name = "layers {0}, classes {1}, dropout {2}")
    @CsvSource({"2, 2, 0.2", "2, 4, 0.2", "3, 3, 0.3", "1, 4, 0.2", "1, 2, 0.0", "3, 2, 0.0"})
    void computeGradients_fixedDropoutMask_matchFiniteDifferences(int layers, int classes, float dropoutRate) {
        MlpConfig config = MlpConfig.builder().layers(layers).units(6).dropoutRate(dropoutRate).build();
        Mlp mlp = Mlp.create(config, FEATURES, classes, 5);
        SparseBatch batch = TestBatches.random(6, FEATURES, 6, classes, 6);
        // Zero biases put a row whose hidden units are all zero exactly on relu's kink: move them off it.
        for (int l = 1; l < mlp.parameters().size(); l += 2) {
            float[] bias = mlp.parameters().get(l).values();
            System.arraycopy(TestBatches.randomFloats(bias.length, 0.1, 8 + l), 0, bias, 0, bias.length);
        }
        long maskSeed = 7; // the same seed on every forward pass gives the same dropout masks
        Gradients gradients = mlp.computeGradients(batch, new SplittableRandom(maskSeed));
        List<Parameter> parameters = mlp.parameters();
        float[][] analytic = new float[parameters.size()][];
        for (int i = 0; i < parameters.size(); i++) {
            analytic[i] = gradients.toDense(i); // a copy: the loss below recomputes into the same buffer
        }
        assertThat(gradients.isRowSparse(0)).isTrue();
        assertThat(gradients.rowCount(0)).isPositive().isLessThanOrEqualTo(FEATURES);

        int checked = 0;
        int skipped = 0;
        for (int i = 0; i < parameters.size(); i++) {
            Parameter p = parameters.get(i);
            checked += p.size();
            skipped += GradientCheck.checkSkippingKinks(p.name(), p.values(), analytic[i],
                    GradientCheck.all(p.size()), 1e-3f, 5e-5, 1e-2, 1e-3,
                    () -> mlp.computeGradients(batch, new SplittableRandom(maskSeed)).metrics().loss());
        }
        assertThat(skipped).as("points skipped on relu kinks, of " + checked).isLessThanOrEqualTo(checked / 20);
        assertAbsentFeaturesHaveZeroGradient(batch, analytic[0], parameters.get(0).shape()[1]);
    }

    @ParameterizedTest(name = "classes {0}")
    @CsvSource({"2", "3"})
    void computeGradients_classWeights_matchFiniteDifferencesOfTheWeightedLoss(int classes) {
        Mlp mlp = Mlp.create(MlpConfig.builder().layers(2).units(6).dropoutRate(0f).build(), FEATURES, classes, 5);
        for (int l = 1; l < mlp.parameters().size(); l += 2) {
            float[] bias = mlp.parameters().get(l).values();
            System.arraycopy(TestBatches.randomFloats(bias.length, 0.1, 8 + l), 0, bias, 0, bias.length);
        }
        SparseBatch batch = TestBatches.random(6, FEATURES, 6, classes, 6);
        double unweighted = mlp.evaluateBatch(batch).lossSum();
        float[] weights = new float[classes];
        for (int c = 0; c < classes; c++) {
            weights[c] = 0.5f + 1.5f * c;
        }
        mlp.useClassWeights(weights);
        assertThat(mlp.evaluateBatch(batch).lossSum()).as("the validation loss is weighted too")
                .isNotCloseTo(unweighted, org.assertj.core.api.Assertions.within(1e-3));
        Gradients gradients = mlp.computeGradients(batch, new SplittableRandom(7));
        List<Parameter> parameters = mlp.parameters();
        float[][] analytic = new float[parameters.size()][];
        for (int i = 0; i < parameters.size(); i++) {
            analytic[i] = gradients.toDense(i); // a copy: the loss below recomputes into the same buffer
        }
        for (int i = 0; i < parameters.size(); i++) {
            Parameter p = parameters.get(i);
            GradientCheck.checkSkippingKinks(p.name(), p.values(), analytic[i], GradientCheck.all(p.size()), 1e-3f,
                    5e-5, 1e-2, 1e-3, () -> mlp.computeGradients(batch, new SplittableRandom(7)).metrics().loss());
        }
        mlp.useClassWeights(null);
        assertThat(mlp.evaluateBatch(batch).lossSum()).isEqualTo(unweighted);
    }

    private static void assertAbsentFeaturesHaveZeroGradient(SparseBatch batch, float[] kernelGradient, int width) {
        boolean[] present = new boolean[FEATURES];
        for (int feature : batch.indices()) {
            present[feature] = true;
        }
        for (int feature = 0; feature < FEATURES; feature++) {
            if (!present[feature]) {
                for (int o = 0; o < width; o++) {
                    assertThat(kernelGradient[feature * width + o]).isZero();
                }
            }
        }
    }
}
