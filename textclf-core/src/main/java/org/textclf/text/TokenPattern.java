package org.textclf.text;

import java.util.Locale;

/**
 * Which pieces of a text the n-gram vectorizer counts as tokens, after lowercasing and stripping accents: a regular
 * expression of scikit-learn's {@code token_pattern}, implemented char by char ({@link Tokenizer},
 * {@link NgramScanner}).
 *
 * <p>Why a second pattern: the guide's drops every one-character word and every mark, and with them signals a
 * classifier wants: "!" and "?", "a" against "the", the "7" of "7/10", an emoticon's ":" and ")", an emoji. Measured
 * with the defaults otherwise unchanged (README, "Defaults"), {@link #WORDS_AND_SYMBOLS} took IMDB from 0.9053 to
 * 0.9115 at seed 42 and AG News from a mean of 0.8918 to 0.8937 over seeds 42, 1 and 7.
 */
public enum TokenPattern {
    /** scikit-learn's default and the guide's, {@code (?u)\b\w\w+\b}: runs of two or more word characters. */
    GUIDE("guide", 0),
    /**
     * {@code (?u)\b\w+\b|[^\w\s]}: runs of one or more word characters, and every other character that is not
     * white space, each a token of its own (a code point: an emoji outside the BMP is one token).
     */
    WORDS_AND_SYMBOLS("words-and-symbols", 1);

    private final String cliName;
    /** What the model and statistics files store: stable, unlike the ordinal. */
    private final int code;

    TokenPattern(String cliName, int code) {
        this.cliName = cliName;
        this.code = code;
    }

    /** The spelling on the command line and in a model's settings, e.g. {@code words-and-symbols}. */
    public String cliName() {
        return cliName;
    }

    int code() {
        return code;
    }

    /** The pattern stored as {@code code}, or null when no pattern has that code (a damaged or newer file). */
    static TokenPattern ofCode(int code) {
        for (TokenPattern p : values()) {
            if (p.code == code) {
                return p;
            }
        }
        return null;
    }

    /**
     * Parses a CLI spelling (case-insensitive; {@code _} accepted for {@code -}).
     *
     * @throws IllegalArgumentException naming the choices when {@code s} is none of them
     */
    public static TokenPattern parse(String s) {
        String wanted = s == null ? "" : s.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (TokenPattern p : values()) {
            if (p.cliName.equals(wanted)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown token pattern '" + s + "'; expected one of "
                + GUIDE.cliName + ", " + WORDS_AND_SYMBOLS.cliName);
    }

    /** The shortest run of word characters, in code points, that is a token. */
    int shortestWord() {
        return this == GUIDE ? 2 : 1;
    }

    /** Whether a character that is not a word character is a token by itself. */
    boolean symbols() {
        return this == WORDS_AND_SYMBOLS;
    }

    /** Python's {@code \s} for a str: what {@code str.isspace()} is true of. */
    static boolean isSpace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x85;
    }

    @Override
    public String toString() {
        return cliName;
    }
}
