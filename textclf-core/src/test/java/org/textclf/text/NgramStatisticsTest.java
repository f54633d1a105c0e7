package org.textclf.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.textclf.data.Labels;
import org.textclf.data.MemorySource;

/** Statistics of partitions, merged in any order, finish into exactly the vectorizer of one fit over the whole. */
class NgramStatisticsTest {
    private static final NgramConfig CONFIG = NgramConfig.builder().topK(300).build();
    private static final MemorySource CORPUS = RandomCorpus.make(3_000, 400, 17);

    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void merge_partitionsInTwoOrders_byteIdenticalToSingleSourceFit(int k) throws IOException {
        byte[] single = Partitioned.bytes(NgramVectorizer.fit(CORPUS, null, CONFIG, line -> { }));
        List<MemorySource> parts = Partitioned.split(CORPUS.samples(), k);
        List<NgramDocumentStatistics> counted = new ArrayList<>();
        for (int p = 0; p < k; p++) {
            counted.add(p % 2 == 0 ? NgramDocumentStatistics.of(CONFIG, null, p, parts.get(p), line -> { })
                    : NgramDocumentStatistics.of(CONFIG, null, p, parts.get(p).samples().iterator(), line -> { }));
        }
        NgramVocabulary forward = mergeForward(counted).vocabulary(line -> { });
        NgramVocabulary backward = mergeBackward(counted).vocabulary(line -> { });
        assertThat(backward.fingerprint()).isEqualTo(forward.fingerprint());
        assertThat(backward.size()).isEqualTo(forward.size());

        List<NgramFeatureStatistics> summed = new ArrayList<>();
        for (int p = 0; p < k; p++) {
            summed.add(NgramFeatureStatistics.of(forward, p, parts.get(p), temp, null));
        }
        try (NgramFeatureStatistics a = mergeForward(summed); NgramFeatureStatistics b = mergeBackward(summed)) {
            NgramVectorizer fromA = a.vectorizer(line -> { });
            assertThat(Partitioned.firstDifference(Partitioned.bytes(fromA), single)).isEqualTo(-1);
            assertThat(Partitioned.firstDifference(Partitioned.bytes(b.vectorizer(line -> { })), single)).isEqualTo(-1);
            assertThat(fromA.labels()).isEqualTo(Labels.of(List.of("1", "2")));
        } finally {
            for (NgramFeatureStatistics s : summed) {
                s.close();
            }
        }
    }

    /** ((s0 + s1) + s2) ... */
    private static <T> T mergeForward(List<T> parts) throws IOException {
        T merged = parts.get(0);
        for (int i = 1; i < parts.size(); i++) {
            merged = merge(merged, parts.get(i));
        }
        return merged;
    }

    /** s_last + (... + (s1 + s0)): the other order and the other association. */
    private static <T> T mergeBackward(List<T> parts) throws IOException {
        T merged = parts.get(0);
        for (int i = 1; i < parts.size(); i++) {
            merged = merge(parts.get(i), merged);
        }
        return merged;
    }

    @SuppressWarnings("unchecked")
    private static <T> T merge(T a, T b) throws IOException {
        if (a instanceof NgramDocumentStatistics d) {
            return (T) d.merge((NgramDocumentStatistics) b);
        }
        return (T) ((NgramFeatureStatistics) a).merge((NgramFeatureStatistics) b);
    }

    @Test
    void merge_prunedPartitions_addsTheirUndercountBounds() throws IOException {
        NgramConfig small = CONFIG.toBuilder().candidateBudgetBytes(NgramConfig.MIN_CANDIDATE_BUDGET_BYTES).build();
        List<MemorySource> parts = Partitioned.split(CORPUS.samples(), 2);
        NgramDocumentStatistics a = NgramDocumentStatistics.of(small, null, 0, parts.get(0), line -> { });
        NgramDocumentStatistics b = NgramDocumentStatistics.of(small, null, 1, parts.get(1), line -> { });
        NgramDocumentStatistics merged = a.merge(b);

        assertThat(a.exact()).isFalse();
        assertThat(merged.exact()).isFalse();
        assertThat(merged.maxDocumentFrequencyUndercount())
                .isEqualTo(a.maxDocumentFrequencyUndercount() + b.maxDocumentFrequencyUndercount());
        assertThat(merged.documentFrequency("w0")).isEqualTo(a.documentFrequency("w0") + b.documentFrequency("w0"));
        assertThat(merged.documents()).isEqualTo(3_000);
    }

