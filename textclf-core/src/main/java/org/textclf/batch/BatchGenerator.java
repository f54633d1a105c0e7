package org.textclf.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.textclf.data.Labels;
import org.textclf.data.ReadStats;
import org.textclf.data.Sample;
import org.textclf.data.SampleReader;
import org.textclf.data.SampleSource;

/**
 * The guide's {@code _data_generator} in Java: mini-batches of {@code batchSize} samples from a streamed source,
 * cycling through epochs forever, each epoch exactly {@link #stepsPerEpoch()} = ceil(n / batchSize) batches with only
 * the last one partial, so a consumer that takes {@code stepsPerEpoch} batches per epoch never sees a duplicate, a
 * short epoch, or a batch straddling two epochs.
 *
 * <p>Each epoch is read in a fresh seeded random order ({@link ExternalShuffle}, bounded memory) unless shuffling is
 * off. Reading and shuffling run on a producer thread and vectorizing on a small pool, ahead of the consumer, through
 * a bounded queue of {@code prefetchBatches}; batches come out in order, so a run is deterministic for a seed.
 * {@link #close()} stops every thread the generator started. Not thread-safe for consumers: one consumer thread.
 *
 * @param <B> the batch type the vectorizer produces
 */
public final class BatchGenerator<B> implements Iterator<B>, AutoCloseable {
    public static final int DEFAULT_BATCH_SIZE = 128;
    public static final int DEFAULT_PREFETCH_BATCHES = 8;
    public static final long DEFAULT_SHUFFLE_BUFFER_BYTES = 64L << 20;
    private static final AtomicInteger GENERATORS = new AtomicInteger();

    private final SampleSource source;
    private final Labels labels;
    private final Vectorizer<B> vectorizer;
    private final int batchSize;
    private final boolean shuffle;
    private final long seed;
    private final long samples;
    private final int stepsPerEpoch;
    private final ExternalShuffle shuffler;
    private final BlockingQueue<Future<B>> queue;
    private final ExecutorService workers;
    private final Thread producer;
    private volatile boolean closed;
    private volatile ReadStats lastEpochStats;
    private RuntimeException failure;
    private int step;
    private int epoch;

    private BatchGenerator(Builder<B> b, long samples) {
        this.source = b.source;
        this.labels = b.labels;
        this.vectorizer = b.vectorizer;
        this.batchSize = b.batchSize;
        this.shuffle = b.shuffle;
        this.seed = b.seed;
        this.samples = samples;
        this.stepsPerEpoch = (int) ((samples + batchSize - 1) / batchSize);
        this.shuffler = new ExternalShuffle(b.shuffleBufferBytes, b.tempDir);
        this.queue = new ArrayBlockingQueue<>(b.prefetchBatches);
        int id = GENERATORS.incrementAndGet();
        this.workers = Executors.newFixedThreadPool(b.vectorizerThreads, daemon("textclf-vectorize-" + id + "-"));
        this.producer = daemon("textclf-read-" + id).newThread(this::produce);
        producer.start();
    }

    public static <B> Builder<B> builder(SampleSource source, Vectorizer<B> vectorizer) {
        return new Builder<>(source, vectorizer);
    }

    /** The number of samples in one epoch. */
    public long samples() {
        return samples;
    }

    /** ceil(samples / batchSize): the batches in one epoch, the last one partial when batchSize does not divide n. */
    public int stepsPerEpoch() {
        return stepsPerEpoch;
    }

    public int batchSize() {
        return batchSize;
    }

    /** The epoch the next batch belongs to, counting from 0. */
    public int epoch() {
        return epoch;
    }

    /** The read counts of the last complete pass over the source, or null before the first one ends. */
    public ReadStats lastEpochStats() {
        return lastEpochStats;
    }

    /** Always true until closed: epochs cycle forever, as Keras expects of a generator. */
    @Override
    public boolean hasNext() {
        return !closed;
    }

    /**
     * The next batch, waiting for the prefetch threads if they are behind.
     *
     * @throws UncheckedIOException when reading failed, e.g. with a {@code FILE:LINE} message for a bad record
     */
    @Override
    public B next() {
        if (closed) {
            throw new IllegalStateException("the batch generator over " + source.name() + " is closed");
        }
        if (failure != null) {
            throw failure;
        }
        B batch;
        try {
            batch = queue.take().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a batch", e);
        } catch (ExecutionException e) {
            failure = unchecked(e.getCause());
            throw failure;
        }
        if (++step == stepsPerEpoch) {
            step = 0;
            epoch++;
        }
        return batch;
    }

