package org.textclf.batch;

import org.textclf.data.MemorySource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textclf.data.Labels;
import org.textclf.data.Sample;

class BatchGeneratorCacheTest {
    private static final Labels AB = Labels.of(List.of("a", "b"));
    /** Sample i becomes one feature, column i % 50, with value i: the value says which sample a row came from. */
    private static final Vectorizer<SparseBatch> ONE_HOT = (samples, labels) -> {
        int n = samples.size();
        int[] rowStart = new int[n + 1];
        int[] indices = new int[n];
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            int id = Integer.parseInt(samples.get(i).text());
            indices[i] = id % 50;
            values[i] = id;
            rowStart[i + 1] = i + 1;
        }
        return new SparseBatch(50, rowStart, indices, values, labels);
    };

    @TempDir
    Path temp;

    private BatchGenerator.Builder<SparseBatch> cached(MemorySource source) {
        return BatchGenerator.builder(source, ONE_HOT).labels(AB).tempDir(temp).cache(SparseBatch.rows(50));
    }

    @Test
    void next_cached_readsTheSourceOnceAndKeepsEpochsWhole() throws IOException {
        MemorySource source = MemorySource.numbered(1001, i -> i % 3 == 0 ? "a" : "b");
        try (BatchGenerator<SparseBatch> g = cached(source).batchSize(100).seed(5).build()) {
            assertThat(g.samples()).isEqualTo(1001);
            assertThat(g.stepsPerEpoch()).isEqualTo(11);
            List<List<Float>> epochs = new ArrayList<>();
            for (int epoch = 0; epoch < 3; epoch++) {
                List<Float> seen = new ArrayList<>();
                for (int step = 0; step < g.stepsPerEpoch(); step++) {
                    SparseBatch b = g.next();
                    assertThat(b.rows()).isEqualTo(step < 10 ? 100 : 1);
                    for (int r = 0; r < b.rows(); r++) {
                        int id = (int) b.values()[r];
                        assertThat(b.indices()[r]).isEqualTo(id % 50);
                        assertThat(b.labels()[r]).isEqualTo(id % 3 == 0 ? 0 : 1);
                        seen.add(b.values()[r]);
                    }
                }
                assertThat(new HashSet<>(seen)).hasSize(1001);
                epochs.add(seen);
            }
            assertThat(epochs.get(1)).isNotEqualTo(epochs.get(0));
            assertThat(source.opened()).isEqualTo(1);
        }
        assertThat(temp).isEmptyDirectory();
    }

    @Test
    void next_cachedClassSortedSource_everyBatchMixesClasses() throws IOException {
        MemorySource sorted = MemorySource.numbered(6000, i -> i < 3000 ? "a" : "b");
        try (BatchGenerator<SparseBatch> g = cached(sorted).batchSize(100).shuffleBufferBytes(20_000).seed(1)
                .build()) {
            double worst = 0;
            for (int step = 0; step < g.stepsPerEpoch(); step++) {
                SparseBatch b = g.next();
                long a = Arrays.stream(b.labels()).filter(id -> id == 0).count();
                worst = Math.max(worst, Math.abs(a / (double) b.rows() - 0.5));
            }
            assertThat(worst).isLessThan(0.2);
        }
    }

    @Test
    void next_cachedNoShuffle_matchesUncachedOrder() throws IOException {
        MemorySource source = MemorySource.numbered(250, i -> "a");
        try (BatchGenerator<SparseBatch> c = cached(source).shuffle(false).batchSize(64).build();
                BatchGenerator<SparseBatch> u = BatchGenerator.builder(source, ONE_HOT).labels(AB).shuffle(false)
                        .batchSize(64).build()) {
            for (int i = 0; i < 8; i++) {
                assertThat(c.next()).isEqualTo(u.next());
            }
        }
    }

    @Test
    void build_badRecordWhileCaching_failsWithFileAndLineAndCleansUp() {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            samples.add(new Sample("a", Integer.toString(i), i + 1));
        }
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        assertThatThrownBy(() -> cached(MemorySource.of(samples).failingAt(321)).batchSize(10).build())
                .hasMessage("list.csv:322: unclosed quote");
        assertThat(temp).isEmptyDirectory();
        assertThat(Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t))
                .filter(t -> t.getName().startsWith("textclf-")).filter(Thread::isAlive)).isEmpty();
    }
}
