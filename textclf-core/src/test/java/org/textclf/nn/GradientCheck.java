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
        checkSkippingKinks(what, x, analytic, indices, epsilon, absoluteTolerance, relativeTolerance, 0, loss);
    }

    /**
     * As {@link #check}, but skips the points where the loss is not smooth (a relu crossing zero between
     * {@code x - e} and {@code x + e}), recognised by one-sided differences that disagree by more than
     * {@code kinkThreshold}. A wrong gradient cannot hide there: the forward pass alone decides what is skipped.
     *
     * @return how many points were skipped; callers assert it stays a small fraction
     */
    static int checkSkippingKinks(String what, float[] x, float[] analytic, int[] indices, float epsilon,
                                  double absoluteTolerance, double relativeTolerance, double kinkThreshold,
                                  DoubleSupplier loss) {
        int skipped = 0;
        for (int j : indices) {
            float original = x[j];
            x[j] = original + epsilon;
            float up = x[j];
            double lossUp = loss.getAsDouble();
            x[j] = original - epsilon;
            float down = x[j];
            double lossDown = loss.getAsDouble();
            x[j] = original;
            if (kinkThreshold > 0) {
                double lossMid = loss.getAsDouble();
                double forward = (lossUp - lossMid) / ((double) up - original);
                double backward = (lossMid - lossDown) / ((double) original - down);
                if (Math.abs(forward - backward) > kinkThreshold) {
                    skipped++; // relu switched inside [x - e, x + e]: no derivative to compare with
                    continue;
                }
            }
            double numeric = (lossUp - lossDown) / ((double) up - down);
            double tolerance = absoluteTolerance + relativeTolerance * Math.max(Math.abs(numeric),
                    Math.abs(analytic[j]));
            assertThat((double) analytic[j])
                    .as("%s gradient at %d: finite difference %s", what, j, numeric)
                    .isCloseTo(numeric, org.assertj.core.data.Offset.offset(tolerance));
        }
        return skipped;
    }

    static int[] all(int n) {
        int[] a = new int[n];
        for (int j = 0; j < n; j++) {
            a[j] = j;
        }
        return a;
    }
}
