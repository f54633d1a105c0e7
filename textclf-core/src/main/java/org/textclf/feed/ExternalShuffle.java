package org.textclf.feed;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.textclf.data.ReadStats;
import org.textclf.data.Sample;
import org.textclf.data.SampleReader;
import org.textclf.data.SampleSource;
import org.textclf.io.TempFiles;

/**
 * Reads records in a uniformly random order with memory bounded by {@code bufferBytes}, however many there are and
 * however they are sorted (a file sorted by class comes out mixed).
 *
 * <p>Records that fit in the buffer are shuffled in memory. More are scattered: every record goes to one of
 * {@link #BUCKETS} temp files chosen uniformly at random; then each bucket, in order, is read back and shuffled in
 * memory (a bucket still larger than the buffer is scattered again, recursively). Independent uniform buckets
 * followed by uniform shuffles within them give a uniform permutation of the whole. Temp files are deleted as soon
 * as their bucket is consumed and the folder when the reader closes, or at JVM exit ({@link TempFiles}) if the run
 * is stopped first. {@link ShuffledEpochs} scatters the next epoch while this one is read.
 */
public final class ExternalShuffle {
    /** Buckets per scatter: with the default buffer one level handles about 4 GiB, two levels about 256 GiB. */
    static final int BUCKETS = 64;

    private final long bufferBytes;
    private final Path tempDir;
    private final int buckets;

    /**
     * @param bufferBytes how much record data may be held in memory at once
     * @param tempDir where to make the scratch folder; null for the system's temp folder
     */
    public ExternalShuffle(long bufferBytes, Path tempDir) {
        this(bufferBytes, tempDir, BUCKETS);
    }

    /** With fewer buckets, tests reach the scatter and re-scatter paths on small data. */
    ExternalShuffle(long bufferBytes, Path tempDir, int buckets) {
        if (bufferBytes < 1) {
            throw new IllegalArgumentException("bufferBytes must be positive, found " + bufferBytes);
        }
        if (buckets < 2) {
            throw new IllegalArgumentException("buckets must be at least 2, found " + buckets);
        }
        this.bufferBytes = bufferBytes;
        this.tempDir = tempDir;
        this.buckets = buckets;
    }

    /** One pass over {@code source} in the random order that {@code seed} determines. */
    public SampleReader open(SampleSource source, long seed) throws IOException {
        SampleReader reader = source.open();
        RecordFile.Input<Sample> shuffled = open(records(reader), RecordCodec.SAMPLES, seed);
        return new SampleReader() {
            @Override
            public Sample next() throws IOException {
                return shuffled.next();
            }

            @Override
            public ReadStats stats() {
                return reader.stats();
            }

            @Override
            public void close() throws IOException {
                shuffled.close();
            }
        };
    }

    /** A reader's samples as records, for the shuffle and {@link ShuffledEpochs}. */
    static RecordFile.Input<Sample> records(SampleReader reader) {
        return new RecordFile.Input<>() {
            @Override
            public Sample next() throws IOException {
                return reader.next();
            }

            @Override
            public void close() throws IOException {
                reader.close();
            }
        };
    }

    /** One pass over {@code input}'s records in the random order that {@code seed} determines; closes input. */
    <T> RecordFile.Input<T> open(RecordFile.Input<T> input, RecordCodec<T> codec, long seed) throws IOException {
        try {
            SplittableRandom random = new SplittableRandom(seed);
            List<T> buffered = new ArrayList<>();
            long bytes = 0;
            T record;
            while ((record = input.next()) != null) {
                buffered.add(record);
                bytes += codec.memoryOf(record);
                if (bytes > bufferBytes) {
                    return new Scattered<>(input, buffered, codec, random);
                }
            }
            input.close();
            shuffle(buffered, random);
            return new InMemory<>(buffered);
        } catch (IOException | RuntimeException e) {
            input.close();
            throw e;
        }
    }

    /**
     * As {@link #open(RecordFile.Input, RecordCodec, long)} for an input known to be over the buffer (an earlier pass
     * over it was scattered): scatters at once, without first buffering a head of records to find out. The same
     * random draws for the same records, so the same order as {@code open} for the same seed.
     */
    <T> RecordFile.Input<T> scatter(RecordFile.Input<T> input, RecordCodec<T> codec, long seed) throws IOException {
        try {
            return new Scattered<>(input, new ArrayList<>(), codec, new SplittableRandom(seed));
        } catch (IOException | RuntimeException e) {
            input.close();
            throw e;
        }
    }

