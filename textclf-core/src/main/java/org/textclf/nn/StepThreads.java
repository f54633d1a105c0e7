package org.textclf.nn;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * A small pool that splits one training step across {@code threads} threads: the caller runs part 0, dedicated
 * workers the others. A step hands work over a few times, a few hundred microseconds apart, so each side spins
 * briefly before it parks: waking a parked thread costs tens of microseconds, as much as a part's work at small
 * batches. Whoever creates it owns it and must {@link #close()} it; no worker outlives close. One caller at a time.
 * See {@link Mlp} for what is split and the measured gain.
 */
public final class StepThreads implements AutoCloseable {

    private static final AtomicInteger POOLS = new AtomicInteger();
    /**
     * How long a waiting thread spins before it parks. Longer spins made the MLP's 2-thread step faster on a quiet
     * machine (StepTiming: 1.8 ms at 2 ms of spin, 2.2 at 50 us, 2.9 on one thread) and far slower on a busy one
     * (IMDB end to end 19 s against 13), where a spinning thread takes the core of the thread it waits for.
     */
    private static final long SPIN_NANOS = 50_000L;

    private final int threads;
    private final Thread[] workers;
    private final AtomicInteger pending = new AtomicInteger();
    /** The part to run; published to the workers by the write of {@link #generation} that follows it. */
    private IntConsumer task;
    /** Bumped by each {@link #run}; a worker runs its part whenever it changes. */
    private volatile int generation;
    private volatile Thread caller;
    private volatile Throwable failure;
    private volatile boolean closed;

    private StepThreads(int threads) {
        this.threads = threads;
        this.workers = new Thread[threads - 1];
        int pool = POOLS.incrementAndGet();
        for (int i = 0; i < workers.length; i++) {
            int part = i + 1;
            workers[i] = new Thread(() -> work(part), "textclf-step-" + pool + "-" + part);
            workers[i].setDaemon(true);
            workers[i].start();
        }
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
        if (workers.length == 0) {
            part.accept(0);
            return;
        }
        if (closed) {
            throw new IllegalStateException("the step threads are closed");
        }
        failure = null;
        caller = Thread.currentThread();
        pending.set(workers.length);
        task = part;
        generation++; // single writer: only the caller runs steps
        for (Thread worker : workers) {
            LockSupport.unpark(worker);
        }
        Throwable own = null;
        try {
            part.accept(0);
        } catch (RuntimeException | Error e) {
            own = e;
        }
        long spinStart = System.nanoTime();
        while (pending.get() != 0) {
            await(spinStart);
        }
        if (own instanceof RuntimeException e) {
            throw e;
        }
        if (own instanceof Error e) {
            throw e;
        }
        Throwable failed = failure;
        if (failed != null) {
            throw new IllegalStateException("a step thread failed: " + failed, failed);
        }
    }

    private void work(int part) {
        int seen = 0;
        while (true) {
            long spinStart = System.nanoTime();
            int current;
            while ((current = generation) == seen) {
                if (closed) {
                    return;
                }
                await(spinStart);
            }
            seen = current;
            try {
                task.accept(part);
            } catch (RuntimeException | Error e) {
                failure = e;
            }
            if (pending.decrementAndGet() == 0) {
                LockSupport.unpark(caller);
            }
        }
    }

    /** One wait of a loop that re-checks its condition: a spin at first, then a park until unparked. */
    private static void await(long spinStart) {
        if (System.nanoTime() - spinStart < SPIN_NANOS) {
            Thread.onSpinWait();
        } else {
            LockSupport.park();
        }
    }

    /** Stops the workers and waits for them to end. */
    @Override
    public void close() {
        closed = true;
        for (Thread worker : workers) {
            LockSupport.unpark(worker);
        }
        // An interrupted caller (a cancelled run) still waits: join throws at once then, with the worker alive.
        boolean interrupted = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (Thread worker : workers) {
            long left;
            while (worker.isAlive() && (left = deadline - System.nanoTime()) > 0) {
                try {
                    worker.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (worker.isAlive()) {
                throw new IllegalStateException("step thread " + worker.getName() + " did not stop within 10 s");
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