    private static RuntimeException unchecked(Throwable cause) {
        if (cause instanceof IOException io) {
            return new UncheckedIOException(io.getMessage(), io);
        }
        if (cause instanceof RuntimeException r) {
            return r;
        }
        if (cause instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(cause);
    }

    /** The producer: reads each epoch in order (shuffled or not), cuts it into batches, queues their vectorizing. */
    private void produce() {
        try {
            for (long e = 0; !closed; e++) {
                try (SampleReader reader = shuffle ? shuffler.open(source, Hashing.mix(seed ^ Hashing.mix(e)))
                        : source.open()) {
                    long count = 0;
                    List<Sample> chunk = new ArrayList<>(batchSize);
                    for (Sample s = reader.next(); s != null && !closed; s = reader.next()) {
                        if (++count > samples) {
                            throw new IllegalStateException(changed(e, "more than " + samples));
                        }
                        chunk.add(s);
                        if (chunk.size() == batchSize) {
                            enqueue(chunk);
                            chunk = new ArrayList<>(batchSize);
                        }
                    }
                    if (closed) {
                        return;
                    }
                    if (count < samples) {
                        throw new IllegalStateException(changed(e, String.valueOf(count)));
                    }
                    if (!chunk.isEmpty()) {
                        enqueue(chunk);
                    }
                    lastEpochStats = reader.stats();
                }
            }
        } catch (InterruptedException e) {
            // closed while waiting for room in the queue
        } catch (IOException | RuntimeException | Error e) {
            try {
                queue.put(CompletableFuture.failedFuture(e));
            } catch (InterruptedException closing) {
                // closed while handing over the failure: nobody is waiting for it
            }
        }
    }

    private String changed(long epochIndex, String found) {
        return source.name() + " yielded " + found + " samples in epoch " + (epochIndex + 1) + ", expected "
                + samples + " as counted before training; did the file change while it was being read?";
    }

    private void enqueue(List<Sample> chunk) throws InterruptedException {
        queue.put(workers.submit(() -> vectorizer.vectorize(chunk, labelIds(chunk))));
    }

    private int[] labelIds(List<Sample> chunk) throws IOException {
        int[] ids = new int[chunk.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = labels == null ? -1 : labels.idOf(chunk.get(i), source.name());
        }
        return ids;
    }

    /** Stops the producer and the vectorizing threads and waits for them to end. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        producer.interrupt();
        workers.shutdownNow();
        queue.clear();
        try {
            producer.join(TimeUnit.SECONDS.toMillis(30));
            workers.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        queue.clear();
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix.endsWith("-") ? prefix + n.incrementAndGet() : prefix);
            t.setDaemon(true);
            return t;
        };
    }

    /** Counts the samples of a source in one streaming pass. */
    public static long count(SampleSource source) throws IOException {
        long n = 0;
        try (SampleReader reader = source.open()) {
            while (reader.next() != null) {
                n++;
            }
        }
        return n;
    }

    /** Configuration of a generator; {@link #build()} starts it. */
    public static final class Builder<B> {
        private final SampleSource source;
        private final Vectorizer<B> vectorizer;
        private Labels labels;
        private int batchSize = DEFAULT_BATCH_SIZE;
        private boolean shuffle = true;
        private long seed;
        private long samples = -1;
        private int prefetchBatches = DEFAULT_PREFETCH_BATCHES;
        private int vectorizerThreads = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        private long shuffleBufferBytes = DEFAULT_SHUFFLE_BUFFER_BYTES;
        private Path tempDir;

        private Builder(SampleSource source, Vectorizer<B> vectorizer) {
            if (source == null || vectorizer == null) {
                throw new IllegalArgumentException("source and vectorizer are required");
            }
            this.source = source;
            this.vectorizer = vectorizer;
        }

        /** The classes to map labels with; without them every sample gets class id -1 (prediction). */
        public Builder<B> labels(Labels labels) {
            this.labels = labels;
            return this;
        }

        public Builder<B> batchSize(int batchSize) {
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be at least 1, found " + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        /** Whether each epoch is read in a new random order (default true); off for streams where order matters. */
        public Builder<B> shuffle(boolean shuffle) {
            this.shuffle = shuffle;
            return this;
        }

        public Builder<B> seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The number of samples, when a previous pass counted them; otherwise {@link #build()} counts. */
        public Builder<B> samples(long samples) {
            if (samples < 0) {
                throw new IllegalArgumentException("samples must not be negative, found " + samples);
            }
            this.samples = samples;
            return this;
        }

        public Builder<B> prefetchBatches(int prefetchBatches) {
            if (prefetchBatches < 1) {
                throw new IllegalArgumentException("prefetchBatches must be at least 1, found " + prefetchBatches);
            }
            this.prefetchBatches = prefetchBatches;
            return this;
        }

        public Builder<B> vectorizerThreads(int vectorizerThreads) {
            if (vectorizerThreads < 1) {
                throw new IllegalArgumentException("vectorizerThreads must be at least 1, found " + vectorizerThreads);
            }
            this.vectorizerThreads = vectorizerThreads;
            return this;
        }

        public Builder<B> shuffleBufferBytes(long shuffleBufferBytes) {
            if (shuffleBufferBytes < 1) {
                throw new IllegalArgumentException("shuffleBufferBytes must be positive, found " + shuffleBufferBytes);
            }
            this.shuffleBufferBytes = shuffleBufferBytes;
            return this;
        }

        /** Where shuffle scratch files go; default the system temp folder. */
        public Builder<B> tempDir(Path tempDir) {
            this.tempDir = tempDir;
            return this;
        }

        /**
         * Counts the samples if they were not given, then starts the prefetch threads.
         *
         * @throws IOException when the source cannot be read or has no samples
         */
        public BatchGenerator<B> build() throws IOException {
            long n = samples >= 0 ? samples : count(source);
            if (n == 0) {
                throw new IOException(source.name() + ": no samples to make batches of");
            }
            return new BatchGenerator<>(this, n);
        }
    }
}
