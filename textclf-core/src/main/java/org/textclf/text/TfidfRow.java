package org.textclf.text;

import java.util.Arrays;

/**
 * One document's tf-idf row over the whole vocabulary, as scikit-learn's {@code TfidfVectorizer} computes it: raw
 * count times idf, in float32, then divided by the L2 norm of the row. Scratch state reused from document to
 * document; one per thread.
 */
final class TfidfRow {
    private final NgramScanner scanner;
    private final FeatureTable table;
    private final float[] idf;

    private int size;
    private int[] ids = new int[256];
    private int[] counts = new int[256];
    private float[] values = new float[256];

    TfidfRow(NgramScanner scanner, FeatureTable table, float[] idf) {
        this.scanner = scanner;
        this.table = table;
        this.idf = idf;
    }

    /** Computes the row of {@code text}; afterwards {@link #size()} features are available, in no set order. */
    void compute(String text) {
        scanner.scan(text);
        long[] hashes = scanner.sortedHashes();
        int n = scanner.ngrams();
        size = 0;
        double sumOfSquares = 0;
        for (int i = 0; i < n; ) {
            long h = hashes[i];
            int start = i;
            while (i < n && hashes[i] == h) {
                i++;
            }
            int id = table.id(h);
            if (id < 0) {
                continue;
            }
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
                counts = Arrays.copyOf(counts, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            float weight = (i - start) * idf[id];
            ids[size] = id;
            counts[size] = i - start;
            values[size] = weight;
            sumOfSquares += (double) weight * weight;
            size++;
        }
        // An empty row stays zero, as scikit-learn's normalize leaves it.
        if (sumOfSquares > 0) {
            double norm = Math.sqrt(sumOfSquares);
            for (int j = 0; j < size; j++) {
                values[j] = (float) (values[j] / norm);
            }
        }
    }

    int size() {
        return size;
    }

    /** The feature id of the j-th nonzero. */
    int id(int j) {
        return ids[j];
    }

    /** How many times the j-th feature occurs in the document (its raw term frequency). */
    int count(int j) {
        return counts[j];
    }

    /** The normalized tf-idf value of the j-th feature. */
    float value(int j) {
        return values[j];
    }
}
