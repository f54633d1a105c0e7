package org.textclf.text;

/**
 * One document's tf-idf row over the whole vocabulary, as scikit-learn's {@code TfidfVectorizer} computes it: raw
 * count (or, sublinear, {@code 1 + ln(count)}) times idf, in float32, then divided by the L2 norm of the row. Scratch
 * state reused from document to document; one per thread.
 */
final class TfidfRow {
    private final NgramScanner scanner;
    private final FeatureTable table;
    private final boolean sublinear;

    private int size;
    /** Keeps {@link FeatureTable#prefetch}'s loads alive. */
    private long touched;
    private int[] ids = new int[256];
    private int[] counts = new int[256];
    private int[] occurrences = new int[256];
    private float[] values = new float[256];

    TfidfRow(NgramScanner scanner, FeatureTable table, boolean sublinear) {
        this.scanner = scanner;
        this.table = table;
        this.sublinear = sublinear;
    }

    /** Computes the row of {@code text}; afterwards {@link #size()} features are available, in no set order. */
    void compute(String text) {
        scanner.scan(text);
        TermCounts terms = scanner.countTerms();
        int n = terms.size();
        if (n > ids.length) {
            ids = new int[Math.max(n, ids.length * 2)];
            counts = new int[ids.length];
            occurrences = new int[ids.length];
            values = new float[ids.length];
        }
        long[] keys = terms.keys();
        touched += table.prefetch(keys, n);
        size = 0;
        double sumOfSquares = 0;
        for (int e = 0; e < n; e++) {
            long entry = table.entry(keys[e]);
            if (entry < 0) {
                continue;
            }
            int count = terms.count(e);
            // 1 + ln(1) is exactly 1: most n-grams occur once in a document, and the log was 5% of pass 2
            float tf = sublinear && count > 1 ? (float) (1 + Math.log(count)) : count;
            float weight = tf * FeatureTable.idfOf(entry);
            ids[size] = FeatureTable.idOf(entry);
            counts[size] = count;
            occurrences[size] = terms.firstOccurrence(e);
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

    /** The feature id of the j-th nonzero (its output column, -1 if none, with a table from withColumns). */
    int id(int j) {
        return ids[j];
    }

    /** How many times the j-th feature occurs in the document (its raw term frequency). */
    int count(int j) {
        return counts[j];
    }

    /** Where the j-th feature first occurs among the scanner's n-grams; {@code scanner.ngram} of it names it. */
    int occurrence(int j) {
        return occurrences[j];
    }

    /** The ids of the nonzeros, valid up to {@link #size()}. */
    int[] ids() {
        return ids;
    }

    /** The normalized tf-idf values of the nonzeros, valid up to {@link #size()}. */
    float[] values() {
        return values;
    }

    /** The normalized tf-idf value of the j-th feature. */
    float value(int j) {
        return values[j];
    }
}
