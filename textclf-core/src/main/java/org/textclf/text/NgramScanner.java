package org.textclf.text;

import java.util.Arrays;

/**
 * The word n-grams of one document at a time, as 64-bit hashes, without a String per token or per n-gram: the
 * tokenizer's rules run over the preprocessed chars, each token is hashed as it is passed, and an n-gram's hash
 * folds its tokens' hashes. Only {@link #ngram} builds a String, for the few n-grams whose names are wanted. One
 * scanner per thread; its buffers grow to the longest document and are reused. Public as the vectorizer's
 * tokenize-and-hash stage, for benchmarks and for callers that hash n-grams as the fit does.
 *
 * <p>The hashes stand in for the n-gram strings everywhere: two distinct n-grams share a hash with probability
 * about 2<sup>-64</sup> per pair, so among the few million n-grams of a corpus a collision is unlikely (about
 * 10<sup>-6</sup> for 6 million) and would only merge two features.
 */
public final class NgramScanner {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    /** [0-9A-Za-z_] as bits: digits in the low long, letters and '_' in the high one. */
    private static final long WORD_LOW = 0x03FF000000000000L;
    private static final long WORD_HIGH = 0x07FFFFFE87FFFFFEL;
    /** Python's ASCII white space, {@code \t \n \v \f \r}, the separators 0x1c-0x1f and the space, as bits. */
    private static final long SPACE_LOW = 0x00000001F0003E00L;

    private final int ngramMin;
    private final int ngramMax;
    /** The pattern's shortest word, in chars for ASCII and code points otherwise. */
    private final int shortestWord;
    /** Whether each character that is neither a word character nor white space is a token. */
    private final boolean symbols;
    private final Preprocessor preprocessor = new Preprocessor();
    private final TermCounts terms = new TermCounts();

    private int tokens;
    private long[] tokenHashes = new long[256];
    private int[] tokenStarts = new int[256];
    private int[] tokenEnds = new int[256];

    private int ngrams;
    private long[] hashes = new long[512];
    /** Where each n-gram comes from: its first token's index times 16, plus its length. */
    private int[] origins = new int[512];

    NgramScanner(int ngramMin, int ngramMax, TokenPattern pattern) {
        this.ngramMin = ngramMin;
        this.ngramMax = ngramMax;
        this.shortestWord = pattern.shortestWord();
        this.symbols = pattern.symbols();
    }

    /** A scanner of the n-gram range and token pattern of {@code config}. */
    public NgramScanner(NgramConfig config) {
        this(config.ngramMin(), config.ngramMax(), config.tokenPattern());
    }

    /**
     * Scans {@code text}: afterwards {@link #ngrams()} n-grams are available, in no particular order. Tokenizes as
     * {@link Tokenizer} does, but over the preprocessed char array, hashing each token's chars as it passes them;
     * n-gram hashes fold the token hashes without touching the chars again.
     */
    public void scan(String text) {
        preprocessor.apply(text);
        tokens = 0;
        if (preprocessor.ascii()) {
            tokenizeAscii(preprocessor.chars(), preprocessor.length());
        } else {
            tokenize(preprocessor.chars(), preprocessor.length());
        }
        ngrams = 0;
        int most = 0;
        for (int m = ngramMin; m <= ngramMax && m <= tokens; m++) {
            most += tokens - m + 1;
        }
        if (most > hashes.length) {
            hashes = new long[Math.max(most, hashes.length * 2)];
            origins = new int[hashes.length];
        }
        for (int m = ngramMin; m <= ngramMax && m <= tokens; m++) {
            for (int t = 0; t + m <= tokens; t++) {
                long h = tokenHashes[t];
                for (int j = 1; j < m; j++) {
                    h = extend(h, tokenHashes[t + j]);
                }
                hashes[ngrams] = h == 0 ? 1 : h; // 0 marks an empty slot in the hash tables
                origins[ngrams] = t << 4 | m;
                ngrams++;
            }
        }
    }

    /** Most documents: ASCII only, so a word character is a bit in two longs and no surrogates need care. */
    private void tokenizeAscii(char[] c, int n) {
        int i = 0;
        while (i < n) {
            if (!isAsciiWordChar(c[i])) {
                if (symbols && (c[i] >= 64 || (SPACE_LOW & 1L << c[i]) == 0)) {
                    addToken(mix((FNV_OFFSET ^ c[i]) * FNV_PRIME + 1), i, i + 1);
                }
                i++;
                continue;
            }
            int start = i;
            long h = FNV_OFFSET;
            do {
                h = (h ^ c[i]) * FNV_PRIME;
                i++;
            } while (i < n && isAsciiWordChar(c[i]));
            if (i - start >= shortestWord) {
                addToken(mix(h + (i - start)), start, i);
            }
        }
    }

    private static boolean isAsciiWordChar(char ch) {
        return ((ch < 64 ? WORD_LOW : WORD_HIGH) & 1L << ch) != 0;
    }

    /** A symbol token: the code point at {@code i}, which is not a word character; returns where it ends. */
    private int symbol(char[] c, int i, int n) {
        int end = Character.isHighSurrogate(c[i]) && i + 1 < n && Character.isLowSurrogate(c[i + 1]) ? i + 2 : i + 1;
        if (!TokenPattern.isSpace(Character.codePointAt(c, i, n))) {
            long h = FNV_OFFSET;
            for (int k = i; k < end; k++) {
                h = (h ^ c[k]) * FNV_PRIME;
            }
            addToken(mix(h + (end - i)), i, end);
        }
        return end;
    }

    private void tokenize(char[] c, int n) {
        int i = 0;
        while (i < n) {
            if (!Tokenizer.isWordChar(c, i, n)) {
                i = symbols ? symbol(c, i, n) : i + 1;
                continue;
            }
            int start = i;
            long h = FNV_OFFSET;
            do {
                h = (h ^ c[i]) * FNV_PRIME;
                i++;
            } while (i < n && Tokenizer.isWordChar(c, i, n));
            if (shortestWord == 1 || Tokenizer.isToken(c, start, i)) {
                addToken(mix(h + (i - start)), start, i);
            }
        }
    }

    private void addToken(long hash, int start, int end) {
        if (tokens == tokenHashes.length) {
            tokenHashes = Arrays.copyOf(tokenHashes, tokens * 2);
            tokenStarts = Arrays.copyOf(tokenStarts, tokens * 2);
            tokenEnds = Arrays.copyOf(tokenEnds, tokens * 2);
        }
        tokenHashes[tokens] = hash;
        tokenStarts[tokens] = start;
        tokenEnds[tokens] = end;
        tokens++;
    }

    /** The distinct n-grams of the last scanned document and how often each occurs, in first-occurrence order. */
    TermCounts countTerms() {
        TermCounts t = terms;
        t.clear(ngrams);
        long[] h = hashes;
        for (int k = 0, n = ngrams; k < n; k++) {
            t.add(h[k], k);
        }
        return t;
    }

    /** How many distinct n-grams the last scanned document has. */
    public int distinctNgrams() {
        return countTerms().size();
    }

    /** How many n-gram occurrences the last scanned document has (repeats included). */
    public int ngrams() {
        return ngrams;
    }

    /** The hashes of the n-gram occurrences, valid up to {@link #ngrams()}. */
    long[] hashes() {
        return hashes;
    }

    /** The hash of the k-th n-gram occurrence; never 0. */
    public long hash(int k) {
        return hashes[k];
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
            name.append(preprocessor.chars(), tokenStarts[first + j], tokenEnds[first + j] - tokenStarts[first + j]);
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
