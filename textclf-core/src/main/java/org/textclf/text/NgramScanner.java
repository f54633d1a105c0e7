package org.textclf.text;

import java.util.Arrays;

/**
 * The word n-grams of one document at a time, as 64-bit hashes, without a String per token or per n-gram: the
 * tokenizer hands over spans of the normalized text, each span is hashed, and an n-gram's hash folds its tokens'
 * hashes. Only {@link #ngram} builds a String, for the few n-grams whose names are wanted. One scanner per thread;
 * its buffers grow to the longest document and are reused.
 *
 * <p>The hashes stand in for the n-gram strings everywhere: two distinct n-grams share a hash with probability
 * about 2<sup>-64</sup> per pair, so among the few million n-grams of a corpus a collision is unlikely (about
 * 10<sup>-6</sup> for 6 million) and would only merge two features.
 */
final class NgramScanner implements Tokenizer.SpanSink {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final int ngramMin;
    private final int ngramMax;

    private String normalized = "";
    private int tokens;
    private long[] tokenHashes = new long[64];
    private int[] tokenStarts = new int[64];
    private int[] tokenEnds = new int[64];

    private int ngrams;
    private long[] hashes = new long[128];
    /** Where each n-gram comes from: its first token's index times 16, plus its length. */
    private int[] origins = new int[128];

    NgramScanner(int ngramMin, int ngramMax) {
        this.ngramMin = ngramMin;
        this.ngramMax = ngramMax;
    }

    NgramScanner(NgramConfig config) {
        this(config.ngramMin(), config.ngramMax());
    }

    /** Scans {@code text}: afterwards {@link #ngrams()} n-grams are available, in no particular order. */
    void scan(String text) {
        tokens = 0;
        normalized = "";
        Tokenizer.DEFAULT.tokenizeSpans(text, this);
        ngrams = 0;
        for (int n = ngramMin; n <= ngramMax && n <= tokens; n++) {
            for (int i = 0; i + n <= tokens; i++) {
                long h = tokenHashes[i];
                for (int j = 1; j < n; j++) {
                    h = extend(h, tokenHashes[i + j]);
                }
                if (ngrams == hashes.length) {
                    hashes = Arrays.copyOf(hashes, ngrams * 2);
                    origins = Arrays.copyOf(origins, ngrams * 2);
                }
                hashes[ngrams] = h == 0 ? 1 : h; // 0 marks an empty slot in the hash tables
                origins[ngrams] = i << 4 | n;
                ngrams++;
            }
        }
    }

    @Override
    public void accept(String text, int start, int end) {
        normalized = text;
        if (tokens == tokenHashes.length) {
            tokenHashes = Arrays.copyOf(tokenHashes, tokens * 2);
            tokenStarts = Arrays.copyOf(tokenStarts, tokens * 2);
            tokenEnds = Arrays.copyOf(tokenEnds, tokens * 2);
        }
        tokenHashes[tokens] = token(text, start, end);
        tokenStarts[tokens] = start;
        tokenEnds[tokens] = end;
        tokens++;
    }

    /** How many n-gram occurrences the last scanned document has (repeats included). */
    int ngrams() {
        return ngrams;
    }

    /** The hash of the k-th n-gram occurrence; never 0. */
    long hash(int k) {
        return hashes[k];
    }

    /**
     * Sorts the hashes ascending, so that repeats are adjacent, and returns the array (valid up to
     * {@link #ngrams()}). Afterwards {@link #ngram} no longer matches {@link #hash}.
     */
    long[] sortedHashes() {
        Arrays.sort(hashes, 0, ngrams);
        return hashes;
    }

    /** The k-th n-gram as scikit-learn names it: its tokens joined by one space. */
    String ngram(int k) {
        int first = origins[k] >>> 4;
        int n = origins[k] & 15;
        StringBuilder name = new StringBuilder();
        for (int j = 0; j < n; j++) {
            if (j > 0) {
                name.append(' ');
            }
            name.append(normalized, tokenStarts[first + j], tokenEnds[first + j]);
        }
        return name.toString();
    }

    /** FNV-1a over the UTF-16 units, then a strong finalizer, so that short tokens spread over all 64 bits. */
    static long token(String s, int start, int end) {
        long h = FNV_OFFSET;
        for (int i = start; i < end; i++) {
            h = (h ^ s.charAt(i)) * FNV_PRIME;
        }
        return mix(h + (end - start));
    }

    /** The hash of an n-gram followed by one more token. Not symmetric, so "a b" and "b a" differ. */
    static long extend(long ngram, long token) {
        return mix(Long.rotateLeft(ngram, 29) * GOLDEN + token);
    }

    /** The hash of an n-gram given as a String of space-separated tokens (for tests and for reading names). */
    static long hash(String ngram) {
        long h = 0;
        int start = 0;
        boolean first = true;
        for (int i = 0; i <= ngram.length(); i++) {
            if (i == ngram.length() || ngram.charAt(i) == ' ') {
                long t = token(ngram, start, i);
                h = first ? t : extend(h, t);
                first = false;
                start = i + 1;
            }
        }
        return h == 0 ? 1 : h;
    }

    /** MurmurHash3's 64-bit finalizer. */
    static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb53f87e2a495L;
        h ^= h >>> 33;
        return h;
    }
}
