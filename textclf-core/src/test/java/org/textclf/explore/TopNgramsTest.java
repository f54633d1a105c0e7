package org.textclf.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TopNgramsTest {

    @Test
    void top_fewNgrams_exactCountsTiesByNgram() {
        TopNgrams ngrams = new TopNgrams(10);
        for (String t : "b a c a b a".split(" ")) {
            ngrams.add(t);
        }
        ngrams.add("a", "b");
        ngrams.add("a", "b");

        assertThat(ngrams.top(3)).containsExactly(new NgramCount("a", 3), new NgramCount("a b", 2),
                new NgramCount("b", 2));
        assertThat(ngrams.isTopExact(3)).isTrue();
        assertThat(ngrams.total()).isEqualTo(8);
    }

    @Test
    void add_bigramThenJoinedUnigram_sameNgram() {
        TopNgrams ngrams = new TopNgrams(10);
        ngrams.add("new", "york");
        ngrams.add("new york");

        assertThat(ngrams.top(5)).containsExactly(new NgramCount("new york", 2));
    }

    @Test
    void add_bigramsSharingPrefix_keptApart() {
        TopNgrams ngrams = new TopNgrams(10);
        ngrams.add("ab", "c");
        ngrams.add("a", "bc");
        ngrams.add("a", "bc");

        assertThat(ngrams.top(5)).containsExactly(new NgramCount("a bc", 2), new NgramCount("ab c", 1));
    }

    @Test
    void add_skewedStreamSmallCapacity_heavyHittersExactAndBoundsHold() {
        // Zipf-like stream: word i drawn with weight 1/(i+1); far more distinct words than capacity.
        Random random = new Random(42);
        int vocabulary = 20_000;
        double[] cumulative = new double[vocabulary];
        double sum = 0;
        for (int i = 0; i < vocabulary; i++) {
            sum += 1.0 / (i + 1);
            cumulative[i] = sum;
        }
        TopNgrams ngrams = new TopNgrams(2_000);
        Map<String, Long> reference = new HashMap<>();
        for (int n = 0; n < 300_000; n++) {
            double u = random.nextDouble() * sum;
            int lo = 0;
            int hi = vocabulary - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cumulative[mid] < u) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            String word = "w" + lo;
            ngrams.add(word);
            reference.merge(word, 1L, Long::sum);
        }

        assertThat(ngrams.size()).isEqualTo(2_000);
        List<NgramCount> top = ngrams.top(20);
        List<Map.Entry<String, Long>> expected = new ArrayList<>(reference.entrySet());
        expected.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        assertThat(ngrams.isTopExact(20)).isTrue();
        for (int i = 0; i < 20; i++) {
            assertThat(top.get(i)).isEqualTo(new NgramCount(expected.get(i).getKey(), expected.get(i).getValue()));
        }
        // Space-Saving: every count in the table is an upper bound of the true count.
        for (NgramCount c : ngrams.top(2_000)) {
            assertThat(c.count()).isGreaterThanOrEqualTo(reference.get(c.ngram()));
        }
    }

    @Test
    void isTopExact_uniformStreamOverCapacity_false() {
        TopNgrams ngrams = new TopNgrams(4);
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 10; i++) {
                ngrams.add("w" + i);
            }
        }

        assertThat(ngrams.isTopExact(2)).isFalse();
        assertThat(ngrams.total()).isEqualTo(30);
    }

    @Test
    void isTopExact_exactTieAtCutOffAfterEviction_true() {
        TopNgrams ngrams = new TopNgrams(3);
        for (String t : "a a a b b b c d".split(" ")) {
            ngrams.add(t); // d takes c's place (count 2, error 1); a and b tie at 3, both exact
        }

        assertThat(ngrams.top(1)).containsExactly(new NgramCount("a", 3));
        assertThat(ngrams.isTopExact(1)).isTrue();
        assertThat(ngrams.top(3)).containsExactly(new NgramCount("a", 3), new NgramCount("b", 3),
                new NgramCount("d", 2));
        assertThat(ngrams.isTopExact(3)).isFalse();
    }

    @Test
    void isTopExact_tieWithOverestimatedCount_false() {
        TopNgrams ngrams = new TopNgrams(2);
        for (String t : "a a b c".split(" ")) {
            ngrams.add(t); // c takes b's place with count 2, error 1: it ties with a but may really be 1
        }

        assertThat(ngrams.top(2)).containsExactly(new NgramCount("a", 2), new NgramCount("c", 2));
        assertThat(ngrams.isTopExact(1)).isFalse();
    }

    @Test
    void add_constantEviction_tableStaysConsistent() {
        // Many evictions exercise the backward-shift deletion: each key in the heap must still be found.
        TopNgrams ngrams = new TopNgrams(64);
        for (int i = 0; i < 50_000; i++) {
            ngrams.add("k" + (i * 7919 % 5000));
            ngrams.add("k" + (i % 3)); // three heavy hitters
        }
        List<NgramCount> top = ngrams.top(3);

        assertThat(top).extracting(NgramCount::ngram).containsExactly("k0", "k1", "k2");
        long before = ngrams.top(64).stream().mapToLong(NgramCount::count).sum();
        for (NgramCount c : ngrams.top(64)) {
            ngrams.add(c.ngram()); // found, so incremented in place: no eviction
        }
        assertThat(ngrams.top(64).stream().mapToLong(NgramCount::count).sum()).isEqualTo(before + 64);
        assertThat(ngrams.size()).isEqualTo(64);
    }

    @Test
    void constructor_zeroCapacity_throws() {
        assertThatThrownBy(() -> new TopNgrams(0)).hasMessage("capacity must be at least 1, found 0");
    }
}
