package org.textclf.text;

/**
 * How many times each distinct n-gram hash occurs in one document: a small open-addressing table (power-of-two
 * capacity, linear probing, at most half full) that stays in the L1/L2 cache and is reused from document to
 * document, cleared by its list of used slots rather than by a fill. Replaces sorting the document's hashes, which
 * cost more than the rest of the scan. Distinct hashes come out in first-occurrence order. One per thread.
 */
final class TermCounts {
    private int[] slots = new int[1 << 10]; // entry index + 1; 0 for empty
    private int mask = slots.length - 1;
    private long[] keys = new long[256];
    private int[] counts = new int[256];
    private int[] slotOf = new int[256];
    /** Where each distinct hash first occurs among the document's n-grams, to name it ({@link NgramScanner#ngram}). */
    private int[] first = new int[256];
    private int size;

    /** Empties the table, for at most {@code expected} distinct hashes (more are fine; it grows). */
    void clear(int expected) {
        for (int e = 0; e < size; e++) {
            slots[slotOf[e]] = 0;
        }
        size = 0;
        if (expected * 2 > slots.length) {
            resize(Integer.highestOneBit(expected * 4 - 1));
        }
    }

    /** Counts one occurrence of {@code key} (never 0), the {@code occurrence}-th n-gram of the document. */
    void add(long key, int occurrence) {
        int m = mask;
        int s = spread(key) & m;
        for (int e = slots[s]; e != 0; e = slots[s]) {
            if (keys[e - 1] == key) {
                counts[e - 1]++;
                return;
            }
            s = (s + 1) & m;
        }
        if (size == keys.length) {
            keys = java.util.Arrays.copyOf(keys, size * 2);
            counts = java.util.Arrays.copyOf(counts, size * 2);
            slotOf = java.util.Arrays.copyOf(slotOf, size * 2);
            first = java.util.Arrays.copyOf(first, size * 2);
        }
        keys[size] = key;
        counts[size] = 1;
        first[size] = occurrence;
        slotOf[size] = s;
        slots[s] = ++size;
        if (size * 2 > slots.length) {
            resize(slots.length * 2);
        }
    }

    private void resize(int capacity) {
        slots = new int[capacity];
        mask = capacity - 1;
        for (int e = 0; e < size; e++) {
            int s = spread(keys[e]) & mask;
            while (slots[s] != 0) {
                s = (s + 1) & mask;
            }
            slots[s] = e + 1;
            slotOf[e] = s;
        }
    }

    /** The high bits: the global tables index by the low bits and by the top 32 bits. */
    private static int spread(long key) {
        return (int) (key >>> 20);
    }

    /** The number of distinct hashes. */
    int size() {
        return size;
    }

    /** The hash of the e-th distinct n-gram. */
    long key(int e) {
        return keys[e];
    }

    /** How many times the e-th distinct n-gram occurs. */
    int count(int e) {
        return counts[e];
    }

    /** The index of the e-th distinct n-gram's first occurrence in the document. */
    int firstOccurrence(int e) {
        return first[e];
    }

    /** The distinct hashes, valid up to {@link #size()}. */
    long[] keys() {
        return keys;
    }
}
