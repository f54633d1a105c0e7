package org.textclf.nn;

import java.util.random.RandomGenerator;

/**
 * Inverted dropout, as Keras: at training each value is kept with probability {@code 1 - rate} and scaled by
 * {@code 1 / (1 - rate)}, so inference is the identity. A mask holds {@code 0} or that scale per value; forward and
 * backward both multiply by it. On a sparse input the mask covers the nonzeros only, so dropping never densifies.
 */
final class Dropout {

    private Dropout() {
    }

    /** Fills {@code mask[0..n)} with 0 (dropped, probability {@code rate}) or {@code 1 / (1 - rate)}. */
    static void drawMask(float rate, RandomGenerator random, float[] mask, int n) {
        float scale = 1f / (1f - rate);
        for (int j = 0; j < n; j++) {
            mask[j] = random.nextFloat() >= rate ? scale : 0f;
        }
    }

    /**
     * {@code drawMask} and {@code apply} in one pass without the mask, bit for bit: {@code out[j] = in[j] / (1 -
     * rate)}, or {@code in[j] * 0} with probability {@code rate}, drawing exactly as {@code drawMask} does. For an
     * input whose backward needs only the dropped values (a sparse first layer's), not the mask.
     */
    static void drop(float rate, RandomGenerator random, float[] in, float[] out, int n) {
        float scale = 1f / (1f - rate);
        for (int j = 0; j < n; j++) {
            out[j] = in[j] * (random.nextFloat() >= rate ? scale : 0f); // times 0, not 0: a NaN input stays NaN
        }
    }

    /** {@code out[j] = in[j] * mask[j]}: forward; also backward, with gradients for {@code in} and {@code out}. */
    static void apply(float[] in, float[] mask, float[] out, int n) {
        for (int j = 0; j < n; j++) {
            out[j] = in[j] * mask[j];
        }
    }
}
