package org.textclf.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.textclf.data.Labels;
import org.textclf.data.MemorySource;
import org.textclf.data.Sample;

class BatchGeneratorTest {
    private static final Labels AB = Labels.of(List.of("a", "b"));

    @TempDir
    Path temp;

    private BatchGenerator.Builder<TextBatch> builder(MemorySource source) {
        return BatchGenerator.builder(source, TextBatch.VECTORIZER).labels(AB).tempDir(temp);
    }

    @ParameterizedTest
    @CsvSource({"1, 4, 1, '1'", "4, 4, 1, '4'", "5, 4, 2, '4,1'", "9, 4, 3, '4,4,1'"})
    void next_nAndBatchSize_givesCeilStepsWithOnlyTheLastPartial(int n, int batchSize, int steps, String sizes)
            throws IOException {
        MemorySource source = MemorySource.numbered(n, i -> "a");
        try (BatchGenerator<TextBatch> g = builder(source).batchSize(batchSize).build()) {
            assertThat(g.stepsPerEpoch()).isEqualTo(steps);
            assertThat(g.samples()).isEqualTo(n);
            for (int epoch = 0; epoch < 3; epoch++) {
                assertThat(g.epoch()).isEqualTo(epoch);
                List<Integer> batchSizes = new ArrayList<>();
                Set<String> seen = new HashSet<>();
                for (int step = 0; step < g.stepsPerEpoch(); step++) {
                    TextBatch b = g.next();
                    batchSizes.add(b.rows());
                    for (Sample s : b.samples()) {
                        assertThat(seen.add(s.text())).as("duplicate %s in epoch %d", s.text(), epoch).isTrue();
                    }
                }
                assertThat(batchSizes.stream().map(String::valueOf).collect(Collectors.joining(","))).isEqualTo(sizes);
                assertThat(seen).hasSize(n);
            }
        }
    }

    @Test
    void next_classSortedSource_everyBatchMixesClassesLikeTheWhole() throws IOException {
        // 6,000 samples sorted by class, a buffer far smaller than the data: the external path.
        MemorySource sorted = MemorySource.numbered(6000, i -> i < 3000 ? "a" : "b");
        try (BatchGenerator<TextBatch> g = builder(sorted).batchSize(100).shuffleBufferBytes(20_000).seed(7)
                .build()) {
            for (int epoch = 0; epoch < 2; epoch++) {
                double worst = 0;
                for (int step = 0; step < g.stepsPerEpoch(); step++) {
                    TextBatch b = g.next();
                    long a = java.util.Arrays.stream(b.labels()).filter(id -> id == 0).count();
                    worst = Math.max(worst, Math.abs(a / (double) b.rows() - 0.5));
                }
                // Binomial(100, 0.5) has a standard deviation of 0.05: 0.2 is four of them.
                assertThat(worst).as("worst deviation of a batch's class mix from 0.5").isLessThan(0.2);
            }
        }
    }

    @Test
    void next_sameSeed_sameOrder_andEpochsDiffer() throws IOException {
        MemorySource source = MemorySource.numbered(500, i -> i % 2 == 0 ? "a" : "b");
        List<String> first = texts(builder(source).seed(3).batchSize(50).shuffleBufferBytes(4000), 20);
        List<String> again = texts(builder(source).seed(3).batchSize(50).shuffleBufferBytes(4000), 20);
        List<String> other = texts(builder(source).seed(4).batchSize(50).shuffleBufferBytes(4000), 20);
        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        assertThat(first.subList(0, 500)).isNotEqualTo(first.subList(500, 1000));
        assertThat(new HashSet<>(first.subList(500, 1000))).isEqualTo(new HashSet<>(first.subList(0, 500)));
    }

    @Test
    void next_firstEpochTwo_readsWhatEpochTwoOfAFreshGeneratorReads() throws IOException {
        MemorySource source = MemorySource.numbered(500, i -> i % 2 == 0 ? "a" : "b");
        List<String> fromStart = texts(builder(source).seed(3).batchSize(50).shuffleBufferBytes(4000), 40);
        List<String> resumed = texts(builder(source).seed(3).batchSize(50).shuffleBufferBytes(4000).firstEpoch(2),
                20);
        assertThat(resumed).isEqualTo(fromStart.subList(1000, 2000));
        try (BatchGenerator<TextBatch> g = builder(source).firstEpoch(2).build()) {
            assertThat(g.epoch()).isEqualTo(2);
        }
    }