    @Test
    void writeRead_allThreeStatistics_roundTripToTheSameVectorizer() throws IOException {
        byte[] single = Partitioned.bytes(NgramVectorizer.fit(CORPUS, null, CONFIG, line -> { }));
        NgramDocumentStatistics counted = NgramDocumentStatistics.of(CONFIG, null, 0, CORPUS, line -> { });
        byte[] countedBytes = Partitioned.written(counted::write);
        NgramDocumentStatistics countedBack = NgramDocumentStatistics.read(input(countedBytes));
        assertThat(Partitioned.firstDifference(Partitioned.written(countedBack::write), countedBytes)).isEqualTo(-1);

        NgramVocabulary vocabulary = countedBack.vocabulary(line -> { });
        byte[] vocabularyBytes = Partitioned.written(vocabulary::write);
        NgramVocabulary vocabularyBack = NgramVocabulary.read(input(vocabularyBytes));
        assertThat(Partitioned.firstDifference(Partitioned.written(vocabularyBack::write), vocabularyBytes))
                .isEqualTo(-1);

        try (NgramFeatureStatistics summed = NgramFeatureStatistics.of(vocabulary, 0, CORPUS, temp, null)) {
            byte[] summedBytes = Partitioned.written(summed::write);
            try (NgramFeatureStatistics back = NgramFeatureStatistics.read(input(summedBytes), vocabularyBack, temp)) {
                assertThat(Partitioned.firstDifference(Partitioned.written(back::write), summedBytes)).isEqualTo(-1);
                assertThat(Partitioned.firstDifference(Partitioned.bytes(back.vectorizer(line -> { })), single))
                        .isEqualTo(-1);
            }
        }
        try (var files = Files.list(temp)) {
            assertThat(files).as("names files left behind").isEmpty();
        }
    }

    @Test
    void read_truncatedAnywhere_throwsIOException() throws IOException {
        NgramDocumentStatistics counted = NgramDocumentStatistics.of(CONFIG, null, 0,
                MemorySource.of(CORPUS.samples().subList(0, 50)), line -> { });
        NgramVocabulary vocabulary = counted.vocabulary(line -> { });
        byte[] countedBytes = Partitioned.written(counted::write);
        byte[] vocabularyBytes = Partitioned.written(vocabulary::write);
        byte[] summedBytes;
        try (NgramFeatureStatistics summed = NgramFeatureStatistics.of(vocabulary, 0,
                MemorySource.of(CORPUS.samples().subList(0, 50)), temp, null)) {
            summedBytes = Partitioned.written(summed::write);
        }
        for (int length = 0; length < countedBytes.length; length += 7) {
            byte[] cut = Arrays.copyOf(countedBytes, length);
            assertThatThrownBy(() -> NgramDocumentStatistics.read(input(cut))).isInstanceOf(IOException.class)
                    .hasMessageStartingWith("n-gram document statistics: ");
        }
        for (int length = 0; length < vocabularyBytes.length; length += 5) {
            byte[] cut = Arrays.copyOf(vocabularyBytes, length);
            assertThatThrownBy(() -> NgramVocabulary.read(input(cut))).isInstanceOf(IOException.class)
                    .hasMessageStartingWith("n-gram vocabulary: ");
        }
        for (int length = 0; length < summedBytes.length; length += 11) {
            byte[] cut = Arrays.copyOf(summedBytes, length);
            assertThatThrownBy(() -> NgramFeatureStatistics.read(input(cut), vocabulary, temp))
                    .isInstanceOf(IOException.class).hasMessageStartingWith("n-gram feature statistics: ");
        }
        try (var files = Files.list(temp)) {
            assertThat(files).as("names files left behind").isEmpty();
        }
    }

