package org.textclf.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * The word tokenizer of scikit-learn's {@code TfidfVectorizer} as the guide configures it: lowercase, then accents
 * stripped ({@code strip_accents='unicode'}), then the tokens of a {@link TokenPattern}: for the guide's,
 * {@code (?u)\b\w\w+\b}, maximal runs of two or more word characters. Immutable and thread-safe. The reference
 * that {@link NgramScanner}'s faster tokenizing is tested against.
 */
public final class Tokenizer {

    /** Receives tokens one by one, so that callers can count or hash them without building a list. */
    @FunctionalInterface
    public interface TokenSink {
        void accept(String token);
    }

    /**
     * Receives tokens as spans of the normalized text, so that callers can hash them without allocating a String
     * per token (the n-gram vectorizer's transform does).
     */
    @FunctionalInterface
    public interface SpanSink {
        /** The token is {@code normalized.substring(start, end)}. */
        void accept(String normalized, int start, int end);
    }

    /** The guide's ({@link TokenPattern#GUIDE}), as explore counts words and n-grams. */
    public static final Tokenizer DEFAULT = new Tokenizer(TokenPattern.GUIDE);

    private final TokenPattern pattern;

    private Tokenizer(TokenPattern pattern) {
        this.pattern = pattern;
    }

    /** The tokenizer of {@code pattern}. */
    public static Tokenizer of(TokenPattern pattern) {
        return pattern == TokenPattern.GUIDE ? DEFAULT : new Tokenizer(pattern);
    }

    /** Returns the tokens of {@code text}, in order. */
    public List<String> tokenize(String text) {
        List<String> tokens = new ArrayList<>();
        tokenize(text, tokens::add);
        return tokens;
    }

    /** Feeds the tokens of {@code text}, in order, to {@code sink}. */
    public void tokenize(String text, TokenSink sink) {
        tokenizeSpans(text, (normalized, start, end) -> sink.accept(normalized.substring(start, end)));
    }

    /** Feeds the tokens of {@code text}, in order, to {@code sink} as spans of the normalized text. */
    public void tokenizeSpans(String text, SpanSink sink) {
        String normalized = normalize(text);
        int n = normalized.length();
        int start = -1;
        for (int i = 0; i < n; i++) {
            char c = normalized.charAt(i);
            if (isWordChar(c, normalized, i)) {
                if (start < 0) {
                    start = i;
                }
                continue;
            }
            if (start >= 0) {
                emit(normalized, start, i, sink);
                start = -1;
            }
            int cp = normalized.codePointAt(i);
            if (pattern.symbols() && !TokenPattern.isSpace(cp)) {
                sink.accept(normalized, i, i + Character.charCount(cp));
            }
            i += Character.charCount(cp) - 1;
        }
        if (start >= 0) {
            emit(normalized, start, n, sink);
        }
    }

    private void emit(String s, int start, int end, SpanSink sink) {
        if (Character.codePointCount(s, start, end) >= pattern.shortestWord()) {
            sink.accept(s, start, end);
        }
    }

    /**
     * Lowercases, then strips accents as scikit-learn's {@code strip_accents_unicode} does: NFKD, then drop
     * combining characters. ASCII text (the common case) skips the normalizer, as scikit-learn's does.
     */
    static String normalize(String text) {
        boolean ascii = true;
        boolean upper = false;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c >= 128) {
                ascii = false;
                break;
            }
            if (c >= 'A' && c <= 'Z') {
                upper = true;
            }
        }
        if (ascii) {
            return upper ? asciiLower(text) : text;
        }
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        String decomposed = Normalizer.normalize(lower, Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); ) {
            int cp = decomposed.codePointAt(i);
            if (!isCombining(cp)) {
                out.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    private static String asciiLower(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c >= 'A' && c <= 'Z') {
                chars[i] = (char) (c + ('a' - 'A'));
            }
        }
        return new String(chars);
    }

    /** Python's {@code unicodedata.combining(c) != 0}: the combining marks. */
    private static boolean isCombining(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }

    /** Bit c set when the BMP character c (not a surrogate) is a word character, for the char array scanners. */
    private static final long[] WORD_CHARS = new long[1 << 10];

    static {
        for (int c = 0; c < 1 << 16; c++) {
            if (!Character.isSurrogate((char) c) && isWordChar((char) c, "", 0)) {
                WORD_CHARS[c >>> 6] |= 1L << c;
            }
        }
    }

    /** {@link #isWordChar(char, String, int)} over {@code s[0..n)}: a table lookup unless a surrogate. */
    static boolean isWordChar(char[] s, int i, int n) {
        char c = s[i];
        if (!Character.isSurrogate(c)) {
            return (WORD_CHARS[c >>> 6] & 1L << c) != 0;
        }
        int cp = c;
        if (Character.isHighSurrogate(c) && i + 1 < n) {
            cp = Character.toCodePoint(c, s[i + 1]);
        } else if (Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s[i - 1])) {
            cp = Character.toCodePoint(s[i - 1], c);
        }
        return isWordCodePoint(cp);
    }

    /** Whether the word {@code s[start..end)} has the two code points a token of the guide's pattern needs. */
    static boolean isToken(char[] s, int start, int end) {
        return end - start > 2
                || end - start == 2 && !(Character.isHighSurrogate(s[start]) && Character.isLowSurrogate(s[start + 1]));
    }

    /**
     * Python's {@code \w} in a str pattern: alphanumeric characters (letters, and the numeric categories Nd, Nl,
     * No) and the underscore. Surrogate pairs count by their code point.
     */
    private static boolean isWordChar(char c, String s, int i) {
        if (c < 128) {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || (c >= 'A' && c <= 'Z');
        }
        int cp = c;
        if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
            cp = Character.toCodePoint(c, s.charAt(i + 1));
        } else if (Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1))) {
            cp = Character.toCodePoint(s.charAt(i - 1), c);
        }
        return isWordCodePoint(cp);
    }

    private static boolean isWordCodePoint(int cp) {
        if (Character.isLetterOrDigit(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }
}
