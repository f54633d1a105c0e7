package org.textclf.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The words of a text as the guide's Keras {@code Tokenizer} sees them ({@code text_to_word_sequence} with its
 * defaults): lowercase, every character of {@link #FILTERS} replaced by a space, then split on the space, empty
 * pieces dropped. As in Keras, only the space and the filtered characters separate words: a carriage return or a
 * non-breaking space stays inside a word, and the apostrophe is kept ("it's" is one word).
 *
 * <p>A char loop over a 128-bit table instead of Keras' {@code str.translate} and {@code split}: no regex, and no
 * String per word unless the caller asks for one ({@link #tokenizeSpans}). Stateless and thread-safe.
 */
public final class SequenceTokenizer {
    /** Keras' default {@code filters}: these ASCII characters become spaces. */
    public static final String FILTERS = "!\"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\t\n";

    /** Bit c set when the ASCII character c separates words: the filters and the space. */
    private static final long[] SEPARATORS = new long[2];

    static {
        for (char c : (FILTERS + " ").toCharArray()) {
            SEPARATORS[c >>> 6] |= 1L << c;
        }
    }

    private SequenceTokenizer() {
    }

    /** The words of {@code text}, in order. */
    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        tokenizeSpans(text, (lowered, start, end) -> words.add(lowered.substring(start, end)));
        return words;
    }

    /** Feeds the words of {@code text}, in order, to {@code sink} as spans of the lowercased text. */
    public static void tokenizeSpans(String text, Tokenizer.SpanSink sink) {
        String lowered = lowercase(text);
        int start = -1;
        for (int i = 0, n = lowered.length(); i < n; i++) {
            if (isSeparator(lowered.charAt(i))) {
                if (start >= 0) {
                    sink.accept(lowered, start, i);
                    start = -1;
                }
            } else if (start < 0) {
                start = i;
            }
        }
        if (start >= 0) {
            sink.accept(lowered, start, lowered.length());
        }
    }

    static boolean isSeparator(char c) {
        return c < 128 && (SEPARATORS[c >>> 6] & 1L << c) != 0;
    }

    /**
     * Python's {@code str.lower()}: ASCII text (the common case) by a char loop, and returned as is when it has no
     * capital; other text by {@link String#toLowerCase(Locale)} in the root locale, which agrees with Python on
     * the special cases (final sigma, dotted capital I).
     */
    static String lowercase(String text) {
        boolean upper = false;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c >= 128) {
                return text.toLowerCase(Locale.ROOT);
            }
            upper |= c >= 'A' && c <= 'Z';
        }
        if (!upper) {
            return text;
        }
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c >= 'A' && c <= 'Z') {
                chars[i] = (char) (c + ('a' - 'A'));
            }
        }
        return new String(chars);
    }
}
