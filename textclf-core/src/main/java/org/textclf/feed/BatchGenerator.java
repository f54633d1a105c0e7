package org.textclf.feed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicInteger;
import org.textclf.batch.Batch;
import org.textclf.batch.BatchRows;
import org.textclf.batch.VectorizedExamples;
import org.textclf.batch.Vectorizer;
import org.textclf.data.Labels;
import org.textclf.data.SampleSource;
import org.textclf.io.HeapShare;
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
 * producer thread ({@link BatchProducer}) and vectorizing on a small pool ({@link VectorizerPool}), ahead of the
 * consumer, through a bounded queue of {@code prefetchBatches}; batches come out in order, so a run is deterministic
 * for a seed. Before that, {@link Builder#build()} gets the example cache when asked to ({@link ExampleCaches}).
 * {@link #close()} stops every thread the generator started. Not thread-safe for consumers: one consumer thread.
 *
 * @param <B> the batch type the vectorizer produces
 */
public final class BatchGenerator<B extends Batch> implements Iterator<B>, AutoCloseable {
    public static final int DEFAULT_BATCH_SIZE = 128;
    public static final int DEFAULT_PREFETCH_BATCHES = 8;
    /** 64 MiB, or a quarter of a smaller heap ({@link HeapShare}): a small heap spills to temp files sooner. */
    public static final long DEFAULT_SHUFFLE_BUFFER_BYTES = HeapShare.of(64L << 20);
    /**
     * One vectorizer thread per core the JVM saw when this class loaded: vectorizing is most of what a pass over text
     * costs, and the batches come out in the same order whatever the count.
     */
    public static final int DEFAULT_VECTORIZER_THREADS = Runtime.getRuntime().availableProcessors();
    /** Numbers each generator's threads, so that two generators' threads can be told apart. */
    private static final AtomicInteger GENERATORS = new AtomicInteger();

    private final String sourceName;
    private final int batchSize;
    private final boolean singlePass;
    private final long samples;
    private final int stepsPerEpoch;
    /** Null when every epoch reads the source. */
    private final ExampleCache cache;
    private final BatchProducer<B> producer;
    private volatile boolean closed;
    private int step;
    private int epoch;

    private BatchGenerator(GeneratorOptions<B> options, ExampleCache cache, long samples, BatchProducer<B> producer) {
        this.sourceName = options.source().name();
        this.batchSize = options.batchSize();
        this.singlePass = options.singlePass();
        this.samples = samples;
        this.stepsPerEpoch = samples < 0 ? -1 : (int) ((samples + batchSize - 1) / batchSize);
        this.cache = cache;
        this.producer = producer;
        this.epoch = options.firstEpoch();
    }

    public static <B extends Batch> Builder<B> builder(SampleSource source, Vectorizer<B> vectorizer) {
        return new Builder<>(source, vectorizer);
    }

    /** The number of samples in one epoch; -1 for a single pass over samples not counted in advance. */
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
            throw new IllegalStateException("a single pass over " + sourceName + " is not counted in advance;"
                    + " iterate while hasNext()");
        }
        return stepsPerEpoch;
    }

    public int batchSize() {
        return batchSize;
    }

    /**
     * The examples of each class id in {@code [0, classes)} that an epoch reads, from the example cache (counted while
     * it was written, so that no pass is added unless the cache was a kept one).
     *
     * @throws IllegalStateException when this generator has no example cache
     */
    public long[] classCounts(int classes) throws IOException {
        if (cache == null) {
            throw new IllegalStateException("class counts come from the example cache; expected cache(rows) or"
                    + " cache(rows, directory, name) on the builder, found neither");
        }
        return cache.classCounts(classes);
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
        return !singlePass || !producer.passDone();
    }

    /**
     * The next batch, waiting for the prefetch threads if they are behind.
     *
     * @throws UncheckedIOException when reading failed, e.g. with a {@code FILE:LINE} message for a bad record
     * @throws java.util.NoSuchElementException after the last batch of a single pass
     */
    @Override
    public B next() {
        if (closed) {
            throw new IllegalStateException("the batch generator over " + sourceName + " is closed");
        }
        B batch = producer.next();
        if (++step == stepsPerEpoch) {
            step = 0;
            epoch++;
        }
        return batch;
    }

    /** Stops the producer and the vectorizing threads, waits for them to end, deletes a temp cache. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        producer.close();
        if (cache != null) {
            try {
                cache.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete the example cache: " + e.getMessage(), e);
            }
        }
    }

    /**
     * Configuration of a generator; {@link #build()} checks the options together and starts it. Every option may be
     * set in any order; the last call of a method wins.
     */
    public static final class Builder<B extends Batch> {
        private final SampleSource source;
        private final Vectorizer<B> vectorizer;
        private Labels labels;
        private int batchSize = DEFAULT_BATCH_SIZE;
        /** Null until set: true by default, false for a single pass. */
        private Boolean shuffle;
        private long seed;
        private int firstEpoch;
        private long samples = -1;
        private boolean singlePass;
        private int prefetchBatches = DEFAULT_PREFETCH_BATCHES;
        private int vectorizerThreads = DEFAULT_VECTORIZER_THREADS;
        private long shuffleBufferBytes = DEFAULT_SHUFFLE_BUFFER_BYTES;
        private Path tempDir;
        private PassProgress progress = PassProgress.SILENT;
        private BatchRows<B> rows;
        private CacheDirectory cacheDirectory;
        private String cacheName;
        private VectorizedExamples vectorized;

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
            this.batchSize = atLeastOne("batchSize", batchSize);
            return this;
        }

        /**
         * Whether each epoch is read in a new random order (default true); off for streams where order matters. A
         * {@link #singlePass()} reads in order: {@code shuffle(true)} with it is refused.
         */
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

        /**
         * The number of samples, when a previous pass counted them; otherwise {@link #build()} counts (but for a
         * single pass). With a cache it is only the cache pass's bar total: the cache counts its examples.
         */
        public Builder<B> samples(long samples) {
            if (samples < 0) {
                throw new IllegalArgumentException("samples must not be negative, found " + samples);
            }
            this.samples = samples;
            return this;
        }

        /**
         * How many batches may be read or vectorized ahead of the consumer, and chunks vectorized at once by the
         * cache pass (default {@link #DEFAULT_PREFETCH_BATCHES}).
         */
        public Builder<B> prefetchBatches(int prefetchBatches) {
            this.prefetchBatches = atLeastOne("prefetchBatches", prefetchBatches);
            return this;
        }

        /**
         * The threads that vectorize batches, for the cache pass and for every epoch after it (default
         * {@link #DEFAULT_VECTORIZER_THREADS}); the batches do not depend on it.
         */
        public Builder<B> vectorizerThreads(int vectorizerThreads) {
            this.vectorizerThreads = atLeastOne("vectorizerThreads", vectorizerThreads);
            return this;
        }

        public Builder<B> shuffleBufferBytes(long shuffleBufferBytes) {
            if (shuffleBufferBytes < 1) {
                throw new IllegalArgumentException("shuffleBufferBytes must be positive, found " + shuffleBufferBytes);
            }
            HeapShare.check("shuffleBufferBytes", shuffleBufferBytes);
            this.shuffleBufferBytes = shuffleBufferBytes;
            return this;
        }

        /** Where shuffle scratch files and a temp cache go; default the system temp folder. */
        public Builder<B> tempDir(Path tempDir) {
            this.tempDir = tempDir;
            return this;
        }

        /**
         * Vectorize the source once into a temp file of examples and read that every epoch instead of re-reading and
         * re-vectorizing the text. Worth it whenever there is more than one epoch: vectorizing costs far more than
         * reading numbers back. {@code rows} says how batches split into examples and back; null for no cache.
         */
        public Builder<B> cache(BatchRows<B> rows) {
            this.rows = rows;
            this.cacheDirectory = null;
            this.cacheName = null;
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
         * samples in the same order, labelled with the same classes), instead of vectorizing the source again; null
         * for none. Only with a {@code cache(...)}, which {@link #build()} checks; a kept cache still usable is reused
         * as it is.
         */
        public Builder<B> vectorized(VectorizedExamples examples) {
            this.vectorized = examples;
            return this;
        }

        /**
         * Where the cache build sends its pass (verbose 1) and its line (verbose 1 and 2); default silent. The pass's
         * total is {@link #samples} when given, else unknown.
         */
        public Builder<B> progress(PassProgress progress) {
            this.progress = progress;
            return this;
        }

        /**
         * Read the source once, in order, then end: for evaluation and prediction. Nothing is counted in advance, so
         * {@link #stepsPerEpoch()} is unknown unless {@link #samples} was given; iterate while {@link #hasNext()}.
         * Never shuffled: {@code shuffle(true)} with it is refused.
         */
        public Builder<B> singlePass() {
            this.singlePass = true;
            return this;
        }

        /**
         * Builds the example cache or counts the samples (unless given, and but for a single pass), then starts the
         * prefetch threads.
         *
         * @throws IOException when the source cannot be read or has no samples
         * @throws IllegalStateException for options that do not go together: {@code vectorized(...)} without a
         *     {@code cache(...)}, {@code singlePass()} with {@code shuffle(true)}
         */
        public BatchGenerator<B> build() throws IOException {
            if (vectorized != null && rows == null) {
                throw new IllegalStateException("vectorized(examples) only builds an example cache; expected"
                        + " cache(rows) or cache(rows, directory, name) as well, found neither");
            }
            if (singlePass && Boolean.TRUE.equals(shuffle)) {
                throw new IllegalStateException("singlePass() reads the source once in order; expected shuffle(false)"
                        + " or no shuffle(...) with it, found shuffle(true)");
            }
            boolean shuffled = !singlePass && (shuffle == null || shuffle);
            ExampleCaches.Plan<B> cache = rows == null ? null
                    : new ExampleCaches.Plan<>(rows, cacheDirectory, cacheName, vectorized);
            return start(new GeneratorOptions<>(source, labels, vectorizer, batchSize, shuffled, seed, firstEpoch,
                    samples, singlePass, prefetchBatches, vectorizerThreads, shuffleBufferBytes, tempDir, progress,
                    cache));
        }

        private static int atLeastOne(String option, int value) {
            if (value < 1) {
                throw new IllegalArgumentException(option + " must be at least 1, found " + value);
            }
            return value;
        }
    }

    /**
     * Everything a generator does before its first batch: gets the example cache (when asked for), settles the
     * samples per epoch, then starts the producer; a failure stops the threads and deletes a temp cache.
     */
    private static <B extends Batch> BatchGenerator<B> start(GeneratorOptions<B> options) throws IOException {
        int id = GENERATORS.incrementAndGet();
        VectorizerPool pool = new VectorizerPool(id, options.vectorizerThreads());
        ExampleCache cache = null;
        long samples;
        try {
            cache = options.cache() == null ? null : ExampleCaches.open(options, pool);
            samples = EpochSamples.of(options, cache);
        } catch (IOException | RuntimeException e) {
            pool.abort();
            if (cache != null) {
                cache.close();
            }
            throw e;
        }
        return new BatchGenerator<>(options, cache, samples, BatchProducer.start(id, options, cache, samples, pool));
    }
}
