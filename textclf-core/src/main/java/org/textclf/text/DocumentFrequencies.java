package org.textclf.text;

import java.util.function.Consumer;

/**
 * The first pass's table: how many documents hold each n-gram, keyed by the n-gram's 64-bit hash, in primitive
 * open-addressing arrays (linear probing) that never outgrow a memory budget. The table starts small and doubles;
 * when the budget allows no more growth and the table is full, the rarest n-grams are pruned (lossy counting):
 * every n-gram with a count at or below a threshold is dropped, the threshold doubling from 1 until half the room
 * is free. An n-gram pruned and seen again restarts from 0, so its final count is too low by at most the sum of
 * all thresholds used, which {@link #maxUndercount()} reports.
 *
 * <p>Each entry also keeps a stamp: its partition and the ordinal of its insertion there, so that merged statistics
 * can replay the insertions in corpus order and so lay their keys out exactly as one table over the whole corpus
 * would (the slot order is the vocabulary's id order). A table made for merging is {@code unbounded}: when the
 * budget allows no more growth it grows past it instead of pruning, so that merging never loses a count.
 */
final class DocumentFrequencies {
    /** One slot: a 64-bit key and a 32-bit count (the budget's unit; the stamps come on top). */
    static final long BYTES_PER_SLOT = Long.BYTES + Integer.BYTES;
    private static final int INITIAL_CAPACITY = 1 << 10;
    /** Linear probing stays short below this load with well-mixed keys. */
    private static final double MAX_LOAD = 0.75;

    private final long budgetBytes;
    private final Consumer<String> log;
    private final boolean unbounded;
    private long[] keys;
    private int[] counts;
    /** The stamp of each slot's entry: partition << ORDINAL_BITS | the ordinal of its insertion there. */
    private long[] stamps;
    private long nextStamp;
    private int size;
    private int maxSize;
    /** Keeps the prefetching loads of {@link #addDistinct} alive. */
    private long touched;

    private int prunings;
    private long pruned;
    private int largestThreshold;
    private long maxUndercount;

    /** Bits of a stamp's insertion ordinal; the partition takes the bits above. */
    static final int ORDINAL_BITS = 40;
    /** Partitions are numbered {@code 0 .. MAX_PARTITION}. */
    static final int MAX_PARTITION = (1 << (63 - ORDINAL_BITS)) - 1;

    DocumentFrequencies(long budgetBytes, Consumer<String> log) {
        this(budgetBytes, log, 0, false);
    }

    /**
     * @param partition which part of the corpus this table counts, for the stamps
     * @param unbounded grow past the budget rather than prune (for merging)
     */
    DocumentFrequencies(long budgetBytes, Consumer<String> log, int partition, boolean unbounded) {
        this.budgetBytes = budgetBytes;
        this.log = log;
        this.unbounded = unbounded;
        this.nextStamp = (long) partition << ORDINAL_BITS;
        int capacity = (int) Math.min(INITIAL_CAPACITY, budgetBytes / BYTES_PER_SLOT);
        allocate(capacity);
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        counts = new int[capacity];
        stamps = new long[capacity];
        maxSize = Math.max(1, (int) (capacity * MAX_LOAD));
    }

    /** Counts one document: {@code hashes[0..n)} sorted ascending, repeats adjacent and counted once. */
    void addDocument(long[] hashes, int n) {
        for (int i = 0; i < n; i++) {
            if (i > 0 && hashes[i] == hashes[i - 1]) {
                continue;
            }
            increment(hashes[i]);
        }
    }

    /** Counts one document given by its distinct hashes {@code keys[0..n)}. */
    void addDistinct(long[] keys, int n) {
        // Touch every home slot first, in a loop without branches, so that the CPU overlaps the cache misses that
        // the probing loop below, branching on what it finds, would take one at a time.
        long[] k = this.keys;
        int[] c = counts;
        long t = 0;
        for (int i = 0; i < n; i++) {
            int h = home(keys[i], k.length);
            t += k[h] + c[h];
        }
        touched += t;
        for (int i = 0; i < n; i++) {
            increment(keys[i]);
        }
    }

    private void increment(long key) {
        int slot = home(key, keys.length);
        while (true) {
            long k = keys[slot];
            if (k == key) {
                counts[slot]++;
                return;
            }
            if (k == 0) {
                break;
            }
            slot = next(slot);
        }
        if (size >= maxSize) {
            makeRoom();
            increment(key);
            return;
        }
        keys[slot] = key;
        counts[slot] = 1;
        stamps[slot] = nextStamp++;
        size++;
    }

    /** Adds {@code count} documents to {@code key}; a key new to the table gets {@code stamp}. For merging. */
    void add(long key, int count, long stamp) {
        int slot = home(key, keys.length);
        while (true) {
            long k = keys[slot];
            if (k == key) {
                counts[slot] = Math.addExact(counts[slot], count);
                return;
            }
            if (k == 0) {
                break;
            }
            slot = next(slot);
        }
        if (size >= maxSize) {
            makeRoom();
            add(key, count, stamp);
            return;
        }
        keys[slot] = key;
        counts[slot] = count;
        stamps[slot] = stamp;
        size++;
    }

