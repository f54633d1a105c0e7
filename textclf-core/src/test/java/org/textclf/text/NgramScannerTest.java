package org.textclf.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

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
        NgramScanner scanner = new NgramScanner(1, 2);

        scanner.scan("The CAFÉ, the a café!");

        // 'a' is one character, so it is no token and 'the' and 'cafe' become adjacent
        assertThat(names(scanner)).containsExactly("the", "cafe", "the", "cafe", "the cafe", "cafe the",
                "the cafe");
    }

    @Test
    void scan_anyNgram_hashEqualsHashOfItsName() {
        NgramScanner scanner = new NgramScanner(1, 3);

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
    void scan_rangeTwoToThree_skipsUnigrams() {
        NgramScanner scanner = new NgramScanner(2, 3);

        scanner.scan("one two three");

        assertThat(names(scanner)).containsExactly("one two", "two three", "one two three");
    }
}
