package org.textclf.feed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.textclf.batch.BatchRows;
import org.textclf.batch.VectorizedExamples;
import org.textclf.batch.Vectorizer;
import org.textclf.data.Labels;
import org.textclf.data.Sample;
import org.textclf.data.SampleReader;
import org.textclf.data.SampleSource;
import org.textclf.progress.PassProgress;

/**
 * The guide's {@code _data_generator} in Java: mini-batches of {@code batchSize} samples from a streamed source,
 * cycling through epochs forever, each epoch exactly {@link #stepsPerEpoch()} = ceil(n / batchSize) batches with only
 * the last one partial, so a consumer that takes {@code stepsPerEpoch} batches per epoch never sees a duplicate, a
 * short epoch, or a batch straddling two epochs.
 *
 * <p>Each epoch is read in a fresh seeded random order ({@link ExternalShuffle}, bounded memory) unless shuffling is
 * off; when the records are over the shuffle buffer, the next epoch's bucket files are written on a background thread
 * while this epoch is read ({@link ShuffledEpochs}), in the same order as without. Reading and shuffling run on a
 * producer thread and vectorizing on a small pool, ahead of the consumer, through a bounded queue of
 * {@code prefetchBatches}; batches come out in order, so a run is deterministic for a seed.
 * {@link #close()} stops every thread the generator started. Not thread-safe for consumers: one consumer thread.
 *
 * @param <B> the batch type the vectorizer produces
 */
public final class BatchGenerator<B> implements Iterator<B>, AutoCloseable {
    public static final int DEFAULT_BATCH_SIZE = 128;
    public static final int DEFAULT_PREFETCH_BATCHES = 8;
    public static final long DEFAULT_SHUFFLE_BUFFER_BYTES = 64L << 20;
    private static final AtomicInteger GENERATORS = new AtomicInteger();
    /** Queued after the last batch of a single-pass generator. */
    private static final Future<Object> END = CompletableFuture.completedFuture(null);

    private final SampleSource source;
    private final Labels labels;
    private final Vectorizer<B> vectorizer;
    private final int batchSize;
    private final boolean shuffle;
    private final long seed;
    private final int firstEpoch;
    private long samples;
    private final int stepsPerEpoch;
    private final ExternalShuffle shuffler;
    /** Splits batches into examples for the cache; null when every epoch re-reads the source. */
    private final BatchRows<B> rows;
    private ExampleCache cache;
    private final BlockingQueue<Future<?>> queue;
    private final boolean singlePass;
    private Future<?> peeked;
    private final ExecutorService workers;
    private final Thread producer;
    private volatile boolean closed;
    private RuntimeException failure;
    private int step;
    private int epoch;

    private BatchGenerator(Builder<B> b) throws IOException {
        this.source = b.source;
        this.labels = b.labels;
        this.vectorizer = b.vectorizer;
        this.batchSize = b.batchSize;
        this.shuffle = b.shuffle;
        this.seed = b.seed;
        this.firstEpoch = b.firstEpoch;
        this.epoch = b.firstEpoch;
        this.shuffler = new ExternalShuffle(b.shuffleBufferBytes, b.tempDir);
        this.queue = new ArrayBlockingQueue<>(b.prefetchBatches);
        this.rows = b.rows;
        this.singlePass = b.singlePass;
        int id = GENERATORS.incrementAndGet();
        this.workers = Executors.newFixedThreadPool(b.vectorizerThreads, daemon("textclf-vectorize-" + id + "-"));
        try {
            this.cache = rows == null ? null : cache(b, workers);
            this.samples = cache != null ? cache.examples() : b.samples >= 0 || singlePass ? b.samples : count(source);
            if (samples == 0) {
                throw new IOException(source.name() + ": no samples to make batches of");
            }
        } catch (IOException | RuntimeException e) {
            workers.shutdownNow();
            awaitQuietly(workers); // no worker may outlive a failed build, as none outlives close()
            if (cache != null) {
                cache.close();
            }
            throw e;
        }
        this.stepsPerEpoch = samples < 0 ? -1 : (int) ((samples + batchSize - 1) / batchSize);
        this.producer = daemon("textclf-read-" + id).newThread(this::produce);
        producer.start();
    }

