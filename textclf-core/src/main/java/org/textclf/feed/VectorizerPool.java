package org.textclf.feed;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that vectorize one generator's chunks, first for its example cache's pass and then for its epochs, so
 * that {@code vectorizerThreads} bounds both. Daemon threads named {@code textclf-vectorize-ID-N}, ID the
 * generator's: a JVM that exits without closing the generator is not held up by them, and a test can find any left
 * behind.
 */
final class VectorizerPool {
    private final ExecutorService executor;
    /** Every thread the pool started, so that {@link #abort} can wait until each has ended, not only its tasks. */
    private final List<Thread> started = new CopyOnWriteArrayList<>();

    VectorizerPool(int generatorId, int threads) {
        String prefix = "textclf-vectorize-" + generatorId + "-";
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            started.add(t);
            return t;
        });
    }

    <B> Future<B> submit(Callable<B> task) {
        return executor.submit(task);
    }

    /** Interrupts the running tasks and drops the queued ones; {@link #awaitTermination} waits for the threads. */
    void shutdownNow() {
        executor.shutdownNow();
    }

    void awaitTermination(long seconds) throws InterruptedException {
        executor.awaitTermination(seconds, TimeUnit.SECONDS);
    }

    /**
     * After a failed build: no thread may outlive it, as none outlives {@link BatchGenerator#close()}. The executor
     * counts as terminated once its last worker has left its loop, a moment before that thread ends, so the threads
     * are joined too (a test that looked for live threads right after found one, now and then).
     */
    void abort() {
        shutdownNow();
        try {
            awaitTermination(10);
            for (Thread t : started) {
                t.join(TimeUnit.SECONDS.toMillis(10));
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