    @Test
    void read_hugeOrNegativeCounts_throwIOExceptionNamingTheField() throws IOException {
        NgramDocumentStatistics counted = NgramDocumentStatistics.of(CONFIG, null, 0,
                MemorySource.of(CORPUS.samples().subList(0, 50)), line -> { });
        byte[] bytes = Partitioned.written(counted::write);
        // the entry count: after the header (8), config (26), partitions (4 + 12 + 4 + 4), labels (1 + 4 + 2 * 5),
        // and the six counts (8 + 4 + 8 + 4 + 8 + 8)
        int at = 8 + 26 + (4 + "list.csv".length() + 4 + 4) + (1 + 4 + 2 * (4 + 1)) + 40;
        assertThat(ByteBuffer.wrap(bytes, at, 4).getInt()).isEqualTo(counted.ngrams());

        ByteBuffer.wrap(bytes, at, 4).putInt(Integer.MAX_VALUE - 8);
        assertThatThrownBy(() -> NgramDocumentStatistics.read(input(bytes)))
                .hasMessage("n-gram document statistics: truncated input; expected more bytes");
        ByteBuffer.wrap(bytes, at, 4).putInt(-1);
        assertThatThrownBy(() -> NgramDocumentStatistics.read(input(bytes)))
                .hasMessage("n-gram document statistics: bad n-gram count; expected 0 to 2147483639, found -1");
        ByteBuffer.wrap(bytes, 0, 4).putInt(0x12345678);
        assertThatThrownBy(() -> NgramDocumentStatistics.read(input(bytes))).hasMessage("n-gram document"
                + " statistics: not n-gram document statistics; expected magic 0x54434446, found 0x12345678");
    }

    @Test
    void merge_differentConfigs_refusedNamingBoth() throws IOException {
        NgramConfig other = CONFIG.toBuilder().topK(200).build();
        NgramDocumentStatistics a = NgramDocumentStatistics.of(CONFIG, null, 0, CORPUS, line -> { });
        NgramDocumentStatistics b = NgramDocumentStatistics.of(other, null, 1, CORPUS, line -> { });
        assertThatThrownBy(() -> a.merge(b)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot merge n-gram statistics of different configs: " + CONFIG + " and " + other);
    }

    @Test
    void merge_samePartitionTwice_refused() throws IOException {
        NgramDocumentStatistics a = NgramDocumentStatistics.of(CONFIG, null, 3, CORPUS, line -> { });
        assertThatThrownBy(() -> a.merge(a)).isInstanceOf(IllegalArgumentException.class).hasMessage("cannot merge"
                + " statistics that both cover partition 3; expected each partition's statistics to be merged once");
    }

    @Test
    void merge_givenAndCollectedLabels_refused() throws IOException {
        NgramDocumentStatistics a = NgramDocumentStatistics.of(CONFIG, null, 0, CORPUS, line -> { });
        NgramDocumentStatistics b = NgramDocumentStatistics.of(CONFIG, Labels.of(List.of("1", "2")), 1, CORPUS,
                line -> { });
        assertThatThrownBy(() -> a.merge(b)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cannot merge statistics fitted with given labels and statistics that"
                        + " collected their labels");
    }

    @Test
    void merge_featureStatisticsOfDifferentVocabularies_refused() throws IOException {
        MemorySource half = MemorySource.of(CORPUS.samples().subList(0, 1_500));
        NgramVocabulary whole = NgramDocumentStatistics.of(CONFIG, null, 0, CORPUS, line -> { })
                .vocabulary(line -> { });
        NgramVocabulary part = NgramDocumentStatistics.of(CONFIG, null, 0, half, line -> { })
                .vocabulary(line -> { });
        try (NgramFeatureStatistics a = NgramFeatureStatistics.of(whole, 0, CORPUS, temp, null);
                NgramFeatureStatistics b = NgramFeatureStatistics.of(part, 1, half, temp, null)) {
            assertThatThrownBy(() -> a.merge(b)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("cannot merge n-gram feature statistics of different vocabularies");
            byte[] bytes = Partitioned.written(b::write);
            assertThatThrownBy(() -> NgramFeatureStatistics.read(input(bytes), whole, temp))
                    .isInstanceOf(IOException.class)
                    .hasMessageStartingWith("n-gram feature statistics: summed over another vocabulary");
        }
    }

    @Test
    void vectorizer_partitionsSawFewerDocumentsInPassTwo_throwsNamingBothCounts() throws IOException {
        NgramVocabulary vocabulary = NgramDocumentStatistics.of(CONFIG, null, 0, CORPUS, line -> { })
                .vocabulary(line -> { });
        MemorySource fewer = MemorySource.of(CORPUS.samples().subList(0, 2_000));
        try (NgramFeatureStatistics summed = NgramFeatureStatistics.of(vocabulary, 0, fewer, temp, null)) {
            assertThatThrownBy(() -> summed.vectorizer(line -> { })).isInstanceOf(IOException.class)
                    .hasMessage("list.csv: pass 2 read 2000 samples; expected 3000 as in pass 1. The source must"
                            + " give the same samples on every pass");
        }
    }

    private static DataInputStream input(byte[] bytes) {
        return new DataInputStream(new ByteArrayInputStream(bytes));
    }
}
