package org.textclf.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DocumentFrequenciesTest {

    private static void add(DocumentFrequencies table, long... hashes) {
        long[] sorted = hashes.clone();
        Arrays.sort(sorted);
        table.addDocument(sorted, sorted.length);
    }

    /** Every entry the table holds must be reachable by lookup (the probing invariant survives deletions). */
    private static Map<Long, Integer> contents(DocumentFrequencies table) {
        int n = table.countAtLeast(1);
        long[] keys = new long[n];
        int[] counts = new int[n];
        table.copyAtLeast(1, keys, counts);
        Map<Long, Integer> contents = new HashMap<>();
        for (int i = 0; i < n; i++) {
            assertThat(table.count(keys[i])).as("lookup of key %d", keys[i]).isEqualTo(counts[i]);
            contents.put(keys[i], counts[i]);
        }
        assertThat(n).isEqualTo(table.size());
        return contents;
    }

    @Test
    void addDocument_repeatsInOneDocument_countedOnce() {
        DocumentFrequencies table = new DocumentFrequencies(1 << 20, line -> { });

        add(table, 5, 5, 7);
        add(table, 5);

        assertThat(table.count(5)).isEqualTo(2);
        assertThat(table.count(7)).isEqualTo(1);
        assertThat(table.count(9)).isZero();
    }

    @Test
    void addDocument_manyKeysWithinBudget_growsAndCountsExactly() {
        DocumentFrequencies table = new DocumentFrequencies(64L << 20, line -> { });
        Random random = new Random(1);
        Map<Long, Integer> truth = new HashMap<>();
        for (int d = 0; d < 2_000; d++) {
            long[] doc = new long[50];
            for (int i = 0; i < doc.length; i++) {
                doc[i] = NgramScanner.mix(random.nextInt(40_000) + 1);
            }
            Arrays.sort(doc);
            table.addDocument(doc, doc.length);
            for (int i = 0; i < doc.length; i++) {
                if (i == 0 || doc[i] != doc[i - 1]) {
                    truth.merge(doc[i], 1, Integer::sum);
                }
            }
        }

        assertThat(table.prunings()).isZero();
        assertThat(contents(table)).isEqualTo(truth);
        assertThat(table.capacity()).isGreaterThan(1 << 10);
    }

    @Test
    void addDocument_moreDistinctThanBudget_prunesRareReportsAndKeepsFrequentExact() {
        long budget = NgramConfig.MIN_CANDIDATE_BUDGET_BYTES; // 64 slots
        List<String> log = new ArrayList<>();
        DocumentFrequencies table = new DocumentFrequencies(budget, log::add);
        long unique = 1_000;
        for (int d = 0; d < 100; d++) {
            long[] doc = new long[15];
            for (int i = 0; i < 10; i++) {
                doc[i] = NgramScanner.mix(i + 1); // in every document
            }
            for (int i = 10; i < 15; i++) {
                doc[i] = NgramScanner.mix(unique++); // in this document only
            }
            add(table, doc);
            contents(table);
        }

        assertThat(table.prunings()).isPositive();
        assertThat(table.capacity() * DocumentFrequencies.BYTES_PER_SLOT).isLessThanOrEqualTo(budget);
        for (int i = 0; i < 10; i++) {
            assertThat(table.count(NgramScanner.mix(i + 1))).isEqualTo(100);
        }
        assertThat(table.size()).isLessThanOrEqualTo(48);
        assertThat(table.largestThreshold()).isEqualTo(1);
        assertThat(log).hasSize(table.prunings());
        assertThat(log.get(0)).startsWith("candidate n-grams exceed the budget of 768 bytes (64 slots): pruned ")
                .contains("with document frequency <= 1");
    }

    @Test
    void addDocument_onlyFrequentKeysOverBudget_raisesThresholdUntilHalfFree() {
        DocumentFrequencies table = new DocumentFrequencies(NgramConfig.MIN_CANDIDATE_BUDGET_BYTES, line -> { });
        // 48 keys fill the table; each seen in 3 documents, so t = 1 and 2 free nothing and t = 4 frees all
        for (int d = 0; d < 3; d++) {
            long[] doc = new long[48];
            for (int i = 0; i < doc.length; i++) {
                doc[i] = NgramScanner.mix(i + 1);
            }
            add(table, doc);
        }
        add(table, NgramScanner.mix(999));

        assertThat(table.largestThreshold()).isEqualTo(4);
        assertThat(table.maxUndercount()).isEqualTo(1 + 2 + 4);
        assertThat(contents(table)).isEqualTo(Map.of(NgramScanner.mix(999), 1));
    }
}
