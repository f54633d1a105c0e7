package org.textclf.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DropoutTest {

    @Test
    void drawMask_rateOneFifth_dropsAboutOneFifthAndScalesTheRest() {
        int n = 100_000;
        float[] mask = new float[n];
        Dropout.drawMask(0.2f, new SplittableRandom(41), mask, n);
        int dropped = 0;
        for (float m : mask) {
            if (m == 0f) {
                dropped++;
            } else {
                assertThat(m).isEqualTo(1.25f);
            }
        }
        assertThat(dropped / (double) n).isCloseTo(0.2, within(0.01));
    }

    @Test
    void drawMask_rateZero_keepsEverythingUnscaled() {
        float[] mask = new float[1000];
        Dropout.drawMask(0f, new SplittableRandom(42), mask, 1000);
        assertThat(mask).containsOnly(1f);
    }

    @Test
    void drop_sameSeed_equalsDrawMaskThenApply() {
        int n = 1001;
        float[] in = TestBatches.randomFloats(n, 1, 46);
        in[7] = Float.NaN; // dropped or kept, a NaN input stays NaN, as through the mask
        in[8] = Float.NaN;
        float[] mask = new float[n];
        Dropout.drawMask(0.3f, new SplittableRandom(47), mask, n);
        float[] expected = new float[n];
        Dropout.apply(in, mask, expected, n);
        float[] dropped = new float[n];
        Dropout.drop(0.3f, new SplittableRandom(47), in, dropped, n);
        assertThat(dropped).containsExactly(expected);
    }

    @Test
    void apply_fixedMask_matchesFiniteDifferences() {
        int n = 40;
        float[] mask = new float[n];
        Dropout.drawMask(0.5f, new SplittableRandom(43), mask, n);
        float[] in = TestBatches.randomFloats(n, 1, 44);
        float[] weights = TestBatches.randomFloats(n, 1, 45);
        float[] inGradient = new float[n];
        Dropout.apply(weights, mask, inGradient, n); // backward is the same product, on the gradient
        float[] out = new float[n];
        GradientCheck.check("dropout", in, inGradient, GradientCheck.all(n), 1e-2f, 1e-4, 1e-3, () -> {
            Dropout.apply(in, mask, out, n);
            return TestBatches.weightedSum(out, weights, n);
        });
        assertThat(inGradient).contains(0f, 2f * weights[firstKept(mask)]);
    }

    private static int firstKept(float[] mask) {
        for (int j = 0; j < mask.length; j++) {
            if (mask[j] != 0f) {
                return j;
            }
        }
        throw new AssertionError("every value dropped");
    }
}
