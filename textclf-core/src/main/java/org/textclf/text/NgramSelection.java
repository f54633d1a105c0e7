package org.textclf.text;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The selected features, named and in column order: ids into the vocabulary and their n-grams. {@link #name} sorts
 * them by name (code point order, as Python sorts: scikit-learn's column order); {@link #byDocumentFrequency} then
 * puts the commonest first, the order the model's columns take.
 *
 * @param ids the vocabulary feature id of each column
 * @param names the n-gram of each column
 */
record NgramSelection(int[] ids, String[] names) {

    /**
     * Names the winners and the features tied at the cut from the names the second pass wrote, and keeps the tied
     * ones with the largest names (as scikit-learn's stable sort does).
     *
     * @param sourceName what to call the source in messages
     * @throws IOException when a selected feature has no name in {@code names}
     */
    static NgramSelection name(KBest best, int vocabulary, NameFile names, String sourceName) throws IOException {
        // wanted[id]: 1 for a winner, 2 for a tied candidate, 0 otherwise or once found
        byte[] wanted = new byte[vocabulary];
        for (int id : best.winners()) {
            wanted[id] = 1;
        }
        if (best.tiedWanted() > 0) {
            for (int id : best.tied()) {
                wanted[id] = 2;
            }
        }
        int remaining = best.winners().length + (best.tiedWanted() > 0 ? best.tied().length : 0);
        TreeMap<String, Integer> chosen = new TreeMap<>(NgramFit::compareCodePoints);
        TreeMap<String, Integer> tied = new TreeMap<>(NgramFit::compareCodePoints);
        try (NameFile.Reader reader = names.read()) {
            while (remaining > 0 && reader.next()) {
                int id = reader.id();
                if (id < 0 || id >= vocabulary || wanted[id] == 0) {
                    continue;
                }
                String name = reader.name();
                if (wanted[id] == 1) {
                    chosen.put(name, id);
                } else {
                    // Only the largest names among the tied can win: keep at most tiedWanted of them.
                    tied.put(name, id);
                    if (tied.size() > best.tiedWanted()) {
                        tied.pollFirstEntry();
                    }
                }
                wanted[id] = 0;
                remaining--;
            }
        }
        if (remaining > 0) {
            throw new IOException(sourceName + ": " + remaining + " selected n-grams were not named in the"
                    + " second pass; the source must give the same samples on every pass");
        }
        chosen.putAll(tied);
        int[] ids = new int[chosen.size()];
        String[] sorted = new String[chosen.size()];
        int c = 0;
        for (Map.Entry<String, Integer> e : chosen.entrySet()) {
            sorted[c] = e.getKey();
            ids[c++] = e.getValue();
        }
        return new NgramSelection(ids, sorted);
    }

    /**
     * The same features by document frequency, commonest first (idf ascending), ties in this order. Why: a training
     * step reads and updates the first kernel's rows of the features its batch holds. In name order those rows are
     * spread evenly over the kernel; in this order the common features, in nearly every batch, are one dense block
     * that the step streams and the rare ones thin out behind it. At IMDB shape ({@code StepTiming}, JDK 25, three
     * alternating pairs) the MLP step took 2.97, 2.62 and 2.04 ms of CPU (min) with its features in random order
     * ({@code -Dorder=random}) against 2.60, 1.97 and 2.09 ms commonest first: up to 1.3x, on a noisy machine.
     */
    NgramSelection byDocumentFrequency(FeatureTable table) {
        long[] keys = new long[ids.length];
        for (int c = 0; c < ids.length; c++) {
            // A positive float's bits order as the float does; the column breaks ties, so the sort is stable.
            keys[c] = (long) Float.floatToRawIntBits(table.idf(ids[c])) << 32 | c;
        }
        Arrays.sort(keys);
        int[] byFrequency = new int[ids.length];
        String[] named = new String[ids.length];
        for (int c = 0; c < keys.length; c++) {
            int from = (int) keys[c];
            byFrequency[c] = ids[from];
            named[c] = names[from];
        }
        return new NgramSelection(byFrequency, named);
    }
}
