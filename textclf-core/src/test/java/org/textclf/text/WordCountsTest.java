package org.textclf.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WordCountsTest {

    private static void addAll(WordCounts counts, String text) {
        SequenceTokenizer.tokenizeSpans(text, counts::add);
    }

    @Test
    void add_withinBudget_countsExactlyAsAHashMap() {
        Random random = new Random(7);
        WordCounts counts = new WordCounts(SequenceConfig.DEFAULT_COUNT_BUDGET_BYTES, line -> { });
        Map<String, Long> naive = new HashMap<>();
        for (int i = 0; i < 50_000; i++) {
            // Zipf-like: a few frequent words, many rare ones
            String word = "w" + (int) Math.pow(random.nextDouble() * 60, 2.5);
            addAll(counts, "X " + word);
            naive.merge(word, 1L, Long::sum);
            naive.merge("x", 1L, Long::sum);
        }
        assertThat(counts.exact()).isTrue();
        assertThat(counts.size()).isEqualTo(naive.size());
        assertThat(counts.distinctAtLeast()).isEqualTo(naive.size());
        assertThat(counts.distinctAtMost()).isEqualTo(naive.size());
        assertThat(counts.occurrences()).isEqualTo(100_000);
        naive.forEach((word, count) -> assertThat(counts.count(word)).as(word).isEqualTo(count));

        List<String> expected = new ArrayList<>(naive.keySet());
        expected.sort(Comparator.<String>comparingLong(w -> -naive.get(w)).thenComparing(NgramFit::compareCodePoints));
        assertThat(counts.top(100)).containsExactlyElementsOf(expected.subList(0, 100));
        assertThat(counts.top(Integer.MAX_VALUE)).containsExactlyElementsOf(expected);
    }

    @Test
    void top_tiedCounts_orderedByWord() {
        WordCounts counts = new WordCounts(SequenceConfig.MIN_COUNT_BUDGET_BYTES, line -> { });
        addAll(counts, "pear apple fig fig apple pear zoo");

        assertThat(counts.top(10)).containsExactly("apple", "fig", "pear", "zoo");
        assertThat(counts.top(2)).containsExactly("apple", "fig");
    }

    @Test
    void add_moreDistinctWordsThanBudget_prunesRareOnesStaysInBudgetAndKeepsFrequentOnes() {
        long budget = 64 << 10;
        List<String> log = new ArrayList<>();
        WordCounts counts = new WordCounts(budget, log::add);
        Random random = new Random(3);
        for (int i = 0; i < 200_000; i++) {
            // every 4th word is one of 20 frequent ones; the rest are almost all distinct
            String word = i % 4 == 0 ? "frequent" + (i / 4) % 20 : "rare" + random.nextInt(1_000_000);
            counts.add(word, 0, word.length());
            assertThat(counts.usedBytes()).isLessThanOrEqualTo(budget);
        }

        assertThat(counts.exact()).isFalse();
        assertThat(counts.prunings()).isPositive();
        assertThat(counts.pruned()).isPositive();
        assertThat(counts.distinctAtLeast()).isLessThan(counts.distinctAtMost());
        assertThat(counts.top(20)).allMatch(w -> w.startsWith("frequent"));
        // each frequent word occurs 2,500 times; pruning may only have lowered that by the undercount bound
        assertThat(counts.count("frequent0")).isBetween(2_500 - counts.maxUndercount(), 2_500L);
        assertThat(log).hasSize(1);
        assertThat(log.get(0)).startsWith("distinct words exceed the counting budget of 65,536 bytes: pruning rare"
                + " words (this time ").endsWith("); the counts are approximate from here on");
    }
}
