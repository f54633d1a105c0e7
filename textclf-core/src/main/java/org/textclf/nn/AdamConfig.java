package org.textclf.nn;

/**
 * Adam's hyper-parameters, Keras' names and defaults. Configuration only: the moments and the step count live in
 * {@link Adam}.
 *
 * @param learningRate the step size, greater than 0
 * @param beta1 the decay of the first moment, in {@code [0, 1)}
 * @param beta2 the decay of the second moment, in {@code [0, 1)}
 * @param epsilon added to {@code sqrt(v)} in the denominator (Keras' "epsilon hat"), at least 0
 */
public record AdamConfig(float learningRate, float beta1, float beta2, float epsilon) {

    public static final float DEFAULT_LEARNING_RATE = 1e-3f;
    public static final float DEFAULT_BETA1 = 0.9f;
    public static final float DEFAULT_BETA2 = 0.999f;
    public static final float DEFAULT_EPSILON = 1e-7f;

    /** Keras' defaults: learning rate 1e-3, beta1 0.9, beta2 0.999, epsilon 1e-7. */
    public static final AdamConfig DEFAULTS =
            new AdamConfig(DEFAULT_LEARNING_RATE, DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPSILON);

    public AdamConfig {
        if (!(learningRate > 0f) || Float.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be a finite number greater than 0; found "
                    + learningRate);
        }
        if (!(beta1 >= 0f && beta1 < 1f)) {
            throw new IllegalArgumentException("beta1 must be in [0, 1); found " + beta1);
        }
        if (!(beta2 >= 0f && beta2 < 1f)) {
            throw new IllegalArgumentException("beta2 must be in [0, 1); found " + beta2);
        }
        if (!(epsilon >= 0f) || Float.isInfinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be a finite number at least 0; found " + epsilon);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** This configuration with another learning rate, e.g. for fine-tuning. */
    public AdamConfig withLearningRate(float rate) {
        return new AdamConfig(rate, beta1, beta2, epsilon);
    }

    /** Starts from {@link #DEFAULTS}; {@link #build()} validates. */
    public static final class Builder {
        private float learningRate = DEFAULT_LEARNING_RATE;
        private float beta1 = DEFAULT_BETA1;
        private float beta2 = DEFAULT_BETA2;
        private float epsilon = DEFAULT_EPSILON;

        private Builder() {
        }

        public Builder learningRate(float learningRate) {
            this.learningRate = learningRate;
            return this;
        }

        public Builder beta1(float beta1) {
            this.beta1 = beta1;
            return this;
        }

        public Builder beta2(float beta2) {
            this.beta2 = beta2;
            return this;
        }

        public Builder epsilon(float epsilon) {
            this.epsilon = epsilon;
            return this;
        }

        public AdamConfig build() {
            return new AdamConfig(learningRate, beta1, beta2, epsilon);
        }
    }
}
