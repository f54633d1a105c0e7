package org.textclf.nn;

import java.util.SplittableRandom;

/** Keras' weight initializers, drawn from a seeded generator so that a network's weights depend on its seed alone. */
final class Initializers {

    private Initializers() {
    }

    /** Keras' glorot_uniform: uniform in {@code [-limit, limit)}, {@code limit = sqrt(6 / (fanIn + fanOut))}. */
    static void glorotUniform(float[] kernel, int fanIn, int fanOut, SplittableRandom random) {
        uniform(kernel, Math.sqrt(6.0 / (fanIn + fanOut)), random);
    }

    /** Keras' random_uniform with bounds {@code -limit, limit}: uniform in {@code [-limit, limit)}. */
    static void uniform(float[] values, double limit, SplittableRandom random) {
        for (int j = 0; j < values.length; j++) {
            values[j] = (float) ((2 * random.nextDouble() - 1) * limit);
        }
    }
}
