package org.textclf.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.textclf.data.Labels;
import org.textclf.data.MemorySource;

/** Word counts of partitions, merged in any order, finish into exactly the vectorizer of one fit over the whole. */
class SequenceStatisticsTest {
    /** Fewer kept words than distinct ones, so that the ranking and its ties decide. */
    private static final SequenceConfig CONFIG = SequenceConfig.builder().maxWords(150).build();
    private static final MemorySource CORPUS = RandomCorpus.make(3_000, 400, 23);

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void merge_partitionsInTwoOrders_byteIdenticalToSingleSourceFit(int k) throws IOException {
        byte[] single = Partitioned.bytes(SequenceVectorizer.fit(CORPUS, null, CONFIG, line -> { }));
        List<MemorySource> parts = Partitioned.split(CORPUS.samples(), k);
        List<SequenceStatistics> counted = new ArrayList<>();
        for (int p = 0; p < k; p++) {
            counted.add(p % 2 == 0 ? SequenceStatistics.of(CONFIG, null, p, parts.get(p), line -> { })
                    : SequenceStatistics.of(CONFIG, null, p, parts.get(p).samples().iterator(), line -> { }));
        }
        SequenceStatistics forward = counted.get(0);
        SequenceStatistics backward = counted.get(0);
        for (int p = 1; p < k; p++) {
            forward = forward.merge(counted.get(p));
            backward = counted.get(p).merge(backward);
        }
        SequenceVectorizer fromForward = forward.vectorizer(line -> { });
        assertThat(Partitioned.firstDifference(Partitioned.bytes(fromForward), single)).isEqualTo(-1);
        assertThat(Partitioned.firstDifference(Partitioned.bytes(backward.vectorizer(line -> { })), single))
                .isEqualTo(-1);
        assertThat(fromForward.labels()).isEqualTo(Labels.of(List.of("1", "2")));
        assertThat(forward.documents()).isEqualTo(3_000);
    }

    @Test
    void merge_prunedPartitions_addsTheirBoundsAndStaysWithinTheDistinctBounds() throws IOException {
        SequenceConfig small = CONFIG.toBuilder().countBudgetBytes(SequenceConfig.MIN_COUNT_BUDGET_BYTES).build();
        List<MemorySource> parts = Partitioned.split(CORPUS.samples(), 2);
        SequenceStatistics a = SequenceStatistics.of(small, null, 0, parts.get(0), line -> { });
        SequenceStatistics b = SequenceStatistics.of(small, null, 1, parts.get(1), line -> { });
        SequenceStatistics merged = b.merge(a);

        assertThat(merged.exact()).isFalse();
        assertThat(merged.maxCountUndercount()).isEqualTo(a.maxCountUndercount() + b.maxCountUndercount());
        assertThat(merged.count("w0")).isEqualTo(a.count("w0") + b.count("w0"));
        SequenceFitReport report = merged.vectorizer(line -> { }).fitReport();
        assertThat(report.distinctWordsAtLeast()).isLessThanOrEqualTo(400);
        assertThat(report.distinctWordsAtMost()).isGreaterThanOrEqualTo(400);
    }

    @Test
    void writeRead_statistics_roundTripToTheSameVectorizer() throws IOException {
        SequenceStatistics counted = SequenceStatistics.of(CONFIG, Labels.of(List.of("1", "2")), 0, CORPUS,
                line -> { });
        byte[] bytes = Partitioned.written(counted::write);
        SequenceStatistics back = SequenceStatistics.read(input(bytes));
        assertThat(Partitioned.firstDifference(Partitioned.bytes(back.vectorizer(line -> { })),
                Partitioned.bytes(counted.vectorizer(line -> { })))).isEqualTo(-1);
        assertThat(back.count("w0")).isEqualTo(counted.count("w0"));
    }

    @Test
    void read_truncatedAnywhere_throwsIOException() throws IOException {
        SequenceStatistics counted = SequenceStatistics.of(CONFIG, null, 0,
                MemorySource.of(CORPUS.samples().subList(0, 40)), line -> { });
        byte[] bytes = Partitioned.written(counted::write);
        for (int length = 0; length < bytes.length; length += 3) {
            byte[] cut = Arrays.copyOf(bytes, length);
            assertThatThrownBy(() -> SequenceStatistics.read(input(cut))).isInstanceOf(IOException.class)
                    .hasMessageStartingWith("sequence statistics: ");
        }
    }

    @Test
    void read_hugeOrNegativeWordCount_throwsIOExceptionNamingTheField() throws IOException {
        SequenceStatistics counted = SequenceStatistics.of(CONFIG, null, 0,
                MemorySource.of(CORPUS.samples().subList(0, 40)), line -> { });
        byte[] bytes = Partitioned.written(counted::write);
        // the word count: after the header (8), config (16), partitions (4 + 8 + 4 + 4), labels (1 + 4 + 2 * 5),
        // and the eight counts (8 * 7 + 4)
        int at = 8 + 16 + (4 + "list.csv".length() + 4 + 4) + (1 + 4 + 2 * (4 + 1)) + 60;
        ByteBuffer.wrap(bytes, at, 4).putInt(1 << 29);
        assertThatThrownBy(() -> SequenceStatistics.read(input(bytes))).isInstanceOf(IOException.class);
        ByteBuffer.wrap(bytes, at, 4).putInt(-5);
        assertThatThrownBy(() -> SequenceStatistics.read(input(bytes)))
                .hasMessage("sequence statistics: bad word count; expected 0 to 536870912, found -5");
    }

    @Test
    void merge_differentConfigs_refusedNamingBoth() throws IOException {
        SequenceConfig other = CONFIG.toBuilder().maxLength(100).build();
        SequenceStatistics a = SequenceStatistics.of(CONFIG, null, 0, CORPUS, line -> { });
        SequenceStatistics b = SequenceStatistics.of(other, null, 1, CORPUS, line -> { });
        assertThatThrownBy(() -> a.merge(b)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot merge sequence statistics of different configs: " + CONFIG + " and " + other);
    }

    @Test
    void merge_differentGivenLabels_refused() throws IOException {
        SequenceStatistics a = SequenceStatistics.of(CONFIG, Labels.of(List.of("1", "2")), 0, CORPUS, line -> { });
        SequenceStatistics b = SequenceStatistics.of(CONFIG, Labels.of(List.of("1", "2", "3")), 1, CORPUS,
                line -> { });
        assertThatThrownBy(() -> a.merge(b)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot merge statistics fitted with different labels: [1, 2] and [1, 2, 3]");
    }

    private static DataInputStream input(byte[] bytes) {
        return new DataInputStream(new ByteArrayInputStream(bytes));
    }
}
