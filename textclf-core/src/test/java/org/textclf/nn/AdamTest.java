package org.textclf.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AdamTest {

    private static Parameter parameter(String name, int[] shape, float... values) {
        Parameter p = new Parameter(name, shape);
        System.arraycopy(values, 0, p.values(), 0, values.length);
        return p;
    }

    @Test
    void updateDense_twoSteps_matchesHandComputedValues() {
        // By hand (double): alpha_1 = 0.01 sqrt(1 - 0.999) / (1 - 0.9) = 0.0031622777,
        // alpha_2 = 0.01 sqrt(1 - 0.999^2) / (1 - 0.9^2) = 0.0023531673; m, v, w as in Adam's Javadoc.
        Parameter w = parameter("w", new int[] {3}, 1.0f, -2.0f, 0.5f);
        Adam adam = new Adam(AdamConfig.builder().learningRate(0.01f).build());

        adam.beginStep();
        adam.updateDense(w, new float[] {0.1f, -0.5f, 0.0f});
        assertThat(w.values()).containsExactly(new float[] {0.990000316f, -1.990000063f, 0.5f}, within(1e-6f));

        adam.beginStep();
        adam.updateDense(w, new float[] {0.2f, 0.3f, -1.0f});
        assertThat(w.values()).containsExactly(new float[] {0.980348632f, -1.988085093f, 0.507441345f},
                within(1e-6f));
        assertThat(adam.iterations()).isEqualTo(2);
        AdamState.Slot slot = adam.exportState().slots().get(0);
        assertThat(slot.m()).containsExactly(new float[] {0.029f, -0.015f, -0.1f}, within(1e-7f));
        assertThat(slot.v()).containsExactly(new float[] {4.999e-5f, 3.3975e-4f, 1e-3f}, within(1e-9f));
    }

    @Test
    void updateRows_everyRowTouched_agreesBitForBitWithDense() {
        int rows = 50;
        int width = 8;
        float[] start = TestBatches.randomFloats(rows * width, 1, 71);
        Parameter dense = parameter("k", new int[] {rows, width}, start);
        Parameter lazy = parameter("k", new int[] {rows, width}, start);
        Adam denseAdam = new Adam(AdamConfig.DEFAULTS);
        Adam lazyAdam = new Adam(AdamConfig.DEFAULTS);
        int[] everyRow = GradientCheck.all(rows);
        for (int step = 0; step < 5; step++) {
            float[] gradient = TestBatches.randomFloats(rows * width, 0.1, 72 + step);
            denseAdam.beginStep();
            denseAdam.updateDense(dense, gradient);
            lazyAdam.beginStep();
            lazyAdam.updateRows(lazy, gradient, everyRow, rows);
        }
        assertThat(lazy.values()).containsExactly(dense.values());
        assertThat(lazyAdam.exportState()).isEqualTo(denseAdam.exportState());
    }

    @Test
    void updateRows_rowSkippedAfterFirstStep_keepsItsValuesAndMomentsWhereDenseAdamWouldMoveIt() {
        Parameter lazy = parameter("k", new int[] {2, 2}, 1f, 1f, 1f, 1f);
        Parameter dense = parameter("k", new int[] {2, 2}, 1f, 1f, 1f, 1f);
        Adam lazyAdam = new Adam(AdamConfig.DEFAULTS);
        Adam denseAdam = new Adam(AdamConfig.DEFAULTS);
        float[] first = {0.5f, 0.5f, 0.5f, 0.5f};
        float[] second = {0.5f, 0.5f, 0f, 0f}; // row 1 absent from the second batch
        lazyAdam.beginStep();
        lazyAdam.updateRows(lazy, first, new int[] {0, 1}, 2);
        denseAdam.beginStep();
        denseAdam.updateDense(dense, first);
        float[] afterFirst = lazy.values().clone();
        AdamState.Slot momentsAfterFirst = lazyAdam.exportState().slots().get(0);

        lazyAdam.beginStep();
        lazyAdam.updateRows(lazy, second, new int[] {0}, 1);
        denseAdam.beginStep();
        denseAdam.updateDense(dense, second);

        assertThat(lazy.values()[2]).isEqualTo(afterFirst[2]);
        assertThat(lazyAdam.exportState().slots().get(0).m()[3]).isEqualTo(momentsAfterFirst.m()[3]);
        assertThat(dense.values()[2]).as("dense Adam keeps moving by momentum").isLessThan(afterFirst[2]);
        assertThat(lazy.values()[0]).isEqualTo(dense.values()[0]);
    }

    @Test
    void importState_exportedMidway_continuesExactlyAsTheOriginal() {
        Parameter a = parameter("w", new int[] {4}, 1f, 2f, 3f, 4f);
        Adam original = new Adam(AdamConfig.DEFAULTS);
        original.beginStep();
        original.updateDense(a, new float[] {0.1f, 0.2f, 0.3f, 0.4f});
        AdamState saved = original.exportState();
        Parameter b = parameter("w", new int[] {4}, a.values().clone());

        Adam restored = new Adam(AdamConfig.DEFAULTS);
        restored.importState(saved);
        float[] gradient = {-0.3f, 0.1f, 0.0f, 0.2f};
        original.beginStep();
        original.updateDense(a, gradient);
        restored.beginStep();
        restored.updateDense(b, gradient);

        assertThat(b.values()).containsExactly(a.values());
        assertThat(restored.iterations()).isEqualTo(2);
        assertThat(saved.slots().get(0).m()).as("the export is a copy")
                .containsExactly(new float[] {0.01f, 0.02f, 0.03f, 0.04f}, within(1e-8f));
    }

    @Test
    void updateDense_shapeDiffersFromMoments_throwsNamingBothShapes() {
        Adam adam = new Adam(AdamConfig.DEFAULTS);
        adam.beginStep();
        adam.updateDense(new Parameter("w", new int[] {2}), new float[2]);
        assertThatThrownBy(() -> adam.updateDense(new Parameter("w", new int[] {3}), new float[3]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("w: shape differs from the moments this optimizer holds; expected [2], found [3]");
    }

    @Test
    void updateDense_beforeBeginStep_throws() {
        Adam adam = new Adam(AdamConfig.DEFAULTS);
        assertThatThrownBy(() -> adam.updateDense(new Parameter("w", new int[] {1}), new float[1]))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no step begun; call beginStep() before the updates of each step");
    }

    @Test
    void forNetwork_anyNetwork_holdsZeroMomentsForEveryParameter() {
        Mlp mlp = Mlp.create(MlpConfig.DEFAULTS, 30, 3, 1);
        AdamState state = Adam.forNetwork(AdamConfig.DEFAULTS, mlp).exportState();
        assertThat(state.iterations()).isZero();
        assertThat(state.slots()).extracting(AdamState.Slot::name)
                .containsExactly("dense_1/kernel", "dense_1/bias", "dense_2/kernel", "dense_2/bias");
        assertThat(state.slots().get(0).m()).hasSize(30 * 64).containsOnly(0f);
    }
}
