package org.textclf.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.DoubleSupplier;

/**
 * Central finite differences on float parameters with the loss computed in double. A float forward pass rounds
 * at about 1e-7 relative, so with {@code epsilon = 1e-2} the difference quotient carries ~1e-5 of noise, far below
 * the tolerances used, while a wrong gradient (a missing factor, a wrong index, a dropped term) is off by far more.
 */
final class GradientCheck {

    private GradientCheck() {
    }

    /**
     * Checks {@code analytic[j]} against {@code (loss(x + e) - loss(x - e)) / 2e} for every {@code j} in
     * {@code indices}, restoring {@code x} after each.
     */
    static void check(String what, float[] x, float[] analytic, int[] indices, float epsilon,
                      double absoluteTolerance, double relativeTolerance, DoubleSupplier loss) {
        for (int j : indices) {
            float original = x[j];
            x[j] = original + epsilon;
            float up = x[j];
            double lossUp = loss.getAsDouble();
            x[j] = original - epsilon;
            float down = x[j];
            double lossDown = loss.getAsDouble();
            x[j] = original;
            double numeric = (lossUp - lossDown) / ((double) up - down);
            double tolerance = absoluteTolerance + relativeTolerance * Math.max(Math.abs(numeric),
                    Math.abs(analytic[j]));
            assertThat((double) analytic[j])
                    .as("%s gradient at %d: finite difference %s", what, j, numeric)
                    .isCloseTo(numeric, org.assertj.core.data.Offset.offset(tolerance));
        }
    }

    static int[] all(int n) {
        int[] a = new int[n];
        for (int j = 0; j < n; j++) {
            a[j] = j;
        }
        return a;
    }
}
