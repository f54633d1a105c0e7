package org.textclf.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class NgramScannerTest {

    private static List<String> names(NgramScanner scanner) {
        List<String> names = new ArrayList<>();
        for (int k = 0; k < scanner.ngrams(); k++) {
            names.add(scanner.ngram(k));
        }
        return names;
    }

    @Test
    void scan_uniAndBigrams_namesAsScikitLearn() {
        NgramScanner scanner = new NgramScanner(1, 2, TokenPattern.GUIDE);

        scanner.scan("The CAFÉ, the a café!");

        // 'a' is one character, so it is no token and 'the' and 'cafe' become adjacent
        assertThat(names(scanner)).containsExactly("the", "cafe", "the", "cafe", "the cafe", "cafe the",
                "the cafe");
    }

    @Test
    void scan_anyNgram_hashEqualsHashOfItsName() {
        NgramScanner scanner = new NgramScanner(1, 3, TokenPattern.GUIDE);

        scanner.scan("Jean Eustache's 3 1/2-hour marathon masterwork, ÉTÉ über naïve");

        // jean eustache hour marathon masterwork ete uber naive: one-character runs ('s', '3', '1', '2') are no tokens
        assertThat(scanner.ngrams()).isEqualTo(8 + 7 + 6);
        for (int k = 0; k < scanner.ngrams(); k++) {
            assertThat(scanner.hash(k)).as(scanner.ngram(k)).isEqualTo(NgramScanner.hash(scanner.ngram(k)));
        }
    }

    @Test
    void hash_reorderedOrRegrouped_differs() {
        Set<Long> hashes = new HashSet<>();
        for (String name : List.of("ab cd", "cd ab", "abcd", "ab", "cd", "a bcd", "abc d", "ab cd ef", "ab cdef")) {
            assertThat(hashes.add(NgramScanner.hash(name))).as(name).isTrue();
        }
    }

    @Test
    void scan_wordsAndSymbols_keepsOneCharacterWordsAndMarks() {
        NgramScanner scanner = new NgramScanner(1, 2, TokenPattern.WORDS_AND_SYMBOLS);

        scanner.scan("The CAF\u00c9, a 7/10 :-) \ud83d\ude00!\u00a0\u2003\tok");

        assertThat(names(scanner).subList(0, 13)).containsExactly("the", "cafe", ",", "a", "7", "/", "10", ":", "-",
                ")", "\ud83d\ude00", "!", "ok");
        assertThat(names(scanner)).hasSize(13 + 12).contains("7 /", "\ud83d\ude00 !", "! ok");
    }

    @ParameterizedTest
    @EnumSource(TokenPattern.class)
    void scan_randomUnicodeText_sameNgramsAsTokenizer(TokenPattern pattern) {
        String alphabet = "ab Z9_ ,.\u00e9\u00c9\u00bd\u0130\u03a3\u0301\u2019\u2160\uac00\ud835\udc00\ud83d\ude00\u0663"
                + "\u00a0\u2003\u0085\u001f\u007f\t\n!'";
        java.util.Random random = new java.util.Random(11);
        NgramScanner scanner = new NgramScanner(1, 3, pattern);
        for (int t = 0; t < 5_000; t++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(30); i > 0; i--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            List<String> tokens = Tokenizer.of(pattern).tokenize(text.toString());
            List<String> expected = new ArrayList<>();
            for (int n = 1; n <= 3; n++) {
                for (int i = 0; i + n <= tokens.size(); i++) {
                    expected.add(String.join(" ", tokens.subList(i, i + n)));
                }
            }

            scanner.scan(text.toString());

            assertThat(names(scanner)).as(text.toString()).isEqualTo(expected);
            for (int k = 0; k < scanner.ngrams(); k++) {
                assertThat(scanner.hash(k)).isEqualTo(NgramScanner.hash(scanner.ngram(k)));
            }
        }
    }

    @Test
    void countTerms_repeats_countsEachDistinctOnceInFirstOccurrenceOrder() {
        NgramScanner scanner = new NgramScanner(1, 1, TokenPattern.GUIDE);

        scanner.scan("to be or not to be to");
        TermCounts terms = scanner.countTerms();

        assertThat(terms.size()).isEqualTo(4);
        assertThat(terms.key(0)).isEqualTo(NgramScanner.hash("to"));
        assertThat(terms.count(0)).isEqualTo(3);
        assertThat(terms.key(1)).isEqualTo(NgramScanner.hash("be"));
        assertThat(terms.count(1)).isEqualTo(2);
        assertThat(terms.count(3)).isEqualTo(1);
    }

    @Test
    void countTerms_manyDistinctThenFew_growsAndClears() {
        NgramScanner scanner = new NgramScanner(1, 1, TokenPattern.GUIDE);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            text.append("w").append(i).append(' ').append("w").append(i % 7).append(' ');
        }

        scanner.scan(text.toString());
        TermCounts many = scanner.countTerms();
        assertThat(many.size()).isEqualTo(5_000);
        long total = 0;
        for (int e = 0; e < many.size(); e++) {
            total += many.count(e);
        }
        assertThat(total).isEqualTo(10_000);

        scanner.scan("aa bb aa");
        TermCounts few = scanner.countTerms();
        assertThat(few.size()).isEqualTo(2);
        assertThat(few.count(0)).isEqualTo(2);
    }

    @Test
    void scan_rangeTwoToThree_skipsUnigrams() {
        NgramScanner scanner = new NgramScanner(2, 3, TokenPattern.GUIDE);

        scanner.scan("one two three");

        assertThat(names(scanner)).containsExactly("one two", "two three", "one two three");
    }
}
