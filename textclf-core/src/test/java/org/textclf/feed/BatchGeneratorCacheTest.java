package org.textclf.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textclf.batch.SparseBatch;
import org.textclf.batch.VectorizedExamples;
import org.textclf.data.Labels;
import org.textclf.data.MemorySource;
import org.textclf.data.Sample;
import org.textclf.data.SampleReader;
import org.textclf.progress.PassProgress;

class BatchGeneratorCacheTest {
    private static final Labels AB = Labels.of(List.of("a", "b"));
    @TempDir
    Path temp;

    private BatchGenerator.Builder<SparseBatch> cached(MemorySource source) {
        return BatchGenerator.builder(source, OneHot.VECTORIZER).labels(AB).tempDir(temp).cache(SparseBatch.rows(50));
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
                BatchGenerator<SparseBatch> u = BatchGenerator.builder(source, OneHot.VECTORIZER).labels(AB).shuffle(false)
                        .batchSize(64).build()) {
            for (int i = 0; i < 8; i++) {
                assertThat(c.next()).isEqualTo(u.next());
            }
        }
    }

    @Test
    void build_cached_printsOneSummaryLineAndVectorizesOnTheGivenThreads() throws IOException {
        java.io.StringWriter log = new java.io.StringWriter();
        Set<String> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
        org.textclf.batch.Vectorizer<SparseBatch> recording = (samples, labels) -> {
            threads.add(Thread.currentThread().getName());
            return OneHot.VECTORIZER.vectorize(samples, labels);
        };
        MemorySource source = MemorySource.numbered(1001, i -> "a");
        try (BatchGenerator<SparseBatch> g = BatchGenerator.builder(source, recording).labels(AB).tempDir(temp)
                .cache(SparseBatch.rows(50)).batchSize(10).vectorizerThreads(1)
                .progress(PassProgress.of(new java.io.PrintWriter(log), 2)).build()) {
            assertThat(g.samples()).isEqualTo(1001);
        }
        assertThat(log.toString()).matches("cached " + String.format("%,d", 1001)
                + " examples of list.csv in a temp file in \\d+[.,]\\d s\\R");
        assertThat(threads).hasSize(1)
                .allMatch(n -> n.matches("textclf-vectorize-\\d+-1"), "the pool's one thread");
    }

    @Test
    void cache_rowsAfterAKeptCache_lastCallWinsWithATempCache() throws IOException {
        MemorySource source = MemorySource.numbered(20, i -> "a");
        CacheDirectory dir = CacheDirectory.open(temp.resolve("cache"), CacheKey.builder().build(),
                PassProgress.SILENT);
        dir.saveFitted(new CacheDirectory.Fitted(List.of("a", "b"), new byte[] {1}));
        try (BatchGenerator<SparseBatch> g = BatchGenerator.builder(source, OneHot.VECTORIZER).labels(AB)
                .tempDir(temp).cache(SparseBatch.rows(50), dir, "train").cache(SparseBatch.rows(50)).build()) {
            assertThat(g.samples()).isEqualTo(20);
        }
        assertThat(temp.resolve("cache").resolve("train" + CacheDirectory.EXAMPLES_SUFFIX)).doesNotExist();
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

    /** What OneHot.VECTORIZER makes of {@code source}, as an earlier pass would have spilled it. */
    private ExampleSpill spilled(MemorySource source) throws IOException {
        ExampleSpill spill = ExampleSpill.create(temp);
        try (SampleReader reader = source.open()) {
            for (Sample s = reader.next(); s != null; s = reader.next()) {
                int id = Integer.parseInt(s.text());
                spill.write(AB.idOf(s, source.name()), new int[] {id % 50}, new float[] {id}, 1);
            }
        }
        spill.finish();
        return spill;
    }

    private static List<SparseBatch> epochs(BatchGenerator<SparseBatch> g, int epochs) {
        List<SparseBatch> batches = new ArrayList<>();
        for (int step = 0; step < epochs * g.stepsPerEpoch(); step++) {
            batches.add(g.next());
        }
        return batches;
    }

    @Test
    void next_cacheFromVectorizedExamples_sameBatchesAsFromTheSourceWithoutReadingIt() throws IOException {
        MemorySource source = MemorySource.numbered(1001, i -> i % 3 == 0 ? "a" : "b");
        MemorySource unread = MemorySource.numbered(1001, i -> i % 3 == 0 ? "a" : "b");
        try (ExampleSpill spill = spilled(source);
                BatchGenerator<SparseBatch> fromSource = cached(source).batchSize(64).seed(11).build();
                BatchGenerator<SparseBatch> fromExamples = cached(unread).vectorized(spill).batchSize(64).seed(11)
                        .build()) {
            assertThat(fromExamples.samples()).isEqualTo(1001);
            assertThat(fromExamples.stepsPerEpoch()).isEqualTo(fromSource.stepsPerEpoch());

            List<SparseBatch> expected = epochs(fromSource, 3);
            assertThat(epochs(fromExamples, 3)).isEqualTo(expected);
            assertThat(expected.get(0)).isNotEqualTo(expected.get(fromSource.stepsPerEpoch())); // reshuffled
            assertThat(unread.opened()).isZero();
        }
        assertThat(temp).isEmptyDirectory();
    }

    @Test
    void build_vectorizedWithoutCache_throwsIllegalState() throws IOException {
        MemorySource source = MemorySource.numbered(10, i -> "a");
        try (ExampleSpill spill = spilled(source)) {
            assertThatThrownBy(() -> BatchGenerator.builder(source, OneHot.VECTORIZER).labels(AB).tempDir(temp)
                    .vectorized(spill).build()).isInstanceOf(IllegalStateException.class)
                    .hasMessage("vectorized(examples) only builds an example cache; expected cache(rows) or"
                            + " cache(rows, directory, name) as well, found neither");
        }
    }

    @Test
    void build_keptCacheStillUsable_doesNotReadTheVectorizedExamples() throws IOException {
        MemorySource source = MemorySource.numbered(300, i -> i % 3 == 0 ? "a" : "b");
        CacheKey key = CacheKey.builder().put("train", "300 samples").build();
        AtomicInteger opens = new AtomicInteger();
        List<List<SparseBatch>> runs = new ArrayList<>();
        try (ExampleSpill spill = spilled(source)) {
            VectorizedExamples counted = () -> {
                opens.incrementAndGet();
                return spill.open();
            };
            for (int run = 0; run < 2; run++) {
                CacheDirectory dir = CacheDirectory.open(temp.resolve("cache"), key, PassProgress.SILENT);
                dir.saveFitted(new CacheDirectory.Fitted(List.of("a", "b"), new byte[] {1, 2}));
                try (BatchGenerator<SparseBatch> g = BatchGenerator.builder(source, OneHot.VECTORIZER).labels(AB).tempDir(temp)
                        .cache(SparseBatch.rows(50), dir, "train").vectorized(counted).batchSize(32).seed(4)
                        .build()) {
                    runs.add(epochs(g, 2));
                }
                assertThat(opens.get()).as("opens after run %d", run).isEqualTo(1);
            }
        }
        assertThat(runs.get(1)).isEqualTo(runs.get(0));
        assertThat(source.opened()).isEqualTo(1); // only spilled() read it
    }
}
