package org.textclf.nn;

/**
 * The shape of the guide's {@code mlp_model}: {@code Dropout(dropoutRate)} on the input, then
 * {@code layers - 1} times {@code Dense(units, relu) -> Dropout(dropoutRate)}, then {@code Dense(classes, softmax)}
 * or {@code Dense(1, sigmoid)} for two classes. Configuration only; weights live in {@link Mlp}.
 *
 * @param layers the number of Dense layers, output layer included (the guide's {@code layers})
 * @param units the width of every hidden Dense layer
 * @param dropoutRate the fraction of inputs and hidden units dropped during training, in {@code [0, 1)}
 */
public record MlpConfig(int layers, int units, float dropoutRate) {

    public static final int DEFAULT_LAYERS = 2;
    public static final int DEFAULT_UNITS = 64;
    public static final float DEFAULT_DROPOUT_RATE = 0.2f;

    /** The guide's defaults: 2 layers, 64 units, dropout 0.2. */
    public static final MlpConfig DEFAULTS = new MlpConfig(DEFAULT_LAYERS, DEFAULT_UNITS, DEFAULT_DROPOUT_RATE);

    public MlpConfig {
        if (layers < 1) {
            throw new IllegalArgumentException("layers must be at least 1; found " + layers);
        }
        if (units < 1) {
            throw new IllegalArgumentException("units must be at least 1; found " + units);
        }
        if (!(dropoutRate >= 0f && dropoutRate < 1f)) {
            throw new IllegalArgumentException("dropoutRate must be in [0, 1); found " + dropoutRate);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts from {@link #DEFAULTS}; {@link #build()} validates. */
    public static final class Builder {
        private int layers = DEFAULT_LAYERS;
        private int units = DEFAULT_UNITS;
        private float dropoutRate = DEFAULT_DROPOUT_RATE;

        private Builder() {
        }

        public Builder layers(int layers) {
            this.layers = layers;
            return this;
        }

        public Builder units(int units) {
            this.units = units;
            return this;
        }

        public Builder dropoutRate(float dropoutRate) {
            this.dropoutRate = dropoutRate;
            return this;
        }

        public MlpConfig build() {
            return new MlpConfig(layers, units, dropoutRate);
        }
    }
}
