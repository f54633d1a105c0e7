package org.textclf.nn;

/**
 * Keras' {@code Embedding(vocabulary, dim)}: token {@code i} maps to row {@code i} of the
 * {@code embedding/embeddings [vocabulary, dim]} table. A sequence's gradient only reaches the rows of its tokens,
 * so the gradient is kept sparse ({@link EmbeddingGradient}) and those rows alone go to {@link Adam#updateRows}.
 */
final class Embedding {

    private Embedding() {
    }

    /** {@code out[t] = table[tokens[offset + t]]} for {@code t < length}; {@code out} is {@code [length][dim]}. */
    static void forward(float[] table, int dim, int[] tokens, int offset, int length, float[][] out) {
        for (int t = 0; t < length; t++) {
            System.arraycopy(table, tokens[offset + t] * dim, out[t], 0, dim);
        }
    }

    /** Adds {@code outGradient[t]} to row {@code tokens[offset + t]} of {@code gradient}, for {@code t < length}. */
    static void backward(float[][] outGradient, int[] tokens, int offset, int length, EmbeddingGradient gradient) {
        for (int t = 0; t < length; t++) {
            gradient.addRow(tokens[offset + t], outGradient[t], 0);
        }
    }
}
