package org.textclf.nn;

/**
 * The shape of the guide's {@code sepcnn_model}: {@code Embedding(vocabulary, embeddingDim)}, then {@code blocks - 1}
 * times {@code Dropout(dropoutRate) -> SeparableConv1D(filters) -> SeparableConv1D(filters) ->
 * MaxPooling1D(poolSize)}, then {@code SeparableConv1D(2 * filters) -> SeparableConv1D(2 * filters) ->
 * GlobalAveragePooling1D -> Dropout(dropoutRate) -> Dense(classes, softmax)} or {@code Dense(1, sigmoid)} for two
 * classes. Every convolution has {@code kernelSize}, relu and "same" padding. Configuration only; weights live in
 * {@link SepCnn}.
 *
 * @param blocks the number of convolution blocks, the last one included (the guide's {@code blocks})
 * @param filters the output channels of the first blocks' convolutions; the last block has twice as many
 * @param kernelSize the width of every convolution window
 * @param poolSize the width (and stride) of every max pooling window
 * @param dropoutRate the fraction of block inputs and pooled features dropped during training, in {@code [0, 1)}
 * @param embeddingDim the width of the embedding vectors
 */
public record SepCnnConfig(int blocks, int filters, int kernelSize, int poolSize, float dropoutRate,
                           int embeddingDim) {

    public static final int DEFAULT_BLOCKS = 2;
    public static final int DEFAULT_FILTERS = 64;
    public static final int DEFAULT_KERNEL_SIZE = 3;
    public static final int DEFAULT_POOL_SIZE = 3;
    public static final float DEFAULT_DROPOUT_RATE = 0.2f;
    public static final int DEFAULT_EMBEDDING_DIM = 200;

    /** The guide's defaults: 2 blocks, 64 filters, kernel 3, pool 3, dropout 0.2, 200-dimensional embedding. */
    public static final SepCnnConfig DEFAULTS = new SepCnnConfig(DEFAULT_BLOCKS, DEFAULT_FILTERS, DEFAULT_KERNEL_SIZE,
            DEFAULT_POOL_SIZE, DEFAULT_DROPOUT_RATE, DEFAULT_EMBEDDING_DIM);

    public SepCnnConfig {
        atLeastOne("blocks", blocks);
        atLeastOne("filters", filters);
        atLeastOne("kernelSize", kernelSize);
        atLeastOne("poolSize", poolSize);
        if (!(dropoutRate >= 0f && dropoutRate < 1f)) {
            throw new IllegalArgumentException("dropoutRate must be in [0, 1); found " + dropoutRate);
        }
        atLeastOne("embeddingDim", embeddingDim);
    }

    private static void atLeastOne(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1; found " + value);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts from {@link #DEFAULTS}; {@link #build()} validates. */
    public static final class Builder {
        private int blocks = DEFAULT_BLOCKS;
        private int filters = DEFAULT_FILTERS;
        private int kernelSize = DEFAULT_KERNEL_SIZE;
        private int poolSize = DEFAULT_POOL_SIZE;
        private float dropoutRate = DEFAULT_DROPOUT_RATE;
        private int embeddingDim = DEFAULT_EMBEDDING_DIM;

        private Builder() {
        }

        public Builder blocks(int blocks) {
            this.blocks = blocks;
            return this;
        }

        public Builder filters(int filters) {
            this.filters = filters;
            return this;
        }

        public Builder kernelSize(int kernelSize) {
            this.kernelSize = kernelSize;
            return this;
        }

        public Builder poolSize(int poolSize) {
            this.poolSize = poolSize;
            return this;
        }

        public Builder dropoutRate(float dropoutRate) {
            this.dropoutRate = dropoutRate;
            return this;
        }

        public Builder embeddingDim(int embeddingDim) {
            this.embeddingDim = embeddingDim;
            return this;
        }

        public SepCnnConfig build() {
            return new SepCnnConfig(blocks, filters, kernelSize, poolSize, dropoutRate, embeddingDim);
        }
    }

    /**
     * The number of parameter values {@link SepCnn#create} allocates for this shape, without allocating them (see
     * {@link Mlp#parameterValues}): the embedding, the separable convolutions (each a depthwise kernel of kernel
     * size x channels, a pointwise kernel of channels x width and a bias of width; the last block twice as wide),
     * the dense output.
     */
    public long parameterValues(int vocabulary, int classes) {
        double f = filters();
        double k = kernelSize();
        double dim = embeddingDim();
        double outputs = classes == 2 ? 1 : classes;
        double convs;
        if (blocks() == 1) {
            convs = conv(k, dim, 2 * f) + conv(k, 2 * f, 2 * f);
        } else {
            convs = conv(k, dim, f) + (2.0 * blocks() - 3) * conv(k, f, f) + conv(k, f, 2 * f)
                    + conv(k, 2 * f, 2 * f);
        }
        return (long) ((double) vocabulary * dim + convs + (2 * f + 1) * outputs);
    }

    private static double conv(double kernelSize, double channels, double width) {
        return kernelSize * channels + channels * width + width;
    }
}
