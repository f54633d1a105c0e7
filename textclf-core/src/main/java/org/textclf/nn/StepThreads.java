package org.textclf.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * A small pool that splits one training step across {@code threads} threads: the caller runs part 0, pooled workers
 * the others. Whoever creates it owns it and must {@link #close()} it; no worker outlives close. See {@link Mlp} for
 * what is split and the measured gain.
 */
public final class StepThreads implements AutoCloseable {

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final int threads;
    private final ExecutorService workers;

    private StepThreads(int threads) {
        this.threads = threads;
        int pool = POOLS.incrementAndGet();
        AtomicInteger count = new AtomicInteger();
        this.workers = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, r -> {
            Thread t = new Thread(r, "textclf-step-" + pool + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** @param threads at least 1; 1 runs everything on the caller */
    public static StepThreads create(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1; found " + threads);
        }
        return new StepThreads(threads);
    }

    public int threads() {
        return threads;
    }

    /** Runs {@code part.accept(i)} for every {@code i < threads()} at once and returns when all are done. */
    void run(IntConsumer part) {
        if (workers == null) {
            part.accept(0);
            return;
        }
        List<Future<?>> others = new ArrayList<>(threads - 1);
        for (int i = 1; i < threads; i++) {
            int index = i;
            others.add(workers.submit(() -> part.accept(index)));
        }
        part.accept(0);
        try {
            for (Future<?> other : others) {
                other.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the step's other threads", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a step thread failed: " + e.getCause(), e.getCause());
        }
    }

    /** Stops the workers and waits for them to end. */
    @Override
    public void close() {
        if (workers == null) {
            return;
        }
        workers.shutdownNow();
        try {
            if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("step threads did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
