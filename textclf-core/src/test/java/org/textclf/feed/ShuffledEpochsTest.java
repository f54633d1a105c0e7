package org.textclf.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongUnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textclf.batch.Example;

class ShuffledEpochsTest {
    private static final LongUnaryOperator SEEDS = e -> Hashing.mix(11 ^ Hashing.mix(e));
    private static final String THREAD = "textclf-test-shuffle";

    @TempDir
    Path temp;

    /** Examples 0..n-1, the label saying which; {@code slow} runs before each record of the passes it applies to. */
    private static RecordFile.Input<Example> numbered(int n, Runnable slow) {
        return new RecordFile.Input<>() {
            private int next;

            @Override
            public Example next() throws IOException {
                slow.run();
                return next < n ? new Example(next++, new int[] {1, 2}, new float[] {0.5f, 1}) : null;
            }

            @Override
            public void close() {
            }
        };
    }

    private static List<Integer> drain(RecordFile.Input<Example> records) throws IOException {
        List<Integer> labels = new ArrayList<>();
        try (records) {
            for (Example e = records.next(); e != null; e = records.next()) {
                labels.add(e.label());
            }
        }
        return labels;
    }

    private long shuffleFolders() throws IOException {
        try (Stream<Path> files = Files.list(temp)) {
            return files.filter(f -> f.getFileName().toString().startsWith("textclf-shuffle-")).count();
        }
    }

    private static boolean threadAlive() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(THREAD) && t.isAlive());
    }

    @Test
    void open_consecutiveEpochs_eachThePermutationTheUnoverlappedShuffleGives() throws Exception {
        int n = 3000; // ~100 bytes charged per example: 8 buckets of ~375 overflow 4 KB and are scattered again
        ExternalShuffle shuffle = new ExternalShuffle(4_000, temp, 8);
        List<Integer> all = IntStream.range(0, n).boxed().collect(Collectors.toList());
        try (ShuffledEpochs<Example> epochs = new ShuffledEpochs<>(shuffle, () -> numbered(n, () -> { }),
                RecordCodec.EXAMPLES, SEEDS, THREAD)) {
            List<List<Integer>> seen = new ArrayList<>();
            for (long e = 0; e < 4; e++) {
                RecordFile.Input<Example> records = epochs.open(e);
                assertThat(epochs.prefetching(e + 1)).as("epoch %d scattering while %d is read", e + 1, e).isTrue();
                List<Integer> order = drain(records);
                List<Integer> alone = drain(shuffle.open(numbered(n, () -> { }), RecordCodec.EXAMPLES,
                        SEEDS.applyAsLong(e)));
                assertThat(order).as("epoch %d", e).isEqualTo(alone).containsExactlyInAnyOrderElementsOf(all);
                seen.add(order);
            }
            assertThat(seen).doesNotHaveDuplicates();
        }
        assertThat(temp).isEmptyDirectory();
        assertThat(threadAlive()).isFalse();
    }

    @Test
    void open_whileAnEpochIsRead_theNextOnesBucketsAreWritten() throws Exception {
        ExternalShuffle shuffle = new ExternalShuffle(4_000, temp, 8);
        try (ShuffledEpochs<Example> epochs = new ShuffledEpochs<>(shuffle, () -> numbered(3000, () -> { }),
                RecordCodec.EXAMPLES, SEEDS, THREAD);
                RecordFile.Input<Example> first = epochs.open(0)) {
            first.next();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (shuffleFolders() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(shuffleFolders()).as("epoch 0's buckets and epoch 1's").isEqualTo(2);
        }
        assertThat(temp).isEmptyDirectory();
    }

    @Test
    void open_recordsWithinTheBuffer_shuffleInMemoryWithoutAThread() throws Exception {
        ExternalShuffle shuffle = new ExternalShuffle(1 << 20, temp, 8);
        try (ShuffledEpochs<Example> epochs = new ShuffledEpochs<>(shuffle, () -> numbered(100, () -> { }),
                RecordCodec.EXAMPLES, SEEDS, THREAD)) {
            for (long e = 0; e < 2; e++) {
                List<Integer> order = drain(epochs.open(e));
                assertThat(epochs.prefetching(e + 1)).isFalse();
                assertThat(order).isEqualTo(drain(shuffle.open(numbered(100, () -> { }), RecordCodec.EXAMPLES,
                        SEEDS.applyAsLong(e))));
            }
        }
        assertThat(temp).isEmptyDirectory();
    }

    @Test
    void close_midEpochWhileTheNextIsScattering_joinsTheThreadAndDeletesItsFiles() throws Exception {
        ExternalShuffle shuffle = new ExternalShuffle(4_000, temp, 8);
        AtomicInteger passes = new AtomicInteger();
        CountDownLatch scattering = new CountDownLatch(1);
        // The second pass (epoch 1's background scatter) stalls after 500 records until interrupted.
        RecordFile.Passes<Example> source = () -> {
            boolean second = passes.incrementAndGet() == 2;
            AtomicInteger read = new AtomicInteger();
            return numbered(3000, () -> {
                if (second && read.incrementAndGet() == 500) {
                    scattering.countDown();
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
        };
        ShuffledEpochs<Example> epochs = new ShuffledEpochs<>(shuffle, source, RecordCodec.EXAMPLES, SEEDS, THREAD);
        RecordFile.Input<Example> first = epochs.open(0);
        first.next();
        assertThat(scattering.await(20, TimeUnit.SECONDS)).isTrue();
        assertThat(shuffleFolders()).isEqualTo(2);
        long start = System.nanoTime();
        epochs.close();
        first.close();
        assertThat(System.nanoTime() - start).as("stopped, not waited out").isLessThan(TimeUnit.SECONDS.toNanos(20));
        assertThat(threadAlive()).isFalse();
        assertThat(temp).isEmptyDirectory();
        assertThatThrownBy(() -> epochs.open(1)).hasMessage("the epochs are closed");
    }

    @Test
    void open_backgroundScatterFailed_rethrowsWhenThatEpochOpensAndCleansUp() throws Exception {
        ExternalShuffle shuffle = new ExternalShuffle(4_000, temp, 8);
        AtomicInteger passes = new AtomicInteger();
        RecordFile.Passes<Example> source = () -> {
            if (passes.incrementAndGet() == 2) {
                throw new IOException("examples.bin: gone");
            }
            return numbered(3000, () -> { });
        };
        try (ShuffledEpochs<Example> epochs = new ShuffledEpochs<>(shuffle, source, RecordCodec.EXAMPLES, SEEDS,
                THREAD)) {
            assertThat(drain(epochs.open(0))).hasSize(3000);
            assertThatThrownBy(() -> epochs.open(1)).isInstanceOf(IOException.class)
                    .hasMessage("examples.bin: gone");
        }
        assertThat(temp).isEmptyDirectory();
    }

    @Test
    void open_epochSkipped_dropsTheScatterForTheOtherEpoch() throws Exception {
        ExternalShuffle shuffle = new ExternalShuffle(4_000, temp, 8);
        try (ShuffledEpochs<Example> epochs = new ShuffledEpochs<>(shuffle, () -> numbered(3000, () -> { }),
                RecordCodec.EXAMPLES, SEEDS, THREAD)) {
            drain(epochs.open(0));
            List<Integer> third = drain(epochs.open(2));
            assertThat(third).isEqualTo(drain(shuffle.open(numbered(3000, () -> { }), RecordCodec.EXAMPLES,
                    SEEDS.applyAsLong(2))));
        }
        assertThat(temp).isEmptyDirectory();
    }
}
