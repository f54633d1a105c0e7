package org.textclf.feed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.textclf.batch.Batch;
import org.textclf.batch.BatchRows;

/**
 * A generator's reading side: one thread ({@code textclf-read-ID}) reads each epoch in order, shuffled or as stored,
 * from the example cache when there is one and from the source otherwise, cuts it into batches of {@code batchSize}
 * records, hands each to the {@link VectorizerPool} (to assemble cached examples, or to vectorize samples) and
 * queues the pending batch, so that batches come out in the order they were read while up to
 * {@code prefetchBatches} are read or vectorized ahead of the consumer. A failure is queued in place of the next
 * batch; a single pass queues {@link #END} after its last batch. The consumer's side ({@link #next()},
 * {@link #passDone()}) is for one thread.
 */
final class BatchProducer<B extends Batch> {
    /** Queued after the last batch of a single pass. */
    private static final Future<Object> END = CompletableFuture.completedFuture(null);

    private final GeneratorOptions<B> options;
    /** The examples every epoch reads, or null when every epoch reads and vectorizes the source. */
    private final ExampleCache cache;
    /** The records an epoch must have, or -1 for a single pass not counted in advance. */
    private final long samples;
    private final VectorizerPool pool;
    private final ExternalShuffle shuffler;
    private final BlockingQueue<Future<?>> queue;
    private final Thread thread;
    private volatile boolean stopped;
    /** Taken from the queue by {@link #passDone()} and not yet by {@link #next()}: the consumer's side. */
    private Future<?> peeked;
    private RuntimeException failure;

    private BatchProducer(int generatorId, GeneratorOptions<B> options, ExampleCache cache, long samples,
            VectorizerPool pool) {
        this.options = options;
        this.cache = cache;
        this.samples = samples;
        this.pool = pool;
        this.shuffler = new ExternalShuffle(options.shuffleBufferBytes(), options.tempDir());
        this.queue = new ArrayBlockingQueue<>(options.prefetchBatches());
        this.thread = new Thread(this::produce, "textclf-read-" + generatorId);
        thread.setDaemon(true);
    }

    /**
     * Starts reading the first epoch; the producer owns {@code pool} from now on and stops it on {@link #close()}.
     *
     * @param cache null to read the source
     * @param samples the records per epoch, or -1 for a single pass not counted in advance
     */
    static <B extends Batch> BatchProducer<B> start(int generatorId, GeneratorOptions<B> options, ExampleCache cache,
            long samples, VectorizerPool pool) {
        BatchProducer<B> producer = new BatchProducer<>(generatorId, options, cache, samples, pool);
        producer.thread.start();
        return producer;
    }

    /**
     * The next batch in the order read, waiting for it if the threads are behind; a failure, rethrown unchecked, is
     * rethrown by every later call too.
     *
     * @throws NoSuchElementException after the last batch of a single pass
     */
    B next() {
        if (failure != null) {
            throw failure;
        }
        Future<?> next = peek();
        if (next == END) {
            throw new NoSuchElementException("the single pass over " + options.source().name() + " is done");
        }
        peeked = null;
        try {
            @SuppressWarnings("unchecked") // produce() queues only futures of B, failures and END
            B batch = (B) next.get();
            return batch;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a batch", e);
        } catch (ExecutionException e) {
            failure = unchecked(e.getCause());
            throw failure;
        }
    }

    /** Whether a single pass's batches have all been taken, waiting for the threads to know. */
    boolean passDone() {
        return peek() == END;
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

    private void produce() {
        try {
            if (cache != null) {
                BatchRows<B> rows = options.cache().rows();
                produceEpochs(cache::open, RecordCodec.EXAMPLES, chunk -> () -> rows.assemble(chunk));
            } else {
                ChunkVectorizer<B> vectorizer = options.chunkVectorizer();
                produceEpochs(() -> ExternalShuffle.records(options.source().open()), RecordCodec.SAMPLES,
                        vectorizer::task);
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
        long seed = options.seed();
        long firstEpoch = options.firstEpoch();
        try (ShuffledEpochs<T> epochs = new ShuffledEpochs<>(shuffler, passes, codec,
                e -> Hashing.mix(seed ^ Hashing.mix(e)), thread.getName() + "-shuffle")) {
            for (long e = firstEpoch; !stopped; e++) {
                if (options.singlePass() && e > firstEpoch) {
                    queue.put(END);
                    return;
                }
                try (RecordFile.Input<T> records = options.shuffle() ? epochs.open(e) : passes.open()) {
                    produceEpoch(e, records, task);
                }
            }
        }
    }

    private <T> void produceEpoch(long epochIndex, RecordFile.Input<T> records, Function<List<T>, Callable<B>> task)
            throws IOException, InterruptedException {
        int batchSize = options.batchSize();
        long count = 0;
        List<T> chunk = new ArrayList<>(batchSize);
        for (T r = records.next(); r != null && !stopped; r = records.next()) {
            if (++count > samples && samples >= 0) {
                throw new IllegalStateException(changed(epochIndex, "more than " + samples));
            }
            chunk.add(r);
            if (chunk.size() == batchSize) {
                queue.put(pool.submit(task.apply(chunk)));
                chunk = new ArrayList<>(batchSize);
            }
        }
        if (stopped) {
            return;
        }
        if (samples < 0 && count == 0) {
            throw new IOException(options.source().name() + ": no samples to make batches of");
        }
        if (count < samples) {
            throw new IllegalStateException(changed(epochIndex, String.valueOf(count)));
        }
        if (!chunk.isEmpty()) {
            queue.put(pool.submit(task.apply(chunk)));
        }
    }

    private String changed(long epochIndex, String found) {
        return options.source().name() + " yielded " + found + " samples in epoch " + (epochIndex + 1)
                + ", expected " + samples + " as counted before training; did the file change while it was being"
                + " read?";
    }

    /**
     * Stops the reading thread and the vectorizer threads, waits for them to end (30 s each at most) and drops what
     * was queued. Called once, by {@link BatchGenerator#close()}.
     */
    void close() {
        stopped = true;
        thread.interrupt();
        pool.shutdownNow();
        queue.clear();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
            pool.awaitTermination(30);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        queue.clear();
    }
}
