package org.textclf.text;

/**
 * Words to ids for the sequence vectorizer's transform: an open-addressing table (linear probing, at most half
 * full) looked up by a span of the tokenized text, so that mapping a document to ids allocates no String per word.
 * Word {@code i} of the array it is built from gets id {@code i + firstId}. Immutable and thread-safe.
 */
final class WordIndex {
    private final String[] words;
    private final int firstId;
    private final int missingId;
    /** Slot -> index into {@code words} + 1; 0 = empty. */
    private final int[] slots;
    private final int mask;

    /**
     * @param words distinct words
     * @param firstId the id of {@code words[0]}
     * @param missingId what {@link #id} returns for a word not in the index
     */
    WordIndex(String[] words, int firstId, int missingId) {
        this.words = words;
        this.firstId = firstId;
        this.missingId = missingId;
        int capacity = Integer.highestOneBit(Math.max(2, words.length) * 2 - 1) << 1;
        slots = new int[capacity];
        mask = capacity - 1;
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            int slot = spread(w.hashCode()) & mask;
            while (slots[slot] != 0) {
                if (words[slots[slot] - 1].equals(w)) {
                    throw new IllegalArgumentException("word '" + w + "' appears twice; expected distinct words");
                }
                slot = (slot + 1) & mask;
            }
            slots[slot] = i + 1;
        }
    }

    /** The id of {@code text.substring(start, end)}, or the missing id. */
    int id(String text, int start, int end) {
        int length = end - start;
        for (int slot = spread(hash(text, start, end)) & mask; ; slot = (slot + 1) & mask) {
            int entry = slots[slot];
            if (entry == 0) {
                return missingId;
            }
            String w = words[entry - 1];
            if (w.length() == length && text.regionMatches(start, w, 0, length)) {
                return entry - 1 + firstId;
            }
        }
    }

    int id(String word) {
        return id(word, 0, word.length());
    }

    /** {@link String#hashCode} of {@code s.substring(start, end)}, without the substring. */
    static int hash(String s, int start, int end) {
        int h = 0;
        for (int i = start; i < end; i++) {
            h = 31 * h + s.charAt(i);
        }
        return h;
    }

    /** Mixes the high bits into the low ones that the mask keeps. */
    static int spread(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