    /** Whether {@code records}, from {@link #open}, went through bucket files (the input was over the buffer). */
    static boolean scattered(RecordFile.Input<?> records) {
        return records instanceof ExternalShuffle.Scattered<?>;
    }

    static <T> void shuffle(List<T> records, SplittableRandom random) {
        for (int i = records.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            records.set(j, records.set(i, records.get(j)));
        }
    }

    /** Emits an in-memory, already shuffled list, letting go of each record as it goes. */
    private static final class InMemory<T> implements RecordFile.Input<T> {
        private final List<T> records;
        private int next;

        InMemory(List<T> records) {
            this.records = records;
        }

        @Override
        public T next() {
            return next < records.size() ? records.set(next++, null) : null;
        }

        @Override
        public void close() {
            next = records.size();
        }
    }

    /** Scatters the input into bucket files, then emits the buckets one by one, each shuffled. */
    private final class Scattered<T> implements RecordFile.Input<T> {
        private final RecordCodec<T> codec;
        private final Path dir;
        /** Bucket files still to emit, the next one last. */
        private final List<Path> pending = new ArrayList<>();
        private final SplittableRandom random;
        private RecordFile.Input<T> current = null;

        Scattered(RecordFile.Input<T> input, List<T> buffered, RecordCodec<T> codec, SplittableRandom random)
                throws IOException {
            this.codec = codec;
            this.random = random;
            this.dir = TempFiles.createDirectory(tempDir, "textclf-shuffle-");
            try (input) {
                pushReversed(scatter("b", buffered, input));
            } catch (IOException | RuntimeException e) {
                deleteAll();
                throw e;
            }
        }

        private void pushReversed(List<Path> buckets) {
            for (int i = buckets.size() - 1; i >= 0; i--) {
                pending.add(buckets.get(i));
            }
        }

        private List<Path> scatter(String prefix, List<T> head, RecordFile.Input<T> rest) throws IOException {
            List<Path> paths = new ArrayList<>(buckets);
            List<RecordFile.Writer<T>> writers = new ArrayList<>(buckets);
            try {
                for (int b = 0; b < buckets; b++) {
                    paths.add(dir.resolve(prefix + b));
                    writers.add(new RecordFile.Writer<>(paths.get(b), codec));
                }
                for (int i = 0; i < head.size(); i++) {
                    writers.get(random.nextInt(buckets)).write(head.set(i, null));
                }
                head.clear();
                for (T record = rest.next(); record != null; record = rest.next()) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw new InterruptedIOException("shuffle interrupted");
                    }
                    writers.get(random.nextInt(buckets)).write(record);
                }
            } finally {
                closeAll(writers);
            }
            return paths;
        }

        /**
         * Closes every writer even when some fail: an interrupted scatter's writers all fail, since an interrupt
         * closes each file channel the thread then touches.
         */
        private void closeAll(List<RecordFile.Writer<T>> writers) throws IOException {
            IOException first = null;
            for (RecordFile.Writer<T> w : writers) {
                try {
                    w.close();
                } catch (IOException e) {
                    if (first == null) {
                        first = e;
                    }
                }
            }
            if (first != null) {
                throw first;
            }
        }

        @Override
        public T next() throws IOException {
            while (true) {
                if (current != null) {
                    T record = current.next();
                    if (record != null) {
                        return record;
                    }
                    current = null;
                }
                if (pending.isEmpty()) {
                    return null;
                }
                current = openBucket(pending.remove(pending.size() - 1));
            }
        }

        /** Loads a bucket and shuffles it, or, when it is over the buffer, scatters it into smaller buckets. */
        private RecordFile.Input<T> openBucket(Path bucket) throws IOException {
            List<T> loaded = new ArrayList<>();
            long bytes = 0;
            try (RecordFile.Input<T> in = RecordFile.reader(bucket, codec)) {
                T record;
                while ((record = in.next()) != null) {
                    loaded.add(record);
                    bytes += codec.memoryOf(record);
                    // A lone record over the buffer has to be held anyway; two or more can still be split up.
                    if (bytes > bufferBytes && loaded.size() > 1) {
                        pushReversed(scatter(bucket.getFileName() + "-", loaded, in));
                        break;
                    }
                }
            }
            Files.delete(bucket);
            shuffle(loaded, random);
            return new InMemory<>(loaded);
        }

        @Override
        public void close() throws IOException {
            current = null;
            pending.clear();
            deleteAll();
        }

        private void deleteAll() throws IOException {
            TempFiles.deleteTree(dir);
            TempFiles.deleted(dir);
        }
    }
}
