package org.textclf.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Tokenizer} against scikit-learn 1.2.1's own analyzer ({@code TfidfVectorizer(strip_accents='unicode',
 * token_pattern=...).build_analyzer()}): the expected token lists below are what it printed for these texts.
 */
class TokenizerTest {

    static Stream<Arguments> wordsAndSymbols() {
        // token_pattern=r"(?u)\b\w+\b|[^\w\s]"
        return Stream.of(
                Arguments.of("The CAF\u00c9, a 7/10 :-) \ud83d\ude00!\u00a0\u2003\tok",
                        List.of("the", "cafe", ",", "a", "7", "/", "10", ":", "-", ")", "\ud83d\ude00", "!", "ok")),
                Arguments.of("don't <br />stop... \"quoted\" (x) [y] {z} ~`^|\\",
                        List.of("don", "'", "t", "<", "br", "/", ">", "stop", ".", ".", ".", "\"", "quoted", "\"", "(", "x", ")", "[", "y", "]", "{", "z", "}", "~", "`", "^", "|", "\\")),
                Arguments.of("na\u00efve \u00fcber \u0130stanbul STRASSE stra\u00dfe \u2160 \u00bd \u0663",
                        List.of("naive", "uber", "istanbul", "strasse", "stra\u00dfe", "i", "1", "\u2044", "2", "\u0663")),
                Arguments.of("tab\there\u0085next\u001fsep\u007fdel",
                        List.of("tab", "here", "next", "sep", "\u007f", "del")),
                Arguments.of("\u03a3\u039f\u03a6\u039f\u03a3 cafe\u0301 \u2019quoted\u2019 \u2014 \u2026",
                        List.of("\u03c3\u03bf\u03c6\u03bf\u03c2", "cafe", "\u2019", "quoted", "\u2019", "\u2014", ".", ".", ".")),
                Arguments.of("\ud835\udc00bc \ud835\udc00 \ud83d\udc4d\ud83c\udffd e=mc\u00b2 #hashtag @user $5 100%",
                        List.of("Abc", "A", "\ud83d\udc4d", "\ud83c\udffd", "e", "=", "mc2", "#", "hashtag", "@", "user", "$", "5", "100", "%")),
                Arguments.of("",
                        List.of()),
                Arguments.of("   ",
                        List.of()),
                Arguments.of("a",
                        List.of("a")),
                Arguments.of("!",
                        List.of("!")));
    }

    static Stream<Arguments> guide() {
        // the default token_pattern, r"(?u)\b\w\w+\b"
        return Stream.of(
                Arguments.of("The CAF\u00c9, a 7/10 :-) \ud83d\ude00!\u00a0\u2003\tok",
                        List.of("the", "cafe", "10", "ok")),
                Arguments.of("don't <br />stop... \"quoted\" (x) [y] {z} ~`^|\\",
                        List.of("don", "br", "stop", "quoted")),
                Arguments.of("na\u00efve \u00fcber \u0130stanbul STRASSE stra\u00dfe \u2160 \u00bd \u0663",
                        List.of("naive", "uber", "istanbul", "strasse", "stra\u00dfe")),
                Arguments.of("tab\there\u0085next\u001fsep\u007fdel",
                        List.of("tab", "here", "next", "sep", "del")),
                Arguments.of("\u03a3\u039f\u03a6\u039f\u03a3 cafe\u0301 \u2019quoted\u2019 \u2014 \u2026",
                        List.of("\u03c3\u03bf\u03c6\u03bf\u03c2", "cafe", "quoted")),
                Arguments.of("\ud835\udc00bc \ud835\udc00 \ud83d\udc4d\ud83c\udffd e=mc\u00b2 #hashtag @user $5 100%",
                        List.of("Abc", "mc2", "hashtag", "user", "100")),
                Arguments.of("",
                        List.of()),
                Arguments.of("   ",
                        List.of()),
                Arguments.of("a",
                        List.of()),
                Arguments.of("!",
                        List.of()));
    }

    @ParameterizedTest
    @MethodSource
    void wordsAndSymbols(String text, List<String> expected) {
        assertThat(Tokenizer.of(TokenPattern.WORDS_AND_SYMBOLS).tokenize(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource
    void guide(String text, List<String> expected) {
        assertThat(Tokenizer.DEFAULT.tokenize(text)).isEqualTo(expected);
    }
}