    @Test
    void next_noShuffle_keepsSourceOrder() throws IOException {
        MemorySource source = MemorySource.numbered(10, i -> "a");
        List<String> texts = texts(builder(source).shuffle(false).batchSize(3), 8);
        assertThat(texts).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "1", "2", "3",
                "4", "5", "6", "7", "8", "9");
    }

    private static List<String> texts(BatchGenerator.Builder<TextBatch> builder, int batches) throws IOException {
        List<String> texts = new ArrayList<>();
        try (BatchGenerator<TextBatch> g = builder.build()) {
            for (int i = 0; i < batches; i++) {
                g.next().samples().forEach(s -> texts.add(s.text()));
            }
        }
        return texts;
    }

    @Test
    void close_whileThreadsAreBusy_leavesNoThreadBehind() throws IOException {
        Set<Thread> before = textclfThreads();
        MemorySource source = MemorySource.numbered(20_000, i -> "a");
        BatchGenerator<TextBatch> g = builder(source).batchSize(10).prefetchBatches(2).vectorizerThreads(2)
                .shuffleBufferBytes(50_000).build();
        g.next();
        g.close();
        Set<Thread> after = textclfThreads();
        after.removeAll(before);
        assertThat(after).isEmpty();
        assertThat(temp).isEmptyDirectory();
        assertThatThrownBy(g::next).isInstanceOf(IllegalStateException.class).hasMessage(
                "the batch generator over list.csv is closed");
    }

    private static Set<Thread> textclfThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("textclf-"))
                .filter(Thread::isAlive).collect(Collectors.toCollection(HashSet::new));
    }

    @Test
    void next_badRecordMidEpoch_deliversEarlierBatchesThenTheFileAndLine() throws IOException {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            samples.add(new Sample("a", "t" + i, i + 1));
        }
        MemorySource failing = MemorySource.of(samples).failingAt(25);
        try (BatchGenerator<TextBatch> g = builder(failing).shuffle(false).batchSize(10).samples(100).build()) {
            g.next();
            g.next();
            assertThatThrownBy(g::next).isInstanceOf(UncheckedIOException.class)
                    .hasMessage("list.csv:26: unclosed quote");
            assertThatThrownBy(g::next).hasMessage("list.csv:26: unclosed quote");
        }
    }

    @Test
    void next_unknownLabel_namesFileLineAndTheKnownLabels() throws IOException {
        MemorySource source = MemorySource.of(List.of(new Sample("a", "x", 1), new Sample("c", "y", 2)));
        try (BatchGenerator<TextBatch> g = builder(source).shuffle(false).build()) {
            assertThatThrownBy(g::next).hasMessage("list.csv:2: unknown label 'c'; expected one of a, b");
        }
    }

    @Test
    void next_withoutLabels_givesMinusOne() throws IOException {
        MemorySource source = MemorySource.numbered(3, i -> null);
        try (BatchGenerator<TextBatch> g = BatchGenerator.builder(source, TextBatch.VECTORIZER).build()) {
            assertThat(g.next().labels()).containsExactly(-1, -1, -1);
        }
    }

    @Test
    void next_sourceShrinksBetweenEpochs_saysTheFileChanged() throws IOException {
        MemorySource source = MemorySource.numbered(10, i -> "a");
        try (BatchGenerator<TextBatch> g = builder(source).shuffle(false).samples(12).batchSize(4).build()) {
            g.next();
            g.next();
            assertThatThrownBy(g::next).hasMessage("list.csv yielded 10 samples in epoch 1, expected 12 as counted"
                    + " before training; did the file change while it was being read?");
        }
    }

    @Test
    void singlePass_readsEachSampleOnceInOrderThenEnds() throws IOException {
        MemorySource source = MemorySource.numbered(25, i -> "a");
        List<String> texts = new ArrayList<>();
        try (BatchGenerator<TextBatch> g = builder(source).singlePass().batchSize(10).build()) {
            assertThatThrownBy(g::stepsPerEpoch).isInstanceOf(IllegalStateException.class);
            while (g.hasNext()) {
                g.next().samples().forEach(s -> texts.add(s.text()));
            }
            assertThat(g.hasNext()).isFalse();
            assertThatThrownBy(g::next).isInstanceOf(java.util.NoSuchElementException.class);
        }
        assertThat(texts).hasSize(25).startsWith("0", "1", "2").endsWith("24");
        assertThat(source.opened()).as("no counting pass").isEqualTo(1);
    }

    @Test
    void singlePass_emptySource_saysThereAreNoSamples() throws IOException {
        try (BatchGenerator<TextBatch> g = builder(MemorySource.numbered(0, i -> "a")).singlePass().build()) {
            assertThat(g.hasNext()).as("the failure is the next element").isTrue();
            assertThatThrownBy(g::next).isInstanceOf(UncheckedIOException.class)
                    .hasMessage("list.csv: no samples to make batches of");
        }
    }

    @Test
    void build_emptySource_refusesWithTheSourceName() {
        assertThatThrownBy(() -> builder(MemorySource.numbered(0, i -> "a")).build()).isInstanceOf(IOException.class)
                .hasMessage("list.csv: no samples to make batches of");
    }

    @Test
    void builder_badSizes_stateTheRule() {
        MemorySource source = MemorySource.numbered(1, i -> "a");
        assertThatThrownBy(() -> builder(source).batchSize(0)).hasMessage("batchSize must be at least 1, found 0");
        assertThatThrownBy(() -> builder(source).prefetchBatches(0))
                .hasMessage("prefetchBatches must be at least 1, found 0");
        assertThatThrownBy(() -> builder(source).vectorizerThreads(0))
                .hasMessage("vectorizerThreads must be at least 1, found 0");
    }

    @Test
    void build_singlePassWithShuffleTrue_refusesNamingBoth() {
        MemorySource source = MemorySource.numbered(5, i -> "a");
        String message = "singlePass() reads the source once in order; expected shuffle(false) or no shuffle(...)"
                + " with it, found shuffle(true)";
        assertThatThrownBy(() -> builder(source).shuffle(true).singlePass().build())
                .isInstanceOf(IllegalStateException.class).hasMessage(message);
        assertThatThrownBy(() -> builder(source).singlePass().shuffle(true).build())
                .isInstanceOf(IllegalStateException.class).hasMessage(message);
        assertThat(source.opened()).as("refused before any pass").isZero();
    }

    @Test
    void singlePass_shuffleFalse_readsInOrder() throws IOException {
        MemorySource source = MemorySource.numbered(7, i -> "a");
        List<String> texts = new ArrayList<>();
        try (BatchGenerator<TextBatch> g = builder(source).shuffle(false).singlePass().batchSize(3).build()) {
            while (g.hasNext()) {
                g.next().samples().forEach(s -> texts.add(s.text()));
            }
        }
        assertThat(texts).containsExactly("0", "1", "2", "3", "4", "5", "6");
    }

    @ParameterizedTest
    @CsvSource({"1, false", "3, false", "1, true", "2, true"})
    void vectorizerThreads_n_vectorizesOnAtMostNThreads(int threads, boolean singlePass) throws IOException {
        Set<String> names = java.util.concurrent.ConcurrentHashMap.newKeySet();
        org.textclf.batch.Vectorizer<TextBatch> recording = (samples, labels) -> {
            names.add(Thread.currentThread().getName());
            return TextBatch.VECTORIZER.vectorize(samples, labels);
        };
        MemorySource source = MemorySource.numbered(400, i -> "a");
        BatchGenerator.Builder<TextBatch> builder = BatchGenerator.builder(source, recording).labels(AB)
                .tempDir(temp).batchSize(5).prefetchBatches(8).vectorizerThreads(threads);
        try (BatchGenerator<TextBatch> g = singlePass ? builder.singlePass().build() : builder.build()) {
            for (int i = 0; i < 80 && g.hasNext(); i++) {
                g.next();
            }
        }
        assertThat(names).isNotEmpty().hasSizeLessThanOrEqualTo(threads)
                .allMatch(n -> n.matches("textclf-vectorize-\\d+-[1-" + threads + "]"), "a pool thread");
    }

    @Test
    void next_external_tempFilesGoneAfterEachEpoch() throws IOException {
        MemorySource source = MemorySource.numbered(3000, i -> "a");
        try (BatchGenerator<TextBatch> g = builder(source).batchSize(3000).prefetchBatches(1)
                .shuffleBufferBytes(10_000).build()) {
            g.next();
            g.next();
        }
        try (var files = Files.list(temp)) {
            assertThat(files).isEmpty();
        }
    }
}
