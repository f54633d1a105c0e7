package org.textclf.feed;

import java.util.concurrent.Callable;
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

    VectorizerPool(int generatorId, int threads) {
        String prefix = "textclf-vectorize-" + generatorId + "-";
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
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

    /** After a failed build: no thread may outlive it, as none outlives {@link BatchGenerator#close()}. */
    void abort() {
        shutdownNow();
        try {
            awaitTermination(10);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
