package org.textclf.explore;

import org.textclf.data.MemorySource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.textclf.data.Labels;
import org.textclf.data.Sample;

class CorpusExplorerTest {

    @Test
    void explore_handCorpus_everyFigure() throws IOException {
        // Words per sample: 3, 2, 5, 4 -> sorted 2 3 4 5, median 3.5 (even count), S/W = 4 / 3.5.
        CorpusStats stats = CorpusExplorer.withDefaults().explore(MemorySource.of(
                "pos", "The film was",
                "neg", "bad film",
                "pos", "a  good film, a film",
                "neg", "the film was bad"));

        assertThat(stats.samples()).isEqualTo(4);
        assertThat(stats.classes()).isEqualTo(2);
        assertThat(stats.samplesPerClassByName()).containsExactly(entry("neg", 2L), entry("pos", 2L));
        assertThat(stats.medianWordsPerSample()).isEqualTo(3.5);
        assertThat(stats.swRatio()).isEqualTo(4 / 3.5);
        assertThat(stats.modelChoice().family()).isEqualTo(ModelChoice.Family.NGRAM);
        SampleLengths lengths = stats.sampleLengths();
        assertThat(lengths.minWords()).isEqualTo(2);
        assertThat(lengths.maxWords()).isEqualTo(5);
        assertThat(lengths.meanWords()).isEqualTo(3.5);
        // Tokens (one-letter "a" dropped, lowercased): the film was | bad film | good film film | the film was bad
        assertThat(stats.topNgrams()).containsExactly(new NgramCount("film", 5), new NgramCount("bad", 2),
                new NgramCount("film was", 2), new NgramCount("the", 2), new NgramCount("the film", 2),
                new NgramCount("was", 2), new NgramCount("bad film", 1), new NgramCount("film film", 1),
                new NgramCount("good", 1), new NgramCount("good film", 1), new NgramCount("was bad", 1));
        assertThat(stats.topNgramsExact()).isTrue();
        // 12 tokens, 8 adjacent pairs within samples
        assertThat(stats.ngramOccurrences()).isEqualTo(12 + 8);
        assertThat(stats.recordsRead()).isEqualTo(4);
        assertThat(stats.recordsSkipped()).isZero();
    }

    @Test
    void explore_bigrams_neverSpanTwoSamples() throws IOException {
        CorpusStats stats = CorpusExplorer.withDefaults().explore(MemorySource.of("1", "good", "1", "film"));

        assertThat(stats.topNgrams()).extracting(NgramCount::ngram).containsExactly("film", "good");
    }

    @Test
    void explore_classSortedNumericLabels_countsByNumericId() throws IOException {
        List<Sample> samples = new ArrayList<>();
        int line = 1;
        for (String label : new String[] {"1", "2", "10"}) {
            int count = label.equals("10") ? 3 : label.equals("2") ? 2 : 1;
            for (int i = 0; i < count; i++) {
                samples.add(new Sample(label, "one two three four five six seven eight nine ten", line++));
            }
        }
        CorpusStats stats = CorpusExplorer.withDefaults().explore(MemorySource.of(samples));

        assertThat(stats.labels().rawLabels()).containsExactly("1", "2", "10");
        assertThat(stats.samplesPerClass()).containsExactly(1L, 2L, 3L);
        assertThat(stats.medianWordsPerSample()).isEqualTo(10);
        assertThat(stats.swRatio()).isEqualTo(0.6);
    }

    @Test
    void explore_unlabeledSamples_countedApartFromClasses() throws IOException {
        CorpusStats stats = CorpusExplorer.withDefaults().explore(MemorySource.of(List.of(
                new Sample(null, "one two", 1), new Sample(null, "one two three", 2),
                new Sample("x", "one", 3))));

        assertThat(stats.samples()).isEqualTo(3);
        assertThat(stats.unlabeledSamples()).isEqualTo(2);
        assertThat(stats.classes()).isEqualTo(1);
        assertThat(stats.samplesPerClass()).containsExactly(1L);
        assertThat(stats.medianWordsPerSample()).isEqualTo(2);
    }

    @Test
    void explore_allUnlabeled_noClasses() throws IOException {
        CorpusStats stats = CorpusExplorer.withDefaults().explore(MemorySource.of(List.of(
                new Sample(null, "one two", 1))));

        assertThat(stats.classes()).isZero();
        assertThat(stats.samplesPerClassByName()).isEmpty();
        assertThat(stats.swRatio()).isEqualTo(0.5);
    }

    @Test
    void explore_emptyCorpus_clearMessage() {
        assertThatThrownBy(() -> CorpusExplorer.withDefaults().explore(MemorySource.of()))
                .isInstanceOf(IOException.class)
                .hasMessage("list.csv: no samples to explore; expected at least one record, found none."
                        + " Check the file and --format");
    }

    @Test
    void explore_onlySkippedRecords_messageCountsThem() {
        assertThatThrownBy(() -> CorpusExplorer.withDefaults().explore(MemorySource.of().withSkipped(3)))
                .hasMessage("list.csv: no samples to explore; expected at least one record, found only 3"
                        + " malformed ones (skipped). Check the file and --format");
    }

    @Test
    void explore_mostlyEmptyTexts_clearMessageNotInfinity() {
        assertThatThrownBy(() -> CorpusExplorer.withDefaults().explore(MemorySource.of("1", "", "1", " ", "2", "x")))
                .isInstanceOf(IOException.class)
                .hasMessage("list.csv: the median sample has no words, so the S/W ratio is undefined; expected"
                        + " text in most samples, found 3 samples, at least half of them empty. Check --text-column");
    }

    @Test
    void explore_skippedRecords_reported() throws IOException {
        CorpusStats stats = CorpusExplorer.withDefaults().explore(MemorySource.of("1", "a b").withSkipped(2));

        assertThat(stats.recordsRead()).isEqualTo(1);
        assertThat(stats.recordsSkipped()).isEqualTo(2);
    }

    @Test
    void explore_topNgramsOption_limitsList() throws IOException {
        CorpusStats stats = CorpusExplorer.builder().topNgrams(2).build()
                .explore(MemorySource.of("1", "aa bb cc dd", "2", "aa bb"));

        assertThat(stats.topNgrams()).containsExactly(new NgramCount("aa", 2), new NgramCount("aa bb", 2));
    }

    @Test
    void withLabels_namesBeside_renamesClasses() throws IOException {
        CorpusStats stats = CorpusExplorer.withDefaults().explore(MemorySource.of("1", "a b", "2", "c d", "2", "e"));
        CorpusStats named = stats.withLabels(stats.labels().withNames(List.of("negative", "positive")));

        assertThat(named.samplesPerClassByName()).containsExactly(entry("negative", 1L), entry("positive", 2L));
        assertThatThrownBy(() -> stats.withLabels(Labels.of(List.of("x", "y"))))
                .hasMessage("expected the same classes [1, 2], found [x, y]");
    }

    @Test
    void builder_topNgramsAboveCapacity_throws() {
        assertThatThrownBy(() -> CorpusExplorer.builder().ngramCapacity(10).topNgrams(11).build())
                .hasMessage("topNgrams must be at most ngramCapacity (10), found 11");
    }

    private static <K, V> java.util.Map.Entry<K, V> entry(K key, V value) {
        return java.util.Map.entry(key, value);
    }
}
