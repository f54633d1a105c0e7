package org.textclf.feed;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import java.util.function.LongUnaryOperator;

/**
 * Successive epochs over the same records, each in the order {@link ExternalShuffle#open} gives for that epoch's
 * seed, with the next epoch's scatter written on a background thread while this epoch is read.
 *
 * <p>Why: a cache over the shuffle buffer (448 MB at 20x IMDB) is scattered into bucket files before its first
 * record comes out, and that took 8-18 s at the start of every epoch while the trainer waited (bench/README.md,
 * "Scale: what grows"). Once one epoch has been scattered the records are known to be over the buffer, so epoch
 * e+1 is scattered straight away ({@link ExternalShuffle#scatter}: the same draws, so the same order) as soon as
 * epoch e's buckets are ready. Bounds: one background scatter at a time, holding only its bucket writers' arrays (not
 * the shuffle buffer's head a first pass holds); bucket files on disk at most twice the records, epoch e's still unread
 * buckets plus epoch e+1's. Records that fit the buffer are shuffled in memory as before, one epoch at a time, with
 * no thread. Epochs must be opened in increasing order, from one thread.
 */
final class ShuffledEpochs<T> implements Closeable {
    /** How long {@link #close} waits for an interrupted scatter to stop, as the generator waits for its threads. */
    private static final long JOIN_MILLIS = TimeUnit.SECONDS.toMillis(30);

    private final ExternalShuffle shuffle;
    private final RecordFile.Passes<T> passes;
    private final RecordCodec<T> codec;
    private final LongUnaryOperator seedOfEpoch;
    private final String threadName;
    private Prefetch<T> next;
    private boolean closed;

    /**
     * @param passes opens a new pass over the records, in their stored order
     * @param seedOfEpoch the shuffle seed of each epoch
     * @param threadName the background scatter thread's name
     */
    ShuffledEpochs(ExternalShuffle shuffle, RecordFile.Passes<T> passes, RecordCodec<T> codec,
            LongUnaryOperator seedOfEpoch, String threadName) {
        this.shuffle = shuffle;
        this.passes = passes;
        this.codec = codec;
        this.seedOfEpoch = seedOfEpoch;
        this.threadName = threadName;
    }

    /**
     * Epoch {@code epoch}'s records in its random order: the scatter started while the previous epoch was read
     * (waiting for it to finish if needed), else a shuffle done now. The caller closes it.
     *
     * @throws IOException when reading or scattering the records failed, here or on the background thread
     */
    RecordFile.Input<T> open(long epoch) throws IOException, InterruptedException {
        if (closed) {
            throw new IllegalStateException("the epochs are closed");
        }
        RecordFile.Input<T> records;
        if (next != null && next.epoch == epoch) {
            next.await(); // interrupted: it stays in next, for close to cancel
            Prefetch<T> ready = next;
            next = null;
            records = ready.result();
        } else {
            cancelNext();
            records = shuffle.open(passes.open(), codec, seedOfEpoch.applyAsLong(epoch));
        }
        if (ExternalShuffle.scattered(records)) {
            try {
                next = new Prefetch<>(epoch + 1, () -> shuffle.scatter(passes.open(), codec,
                        seedOfEpoch.applyAsLong(epoch + 1)), threadName);
            } catch (RuntimeException | Error e) {
                records.close();
                throw e;
            }
        }
        return records;
    }

    /** Whether a background scatter has been started for {@code epoch} and not yet taken: for tests. */
    boolean prefetching(long epoch) {
        return next != null && next.epoch == epoch;
    }

    /** Stops the background scatter, waits for its thread to end and deletes what it wrote. Idempotent. */
    @Override
    public void close() throws IOException {
        closed = true;
        cancelNext();
    }

    private void cancelNext() throws IOException {
        if (next != null) {
            Prefetch<T> cancelled = next;
            next = null;
            cancelled.cancel();
        }
    }

    /** One epoch's scatter running on its own thread; its result is taken or cancelled exactly once. */
    private static final class Prefetch<T> {
        @FunctionalInterface
        interface Scatter<T> {
            RecordFile.Input<T> run() throws IOException;
        }

        final long epoch;
        private final Thread thread;
        private volatile RecordFile.Input<T> result;
        private volatile Throwable failure;

        Prefetch(long epoch, Scatter<T> scatter, String threadName) {
            this.epoch = epoch;
            this.thread = new Thread(() -> {
                try {
                    result = scatter.run();
                } catch (Throwable t) { // handed to whoever takes this epoch
                    failure = t;
                }
            }, threadName);
            thread.setDaemon(true);
            thread.start();
        }

        void await() throws InterruptedException {
            thread.join();
        }

        /** The records the finished scatter wrote, or its failure rethrown. */
        RecordFile.Input<T> result() throws IOException {
            Throwable t = failure;
            if (t == null) {
                return result;
            }
            if (t instanceof IOException io) {
                throw io;
            }
            if (t instanceof RuntimeException r) {
                throw r;
            }
            if (t instanceof Error e) {
                throw e;
            }
            throw new IllegalStateException(t);
        }

        /**
         * Interrupts the scatter (it checks between records and deletes its folder when stopped), waits for the
         * thread even if the caller is being interrupted too (the generator's producer is, on close), and deletes a
         * scatter that had finished.
         */
        void cancel() throws IOException {
            thread.interrupt();
            boolean interrupted = false;
            long deadline = System.currentTimeMillis() + JOIN_MILLIS;
            while (thread.isAlive()) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    break;
                }
                try {
                    thread.join(left);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive()) {
                throw new UncheckedIOException(new IOException(thread.getName() + " did not stop within "
                        + JOIN_MILLIS + " ms of being interrupted"));
            }
            RecordFile.Input<T> finished = result;
            if (finished != null) {
                finished.close();
            }
        }
    }
}