    /** Grows within the budget (the old and new arrays are both alive while rehashing), or else prunes. */
    private void makeRoom() {
        long slotsInBudget = budgetBytes / BYTES_PER_SLOT;
        long grown = Math.min(2L * keys.length, Math.min(slotsInBudget - keys.length, Integer.MAX_VALUE - 8));
        if (grown <= keys.length && unbounded) {
            grown = Math.min(2L * keys.length, Integer.MAX_VALUE - 8);
            if (grown <= keys.length) {
                throw new IllegalStateException("more than " + maxSize + " distinct n-grams to merge");
            }
        }
        if (grown > keys.length) {
            long[] oldKeys = keys;
            int[] oldCounts = counts;
            long[] oldStamps = stamps;
            allocate((int) grown);
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != 0) {
                    place(oldKeys[i], oldCounts[i], oldStamps[i]);
                }
            }
            return;
        }
        int threshold = 1;
        long before = size;
        while (size > maxSize / 2) {
            removeAtMost(threshold);
            largestThreshold = Math.max(largestThreshold, threshold);
            maxUndercount += threshold;
            threshold *= 2;
        }
        prunings++;
        pruned += before - size;
        log.accept(String.format("candidate n-grams exceed the budget of %,d bytes (%,d slots): pruned %,d rare"
                + " n-grams with document frequency <= %,d; counts of n-grams seen again may be low by up to %,d",
                budgetBytes, keys.length, before - size, threshold / 2, maxUndercount));
    }

    private void place(long key, int count, long stamp) {
        int slot = home(key, keys.length);
        while (keys[slot] != 0) {
            slot = next(slot);
        }
        keys[slot] = key;
        counts[slot] = count;
        stamps[slot] = stamp;
    }

    /** Drops every entry with a count at or below {@code threshold}, in place (Knuth's deletion for linear probing). */
    private void removeAtMost(int threshold) {
        int i = 0;
        while (i < keys.length) {
            if (keys[i] != 0 && counts[i] <= threshold) {
                removeAt(i);
                // an entry from further on may have moved into slot i: look at it again
            } else {
                i++;
            }
        }
    }

    private void removeAt(int hole) {
        int j = hole;
        while (true) {
            j = next(j);
            long k = keys[j];
            if (k == 0) {
                break;
            }
            int h = home(k, keys.length);
            // The entry at j may move back to the hole unless its home lies cyclically in (hole, j].
            boolean stays = hole <= j ? hole < h && h <= j : hole < h || h <= j;
            if (!stays) {
                keys[hole] = k;
                counts[hole] = counts[j];
                stamps[hole] = stamps[j];
                hole = j;
            }
        }
        keys[hole] = 0;
        counts[hole] = 0;
        size--;
    }

    private int next(int slot) {
        return slot + 1 == keys.length ? 0 : slot + 1;
    }

    /** Lemire's multiply-shift range reduction: any capacity, not only powers of two. */
    static int home(long key, int capacity) {
        return (int) (((key >>> 32) * capacity) >>> 32);
    }

    /** The document frequency counted for {@code key}, 0 when absent. */
    int count(long key) {
        int slot = home(key, keys.length);
        for (long k = keys[slot]; k != 0; k = keys[slot]) {
            if (k == key) {
                return counts[slot];
            }
            slot = next(slot);
        }
        return 0;
    }

    /** How many keys were counted in at least {@code minCount} documents. */
    int countAtLeast(int minCount) {
        int n = 0;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != 0 && counts[i] >= minCount) {
                n++;
            }
        }
        return n;
    }

    /** Copies the keys counted in at least {@code minCount} documents, and their counts, in table order. */
    void copyAtLeast(int minCount, long[] keysOut, int[] countsOut) {
        int n = 0;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != 0 && counts[i] >= minCount) {
                keysOut[n] = keys[i];
                countsOut[n++] = counts[i];
            }
        }
    }

    int size() {
        return size;
    }

    /** The slots' keys (0 for empty), in slot order: the order of the vocabulary. Not a copy. */
    long[] slotKeys() {
        return keys;
    }

    /** The slots' counts, beside {@link #slotKeys()}. Not a copy. */
    int[] slotCounts() {
        return counts;
    }

    /** The slots' stamps, beside {@link #slotKeys()}. Not a copy. */
    long[] slotStamps() {
        return stamps;
    }

    int capacity() {
        return keys.length;
    }

    int prunings() {
        return prunings;
    }

    long pruned() {
        return pruned;
    }

    int largestThreshold() {
        return largestThreshold;
    }

    long maxUndercount() {
        return maxUndercount;
    }
}
