package org.textclf.feed;

import org.textclf.batch.SparseBatch;
import org.textclf.batch.Vectorizer;

/** A test vectorizer whose rows say which sample they came from, for the generator and cache tests. */
final class OneHot {
    /** Sample i (its text is the number i) becomes one feature, column i % 50, with value i. */
    static final Vectorizer<SparseBatch> VECTORIZER = (samples, labels) -> {
        int n = samples.size();
        int[] rowStart = new int[n + 1];
        int[] indices = new int[n];
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            int id = Integer.parseInt(samples.get(i).text());
            indices[i] = id % 50;
            values[i] = id;
            rowStart[i + 1] = i + 1;
        }
        return new SparseBatch(50, rowStart, indices, values, labels);
    };

    private OneHot() {
    }
}