    private static void awaitQuietly(ExecutorService workers) {
        try {
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The example cache: a kept one reused as it is, or built (kept or temporary) by one pass with a bar. */
    private static <B> ExampleCache cache(Builder<B> b, ExecutorService workers) throws IOException {
        Path keep = null;
        CacheKey key = null;
        if (b.cacheDirectory != null) {
            CacheFile.Check check = b.cacheDirectory.examplesCheck(b.cacheName);
            keep = b.cacheDirectory.examplesFile(b.cacheName);
            if (check.usable()) {
                return ExampleCache.existing(keep, check);
            }
            key = b.cacheDirectory.examplesKey();
        }
        long start = System.nanoTime();
        ExampleCache built;
        try (PassProgress.Bar bar = b.progress.start(b.cacheName == null ? "caching examples" : "caching "
                + b.cacheName + " examples", b.samples)) {
            built = b.vectorized != null ? ExampleCache.copy(b.vectorized, b.tempDir, keep, key, bar)
                    : ExampleCache.build(b.source, b.labels, b.vectorizer, b.rows, b.batchSize, workers,
                            b.prefetchBatches, b.tempDir, keep, key, bar);
        }
        if (b.cacheDirectory != null) {
            b.cacheDirectory.built(b.cacheName, built.contents());
        }
        b.progress.line(String.format("cached %,d %sexamples of %s in %s in %.1f s", built.examples(),
                b.cacheName == null ? "" : b.cacheName + " ", b.source.name(), keep == null ? "a temp file" : keep,
                (System.nanoTime() - start) / 1e9));
        return built;
    }

    public static <B> Builder<B> builder(SampleSource source, Vectorizer<B> vectorizer) {
        return new Builder<>(source, vectorizer);
    }

    /** The number of samples in one epoch. */
    public long samples() {
        return samples;
    }

    /**
     * ceil(samples / batchSize): the batches in one epoch, the last one partial when batchSize does not divide n.
     *
     * @throws IllegalStateException for a single pass over uncounted samples: iterate while {@link #hasNext()}
     */
    public int stepsPerEpoch() {
        if (stepsPerEpoch < 0) {
            throw new IllegalStateException("a single pass over " + source.name() + " is not counted in advance;"
                    + " iterate while hasNext()");
        }
        return stepsPerEpoch;
    }

    public int batchSize() {
        return batchSize;
    }

    /** The epoch the next batch belongs to, counting from 0. */
    public int epoch() {
        return epoch;
    }

    /**
     * Always true until closed, since epochs cycle forever as Keras expects of a generator; for a single pass, true
     * until its last batch has been taken (waiting for the prefetch threads to know).
     */
    @Override
    public boolean hasNext() {
        if (closed) {
            return false;
        }
        if (!singlePass) {
            return true;
        }
        return peek() != END;
    }

    private Future<?> peek() {
        if (peeked == null) {
            try {
                peeked = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a batch", e);
            }
        }
        return peeked;
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
        Future<?> next = peek();
        if (next == END) {
            throw new java.util.NoSuchElementException("the single pass over " + source.name() + " is done");
        }
        peeked = null;
        B batch;
        try {
            @SuppressWarnings("unchecked")
            B b = (B) next.get();
            batch = b;
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

    /**
     * The producer: reads each epoch in order (shuffled or not), from the example cache when there is one and from
     * the source otherwise, cuts it into batches and queues their assembling or vectorizing.
     */
    private void produce() {
        try {
            if (cache != null) {
                produceEpochs(cache::open, RecordCodec.EXAMPLES, chunk -> () -> rows.assemble(chunk));
            } else {
                produceEpochs(() -> ExternalShuffle.records(source.open()), RecordCodec.SAMPLES,
                        chunk -> () -> vectorizer.vectorize(chunk, labelIds(chunk, labels, source.name())));
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

    /**
     * Every epoch of {@code passes}, shuffled through {@link ShuffledEpochs} (which scatters the next epoch while this
     * one is read) or in stored order; the background scatter is stopped and its files deleted when this returns.
     */
    private <T> void produceEpochs(RecordFile.Passes<T> passes, RecordCodec<T> codec,
            Function<List<T>, Callable<B>> task) throws IOException, InterruptedException {
        try (ShuffledEpochs<T> epochs = new ShuffledEpochs<>(shuffler, passes, codec,
                e -> Hashing.mix(seed ^ Hashing.mix(e)), producer.getName() + "-shuffle")) {
            for (long e = firstEpoch; !closed; e++) {
                if (singlePass && e > firstEpoch) {
                    queue.put(END);
                    return;
                }
                try (RecordFile.Input<T> records = shuffle ? epochs.open(e) : passes.open()) {
                    produceEpoch(e, records::next, task);
                }
            }
        }
    }

    /** What one epoch reads: records one by one, null at the end. */
    @FunctionalInterface
    private interface Records<T> {
        T next() throws IOException;
    }

    private <T> void produceEpoch(long epochIndex, Records<T> records,
            Function<List<T>, Callable<B>> task)
            throws IOException, InterruptedException {
        long count = 0;
        List<T> chunk = new ArrayList<>(batchSize);
        for (T r = records.next(); r != null && !closed; r = records.next()) {
            if (++count > samples && samples >= 0) {
                throw new IllegalStateException(changed(epochIndex, "more than " + samples));
            }
            chunk.add(r);
            if (chunk.size() == batchSize) {
                queue.put(workers.submit(task.apply(chunk)));
                chunk = new ArrayList<>(batchSize);
            }
        }
        if (closed) {
            return;
        }
        if (samples < 0 && count == 0) {
            throw new IOException(source.name() + ": no samples to make batches of");
        }
        if (count < samples) {
            throw new IllegalStateException(changed(epochIndex, String.valueOf(count)));
        }
        if (!chunk.isEmpty()) {
            queue.put(workers.submit(task.apply(chunk)));
        }
    }

    private String changed(long epochIndex, String found) {
        return source.name() + " yielded " + found + " samples in epoch " + (epochIndex + 1) + ", expected "
                + samples + " as counted before training; did the file change while it was being read?";
    }

    /** Class ids of a chunk's samples, -1 for all without labels; a bad label names its file and line. */
    static int[] labelIds(List<Sample> chunk, Labels labels, String sourceName) throws IOException {
        int[] ids = new int[chunk.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = labels == null ? -1 : labels.idOf(chunk.get(i), sourceName);
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
        if (cache != null) {
            try {
                cache.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete the example cache: " + e.getMessage(), e);
            }
        }
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
    private static long count(SampleSource source) throws IOException {
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
        private int vectorizerThreads = Runtime.getRuntime().availableProcessors();
        private long shuffleBufferBytes = DEFAULT_SHUFFLE_BUFFER_BYTES;
        private Path tempDir;
        private BatchRows<B> rows;
        private boolean singlePass;
        private CacheDirectory cacheDirectory;
        private String cacheName;
        private VectorizedExamples vectorized;
        private PassProgress progress = PassProgress.SILENT;
        private int firstEpoch;

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

        /**
         * The epoch to start at, counting from 0 (default 0): a resumed training run starts where its checkpoint
         * ended, and gets the very order the uninterrupted run read that epoch in, since each epoch's shuffle is
         * seeded from (seed, epoch) alone.
         */
        public Builder<B> firstEpoch(int firstEpoch) {
            if (firstEpoch < 0) {
                throw new IllegalArgumentException("firstEpoch must not be negative, found " + firstEpoch);
            }
            this.firstEpoch = firstEpoch;
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
         * Vectorize the source once into a temp file of examples and read that every epoch instead of re-reading and
         * re-vectorizing the text. Worth it whenever there is more than one epoch: vectorizing costs far more than
         * reading numbers back. {@code rows} says how batches split into examples and back.
         */
        public Builder<B> cache(BatchRows<B> rows) {
            this.rows = rows;
            return this;
        }

        /**
         * As {@link #cache(BatchRows)}, but kept in {@code directory} as {@code NAME.examples}: reused as it is when
         * it was made from the same inputs, options and vectorizer (see {@link CacheDirectory}), else built there
         * and left for the next run.
         */
        public Builder<B> cache(BatchRows<B> rows, CacheDirectory directory, String name) {
            directory.examplesFile(name); // checks the name now rather than after the fit
            this.rows = rows;
            this.cacheDirectory = directory;
            this.cacheName = name;
            return this;
        }

        /**
         * Builds the cache from {@code examples}, the source's examples as an earlier pass vectorized them (the same
         * samples in the same order, labelled with the same classes), instead of vectorizing the source again. Only
         * with a cache; a kept cache still usable is reused as it is.
         */
        public Builder<B> vectorized(VectorizedExamples examples) {
            this.vectorized = examples;
            return this;
        }

        /**
         * Where the cache build draws its bar (verbose 1) and prints its line (verbose 1 and 2); default silent. The
         * bar's total is {@link #samples} when given, else unknown.
         */
        public Builder<B> progress(PassProgress progress) {
            this.progress = progress;
            return this;
        }

        /**
         * Read the source once, in order, then end: for evaluation and prediction. Nothing is counted in advance, so
         * {@link #stepsPerEpoch()} is unknown unless {@link #samples} was given; iterate while {@link #hasNext()}.
         */
        public Builder<B> singlePass() {
            this.singlePass = true;
            this.shuffle = false;
            return this;
        }

        /**
         * Builds the example cache or counts the samples (unless given), then starts the prefetch threads.
         *
         * @throws IOException when the source cannot be read or has no samples
         */
        public BatchGenerator<B> build() throws IOException {
            if (vectorized != null && rows == null) {
                throw new IllegalStateException("vectorized examples build a cache; expected cache(...), found none");
            }
            return new BatchGenerator<>(this);
        }
    }
}
