package org.textclf.text;

/**
 * scikit-learn's preprocessor for {@code lowercase=True, strip_accents='unicode'} ({@link Tokenizer#normalize}),
 * computed char by char into a reusable array, so that a document costs no String copies. One per thread.
 *
 * <p>Why char by char is exact: lowercasing is context-free except for the Greek capital sigma (final sigma), and
 * NFKD decomposes each character on its own, then only reorders combining marks, which the accent stripping drops
 * anyway. So the text's result is the concatenation of each character's result, except around a capital sigma or a
 * surrogate pair; a document holding either goes through {@link Tokenizer#normalize} whole. ASCII, by far the most
 * common, is lowercased by a table; other characters' results are computed once and cached.
 * {@code PreprocessorTest} compares this with {@link Tokenizer#normalize} for every BMP character. Public as the
 * vectorizer's first stage, for benchmarks.
 */
public final class Preprocessor {
    private static final char[] ASCII_LOWER = new char[128];
    /** Each BMP character's result, filled on first use; {@link #WHOLE} when the document needs the slow path. */
    private static final String[] FOLDED = new String[1 << 16];
    private static final String WHOLE = new String("whole document");

    static {
        for (char c = 0; c < 128; c++) {
            ASCII_LOWER[c] = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
    }

    private char[] chars = new char[4096];
    private int length;
    private boolean ascii;

    /** Preprocesses {@code text}; the result is {@code chars()[0..length())}. */
    public void apply(String text) {
        int n = text.length();
        if (chars.length < n) {
            chars = new char[Math.max(n, chars.length * 2)];
        }
        char[] c = chars;
        text.getChars(0, n, c, 0);
        int i = 0;
        while (i < n && c[i] < 128) {
            c[i] = ASCII_LOWER[c[i]];
            i++;
        }
        ascii = i == n;
        length = ascii ? n : folded(text, i);
    }

    /** The general path from the first non-ASCII character at {@code from}; returns the length. */
    private int folded(String text, int from) {
        int out = from;
        for (int i = from, n = text.length(); i < n; i++) {
            char ch = text.charAt(i);
            if (ch < 128) {
                if (out == chars.length) {
                    grow(out + 1);
                }
                chars[out++] = ASCII_LOWER[ch];
                continue;
            }
            String f = foldedChar(ch);
            if (f == WHOLE) {
                return whole(text);
            }
            int m = f.length();
            if (out + m > chars.length) {
                grow(out + m);
            }
            f.getChars(0, m, chars, out);
            out += m;
        }
        return out;
    }

    private int whole(String text) {
        String normalized = Tokenizer.normalize(text);
        int n = normalized.length();
        if (n > chars.length) {
            grow(n);
        }
        normalized.getChars(0, n, chars, 0);
        return n;
    }

    private void grow(int needed) {
        chars = java.util.Arrays.copyOf(chars, Math.max(needed, chars.length * 2));
    }

    /** The result for one non-ASCII character; racy but idempotent, as Strings are immutable. */
    static String foldedChar(char ch) {
        String f = FOLDED[ch];
        if (f == null) {
            f = ch == '\u03A3' || Character.isSurrogate(ch) ? WHOLE : Tokenizer.normalize(String.valueOf(ch));
            for (int i = 0; i < f.length() && f != WHOLE; i++) {
                if (Character.isSurrogate(f.charAt(i)) || f.charAt(i) == '\u03A3') {
                    f = WHOLE;
                }
            }
            FOLDED[ch] = f;
        }
        return f;
    }

    char[] chars() {
        return chars;
    }

    /** The length of the last result. */
    public int length() {
        return length;
    }

    /** Whether the last text was all ASCII, so that its result is too. */
    boolean ascii() {
        return ascii;
    }
}
