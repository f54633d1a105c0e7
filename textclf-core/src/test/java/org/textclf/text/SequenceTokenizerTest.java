package org.textclf.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Expected words are what Keras' {@code text_to_word_sequence(text)} returns with its defaults: {@code
 * text.lower()}, each filter character replaced by a space, {@code text.split(" ")}, empty pieces dropped.
 */
class SequenceTokenizerTest {

    @Test
    void words_punctuationAndCapitals_lowercasedAndSplit() {
        assertThat(SequenceTokenizer.words("The quick, brown fox!")).containsExactly("the", "quick", "brown", "fox");
        assertThat(SequenceTokenizer.words("Hello...World?? (really)")).containsExactly("hello", "world", "really");
    }

    @Test
    void words_apostrophe_isKeptInsideTheWord() {
        // "'" is not among Keras' default filters
        assertThat(SequenceTokenizer.words("It's 'fine', isn't it")).containsExactly("it's", "'fine'", "isn't", "it");
    }

    @Test
    void words_everyFilterCharacter_separates() {
        StringBuilder text = new StringBuilder("a");
        for (char c : SequenceTokenizer.FILTERS.toCharArray()) {
            text.append(c).append('a');
        }
        assertThat(SequenceTokenizer.words(text.toString())).hasSize(SequenceTokenizer.FILTERS.length() + 1)
                .containsOnly("a");
        assertThat(SequenceTokenizer.words("snake_case e-mail@x.com <br />10/10"))
                .containsExactly("snake", "case", "e", "mail", "x", "com", "br", "10", "10");
    }

    @Test
    void words_tabAndNewline_separateButCarriageReturnAndNbspDoNot() {
        // \t and \n are filters; split(" ") leaves \r and U+00A0 inside words, as Keras does
        assertThat(SequenceTokenizer.words("one\ttwo\nthree\rfour\u00a0five"))
                .containsExactly("one", "two", "three\rfour\u00a0five");
    }

    @Test
    void words_blankOrEmpty_givesNoWords() {
        assertThat(SequenceTokenizer.words("")).isEmpty();
        assertThat(SequenceTokenizer.words("   ,,, !! \n")).isEmpty();
    }

    @Test
    void words_nonAscii_lowercasedAsPython() {
        // Python: "Café ÜBER".lower() == "café über"; "ΣΑΣ".lower() == "σας" (final sigma); "İ".lower() == "i̇"
        assertThat(SequenceTokenizer.words("Café ÜBER")).containsExactly("café", "über");
        assertThat(SequenceTokenizer.words("ΣΑΣ")).containsExactly("σας");
        assertThat(SequenceTokenizer.words("İ")).containsExactly("i\u0307");
    }

    @Test
    void tokenizeSpans_lowercaseAsciiText_spansOfTheSameString() {
        String text = "no capitals here";
        List<String> seen = new ArrayList<>();
        SequenceTokenizer.tokenizeSpans(text, (s, start, end) -> {
            assertThat(s).isSameAs(text);
            seen.add(s.substring(start, end));
        });
        assertThat(seen).containsExactly("no", "capitals", "here");
    }
}
