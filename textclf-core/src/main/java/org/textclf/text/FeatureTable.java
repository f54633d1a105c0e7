package org.textclf.text;

/**
 * An immutable map from n-gram hash to feature id {@code 0..size-1} and idf, in one primitive open-addressing array
 * (power-of-two capacity, linear probing, at most half full), so that the transform's lookups neither box nor
 * allocate. A slot holds the key and, beside it, the idf's bits and the id: a lookup touches one cache line, where
 * separate key, id and idf arrays cost three misses on a vocabulary larger than the cache. Safe to share between
 * threads.
 */
final class FeatureTable {
    private final long[] keysById;
    private final float[] idf;
    /**
     * Slot s: {@code slots[2s]} the key (0 when empty), {@code slots[2s + 1]} the idf's bits << 32 | the id (or, in
     * a table from {@link #withColumns}, the output column).
     */
    private final long[] slots;
    private final int mask;

    /**
     * @param keysById distinct nonzero hashes; the i-th gets id i
     * @param idf the idf of each id
     */
    FeatureTable(long[] keysById, float[] idf) {
        this(keysById, idf, null);
    }

    private FeatureTable(long[] keysById, float[] idf, int[] columns) {
        if (idf.length != keysById.length) {
            throw new IllegalArgumentException("expected one idf per key, " + keysById.length + ", found "
                    + idf.length);
        }
        this.keysById = keysById;
        this.idf = idf;
        int capacity = Integer.highestOneBit(Math.max(4, keysById.length) * 2 - 1) * 2; // load at most 1/2
        slots = new long[2 * capacity];
        mask = capacity - 1;
        for (int id = 0; id < keysById.length; id++) {
            long key = keysById[id];
            if (key == 0) {
                throw new IllegalArgumentException("hash 0 is reserved for empty slots; found it at id " + id);
            }
            int slot = (int) key & mask;
            while (slots[2 * slot] != 0) {
                if (slots[2 * slot] == key) {
                    throw new IllegalArgumentException("hash " + key + " appears twice: ids "
                            + (int) slots[2 * slot + 1] + " and " + id);
                }
                slot = (slot + 1) & mask;
            }
            slots[2 * slot] = key;
            int low = columns == null ? id : columns[id];
            slots[2 * slot + 1] = (long) Float.floatToRawIntBits(idf[id]) << 32 | (low & 0xFFFFFFFFL);
        }
    }

    /** The same features, whose entries hold {@code columns[id]} (an output column, or -1) instead of the id. */
    FeatureTable withColumns(int[] columns) {
        return new FeatureTable(keysById, idf, columns);
    }

    /** The id of {@code key}, or -1 when it is not a feature. */
    int id(long key) {
        long entry = entry(key);
        return entry < 0 ? -1 : (int) entry;
    }

    /**
     * The idf's bits << 32 | the id (or column) of {@code key}, or -1 when it is not a feature (idf > 0, so an
     * entry is never negative); {@link #idOf} and {@link #idfOf} take it apart.
     */
    long entry(long key) {
        int m = mask;
        long[] s = slots;
        int slot = (int) key & m;
        for (long k = s[2 * slot]; k != 0; k = s[2 * slot]) {
            if (k == key) {
                return s[2 * slot + 1];
            }
            slot = (slot + 1) & m;
        }
        return -1;
    }

    /**
     * Loads the home slot of each of {@code keys[0..n)} and returns a value that depends on them all. Why: the
     * lookups that follow branch on what they find, so the CPU cannot run ahead and overlap their cache misses;
     * this branch-free loop lets it overlap them, after which the lookups hit the cache. On IMDB this halved the
     * transform's time (TextPasses transform).
     */
    long prefetch(long[] keys, int n) {
        int m = mask;
        long[] s = slots;
        long touched = 0;
        for (int i = 0; i < n; i++) {
            touched += s[2 * ((int) keys[i] & m)];
        }
        return touched;
    }

    static int idOf(long entry) {
        return (int) entry;
    }

    static float idfOf(long entry) {
        return Float.intBitsToFloat((int) (entry >>> 32));
    }

    int size() {
        return keysById.length;
    }

    long key(int id) {
        return keysById[id];
    }

    float idf(int id) {
        return idf[id];
    }
}
