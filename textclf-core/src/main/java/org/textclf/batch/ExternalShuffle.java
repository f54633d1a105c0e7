package org.textclf.batch;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.textclf.data.ReadStats;
import org.textclf.data.Sample;
import org.textclf.data.SampleReader;
import org.textclf.data.SampleSource;

/**
 * Reads a source in a uniformly random order with memory bounded by {@code bufferBytes}, however large the source
 * and however it is sorted (a file sorted by class comes out mixed).
 *
 * <p>A source that fits in the buffer is shuffled in memory. A larger one is scattered: every sample goes to one of
 * {@link #BUCKETS} temp files chosen uniformly at random; then each bucket, in order, is read back and shuffled in
 * memory (a bucket still larger than the buffer is scattered again, recursively). Independent uniform buckets
 * followed by uniform shuffles within them give a uniform permutation of the whole. Temp files are deleted as soon
 * as their bucket is consumed and the folder when the reader closes.
 */
public final class ExternalShuffle {
    /** Buckets per scatter: with the default buffer one level handles about 2 GiB, two levels about 128 GiB. */
    static final int BUCKETS = 64;
    /** Memory charged per sample beyond its text: object headers, the label, list slots. */
    private static final long SAMPLE_OVERHEAD_BYTES = 96;

    private final long bufferBytes;
    private final Path tempDir;
    private final int buckets;

    /**
     * @param bufferBytes how much sample data may be held in memory at once
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
        try {
            SplittableRandom random = new SplittableRandom(seed);
            List<Sample> buffered = new ArrayList<>();
            long bytes = 0;
            Sample s;
            while ((s = reader.next()) != null) {
                buffered.add(s);
                bytes += memoryOf(s);
                if (bytes > bufferBytes) {
                    return new Scattered(reader, buffered, random);
                }
            }
            shuffle(buffered, random);
            return new InMemory(reader.stats(), buffered);
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    static long memoryOf(Sample s) {
        return SAMPLE_OVERHEAD_BYTES + 2L * s.text().length();
    }

    static void shuffle(List<Sample> samples, SplittableRandom random) {
        for (int i = samples.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            samples.set(j, samples.set(i, samples.get(j)));
        }
    }

    /** Emits an in-memory, already shuffled list. */
    private static final class InMemory implements SampleReader {
        private final ReadStats stats;
        private final List<Sample> samples;
        private int next;

        InMemory(ReadStats stats, List<Sample> samples) {
            this.stats = stats;
            this.samples = samples;
        }

        @Override
        public Sample next() {
            return next < samples.size() ? samples.set(next++, null) : null;
        }

        @Override
        public ReadStats stats() {
            return stats;
        }

        @Override
        public void close() {
            next = samples.size();
        }
    }

    /** Scatters the source into bucket files, then emits the buckets one by one, each shuffled. */
    private final class Scattered implements SampleReader {
        private final ReadStats stats;
        private final Path dir;
        /** Pending work, consumed from the end: bucket files, each to be shuffled (or scattered again). */
        private final List<Path> pending = new ArrayList<>();
        private final SplittableRandom random;
        private SampleReader current = null;

        Scattered(SampleReader source, List<Sample> buffered, SplittableRandom random) throws IOException {
            this.stats = source.stats();
            this.random = random;
            this.dir = Files.createTempDirectory(tempDir == null ? Path.of(System.getProperty("java.io.tmpdir"))
                    : tempDir, "textclf-shuffle-");
            try {
                List<Path> buckets = scatter(dir, "b", buffered, source);
                source.close();
                for (int i = buckets.size() - 1; i >= 0; i--) {
                    pending.add(buckets.get(i));
                }
            } catch (IOException | RuntimeException e) {
                source.close();
                deleteAll();
                throw e;
            }
        }

        private List<Path> scatter(Path into, String prefix, List<Sample> head, SampleReader rest) throws IOException {
            List<Path> paths = new ArrayList<>(buckets);
            SampleFile.Writer[] writers = new SampleFile.Writer[buckets];
            try {
                for (int b = 0; b < buckets; b++) {
                    paths.add(into.resolve(prefix + b));
                    writers[b] = new SampleFile.Writer(paths.get(b));
                }
                for (int i = 0; i < head.size(); i++) {
                    writers[random.nextInt(buckets)].write(head.set(i, null));
                }
                head.clear();
                for (Sample s = rest.next(); s != null; s = rest.next()) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw new InterruptedIOException("shuffle interrupted");
                    }
                    writers[random.nextInt(buckets)].write(s);
                }
            } finally {
                for (SampleFile.Writer w : writers) {
                    if (w != null) {
                        w.close();
                    }
                }
            }
            return paths;
        }

        @Override
        public Sample next() throws IOException {
            while (true) {
                if (current != null) {
                    Sample s = current.next();
                    if (s != null) {
                        return s;
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
        private SampleReader openBucket(Path bucket) throws IOException {
            List<Sample> loaded = new ArrayList<>();
            long bytes = 0;
            try (SampleFile.Reader in = new SampleFile.Reader(bucket)) {
                Sample s;
                while ((s = in.read()) != null) {
                    loaded.add(s);
                    bytes += memoryOf(s);
                    // A lone sample over the buffer has to be held anyway; two or more can still be split up.
                    if (bytes > bufferBytes && loaded.size() > 1) {
                        List<Path> smaller = scatter(dir, bucket.getFileName() + "-", loaded, readerOf(in));
                        for (int i = smaller.size() - 1; i >= 0; i--) {
                            pending.add(smaller.get(i));
                        }
                        loaded.clear();
                        break;
                    }
                }
            }
            Files.delete(bucket);
            shuffle(loaded, random);
            return new InMemory(stats, loaded);
        }

        private SampleReader readerOf(SampleFile.Reader in) {
            return new SampleReader() {
                @Override
                public Sample next() throws IOException {
                    return in.read();
                }

                @Override
                public ReadStats stats() {
                    return stats;
                }

                @Override
                public void close() throws IOException {
                    in.close();
                }
            };
        }

        @Override
        public ReadStats stats() {
            return stats;
        }

        @Override
        public void close() throws IOException {
            current = null;
            pending.clear();
            deleteAll();
        }

        private void deleteAll() throws IOException {
            if (!Files.exists(dir)) {
                return;
            }
            try (Stream<Path> files = Files.list(dir)) {
                files.forEach(f -> {
                    try {
                        Files.deleteIfExists(f);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            Files.deleteIfExists(dir);
        }
    }
}
