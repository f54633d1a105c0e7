package org.textclf.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * How often each word occurs in a stream (Keras' {@code word_counts}), within a memory budget: an open-addressing
 * table (linear probing, at most half full) of words, their hashes and counts, looked up by a span of the tokenized
 * text, so that only a word seen for the first time costs a String. While everything fits, the counts are exact.
 * When the budget allows no more (the table's arrays plus an estimate of the words' Strings), the rarest words are
 * pruned (lossy counting, as {@link DocumentFrequencies} does): every word counted at or below a threshold is
 * dropped, the threshold doubling from 1 until half the room is free. A word pruned and seen again restarts from 0,
 * so its count is too low by at most the sum of all thresholds used ({@link #maxUndercount()}). A table made for
 * merging ({@link #merging}) takes whole counts ({@link #add(String, long)}) and grows past the budget instead of
 * pruning. Not thread-safe.
 */
final class WordCounts {
    /** A slot: a reference, a hash and a count. */
    static final long BYTES_PER_SLOT = 4 + Integer.BYTES + Long.BYTES;
    private static final int INITIAL_CAPACITY = 1 << 10;

    private final long budgetBytes;
    private final Consumer<String> log;
    private final boolean unbounded;
    private String[] words;
    private int[] hashes;
    private long[] counts;
    private int mask;
    private int size;
    /** Estimated bytes of the Strings in the table. */
    private long wordBytes;

    private long occurrences;
    private long inserted;
    private int largestSize;
    private int prunings;
    private long pruned;
    private long maxUndercount;

    WordCounts(long budgetBytes, Consumer<String> log) {
        this(budgetBytes, log, false);
    }

    private WordCounts(long budgetBytes, Consumer<String> log, boolean unbounded) {
        this.budgetBytes = budgetBytes;
        this.log = log;
        this.unbounded = unbounded;
        long fits = Long.highestOneBit(Math.max(2, budgetBytes / BYTES_PER_SLOT / 4));
        allocate((int) Math.min(INITIAL_CAPACITY, fits));
    }

    private void allocate(int capacity) {
        words = new String[capacity];
        hashes = new int[capacity];
        counts = new long[capacity];
        mask = capacity - 1;
    }

    /** Counts one occurrence of the word {@code text.substring(start, end)}. */
    void add(String text, int start, int end) {
        occurrences++;
        int hash = WordIndex.hash(text, start, end);
        int length = end - start;
        int slot = WordIndex.spread(hash) & mask;
        for (String w = words[slot]; w != null; w = words[slot]) {
            if (hashes[slot] == hash && w.length() == length && text.regionMatches(start, w, 0, length)) {
                counts[slot]++;
                return;
            }
            slot = (slot + 1) & mask;
        }
        String word = text.substring(start, end);
        long bytes = stringBytes(word);
        if (2 * (size + 1) > words.length || tableBytes() + wordBytes + bytes > budgetBytes) {
            makeRoom(bytes);
            slot = WordIndex.spread(hash) & mask;
            while (words[slot] != null) {
                slot = (slot + 1) & mask;
            }
        }
        words[slot] = word;
        hashes[slot] = hash;
        counts[slot] = 1;
        wordBytes += bytes;
        size++;
        inserted++;
        largestSize = Math.max(largestSize, size);
    }

    /** An empty table for merging counts into: it never prunes. */
    static WordCounts merging(long budgetBytes) {
        return new WordCounts(budgetBytes, line -> { }, true);
    }

    /** Adds {@code count} occurrences of {@code word}, for merging: grows as needed, never prunes. */
    void add(String word, long count) {
        occurrences += count;
        int hash = word.hashCode();
        int slot = WordIndex.spread(hash) & mask;
        for (String w = words[slot]; w != null; w = words[slot]) {
            if (hashes[slot] == hash && w.equals(word)) {
                counts[slot] = Math.addExact(counts[slot], count);
                return;
            }
            slot = (slot + 1) & mask;
        }
        if (2 * (size + 1) > words.length) {
            grow();
            slot = WordIndex.spread(hash) & mask;
            while (words[slot] != null) {
                slot = (slot + 1) & mask;
            }
        }
        words[slot] = word;
        hashes[slot] = hash;
        counts[slot] = count;
        wordBytes += stringBytes(word);
        size++;
        inserted++;
        largestSize = Math.max(largestSize, size);
    }

    /** Receives a table's words and their counts. */
    interface Entries {
        void accept(String word, long count) throws java.io.IOException;
    }

    /** Gives every word and its count to {@code to}, in table order. */
    void forEach(Entries to) throws java.io.IOException {
        for (int slot = 0; slot < words.length; slot++) {
            if (words[slot] != null) {
                to.accept(words[slot], counts[slot]);
            }
        }
    }

    /** A String's heap bytes, estimated: object header and fields, array header, and the chars as Latin-1 or UTF-16. */
    static long stringBytes(String word) {
        int bytesPerChar = 1;
        for (int i = 0, n = word.length(); i < n && bytesPerChar == 1; i++) {
            bytesPerChar = word.charAt(i) < 256 ? 1 : 2;
        }
        return 24 + 16 + ((word.length() * (long) bytesPerChar + 7) & ~7L);
    }

    private long tableBytes() {
        return words.length * BYTES_PER_SLOT;
    }

    /** Doubles the table if the budget holds both tables while rehashing and the words; else prunes. */
    private void makeRoom(long newWordBytes) {
        long doubled = 2L * words.length;
        boolean full = 2 * (size + 1) > words.length;
        if (full && (words.length + doubled) * BYTES_PER_SLOT + wordBytes + newWordBytes <= budgetBytes
                && doubled <= 1 << 30) {
            grow();
            return;
        }
        if (unbounded) {
            throw new IllegalStateException("a merging table only grows");
        }
        prune();
    }

    /** Doubles the table. */
    private void grow() {
        long doubled = 2L * words.length;
        if (doubled > 1 << 30) {
            throw new IllegalStateException("more than " + size + " distinct words to count");
        }
        String[] oldWords = words;
        int[] oldHashes = hashes;
        long[] oldCounts = counts;
        allocate((int) doubled);
        for (int i = 0; i < oldWords.length; i++) {
            if (oldWords[i] != null) {
                int slot = WordIndex.spread(oldHashes[i]) & mask;
                while (words[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                words[slot] = oldWords[i];
                hashes[slot] = oldHashes[i];
                counts[slot] = oldCounts[i];
            }
        }
    }

    /** Drops the rarest words until half the room is free. */
    private void prune() {
        long room = budgetBytes - tableBytes();
        int before = size;
        long threshold = 1;
        while (size > 0 && (2 * size > words.length / 2 || 2 * wordBytes > room)) {
            removeAtMost(threshold);
            maxUndercount += threshold;
            threshold *= 2;
        }
        prunings++;
        pruned += before - size;
        if (prunings == 1) {
            // Once is enough to know: a small budget may prune hundreds of times, which the fit's summary totals.
            log.accept(String.format("distinct words exceed the counting budget of %,d bytes: pruning rare words"
                    + " (this time %,d counted at most %,d times); the counts are approximate from here on", budgetBytes,
                    before - size, threshold / 2));
        }
    }

    /** Drops every word counted at most {@code threshold} times, in place (Knuth's deletion for linear probing). */
    private void removeAtMost(long threshold) {
        int i = 0;
        while (i < words.length) {
            if (words[i] != null && counts[i] <= threshold) {
                removeAt(i);
                // a word from further on may have moved into slot i: look at it again
            } else {
                i++;
            }
        }
    }

    private void removeAt(int hole) {
        wordBytes -= stringBytes(words[hole]);
        int j = hole;
        while (true) {
            j = (j + 1) & mask;
            if (words[j] == null) {
                break;
            }
            int home = WordIndex.spread(hashes[j]) & mask;
            // The word at j may move back to the hole unless its home lies cyclically in (hole, j].
            boolean stays = hole <= j ? hole < home && home <= j : hole < home || home <= j;
            if (!stays) {
                words[hole] = words[j];
                hashes[hole] = hashes[j];
                counts[hole] = counts[j];
                hole = j;
            }
        }
        words[hole] = null;
        size--;
    }

    /**
     * The {@code n} most counted words, most frequent first, ties by word in code point order (Python's order), so
     * that the result does not depend on the table's layout or the corpus order.
     */
    String[] top(int n) {
        // count descending, then slot: one primitive sort of all entries; then runs of equal counts sorted by word
        long[] order = new long[size];
        int k = 0;
        for (int slot = 0; slot < words.length; slot++) {
            if (words[slot] != null) {
                long c = Math.min(counts[slot], Integer.MAX_VALUE);
                order[k++] = (Integer.MAX_VALUE - c) << 32 | slot;
            }
        }
        Arrays.sort(order);
        int kept = Math.min(n, size);
        String[] top = new String[kept];
        int filled = 0;
        for (int i = 0; i < size && filled < kept; ) {
            int j = i;
            while (j < size && order[j] >>> 32 == order[i] >>> 32) {
                j++;
            }
            List<String> run = new ArrayList<>(j - i);
            for (int r = i; r < j; r++) {
                run.add(words[(int) order[r]]);
            }
            run.sort(NgramFit::compareCodePoints);
            for (int r = 0; r < run.size() && filled < kept; r++) {
                top[filled++] = run.get(r);
            }
            i = j;
        }
        return top;
    }

    /** The count of {@code word}, 0 when absent. */
    long count(String word) {
        int hash = word.hashCode();
        for (int slot = WordIndex.spread(hash) & mask; words[slot] != null; slot = (slot + 1) & mask) {
            if (hashes[slot] == hash && words[slot].equals(word)) {
                return counts[slot];
            }
        }
        return 0;
    }

    /** The bytes the table and its words take now, by the estimate that the budget bounds. */
    long usedBytes() {
        return tableBytes() + wordBytes;
    }

    /** Distinct words in the table now. */
    int size() {
        return size;
    }

    /** Words counted, repeats included. */
    long occurrences() {
        return occurrences;
    }

    /**
     * At least this many distinct words occurred: the table's largest size. Exact (and equal to {@link #size()})
     * when nothing was pruned.
     */
    long distinctAtLeast() {
        return largestSize;
    }

    /** At most this many distinct words occurred: every word entered counts once per entry into the table. */
    long distinctAtMost() {
        return inserted;
    }

    boolean exact() {
        return prunings == 0;
    }

    int prunings() {
        return prunings;
    }

    long pruned() {
        return pruned;
    }

    long maxUndercount() {
        return maxUndercount;
    }
}
