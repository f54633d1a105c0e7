package org.textclf.serve;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.textclf.api.Prediction;

/**
 * Gathers concurrent requests for one model into one {@code predict(List)} call: a few worker threads take
 * requests from a bounded queue, each batch up to {@code maxBatchSize} texts. A request's texts always stay in one
 * batch, so its answer is never split; a request larger than the limit is a batch of its own.
 *
 * <p>Requests that arrive while a batch is being computed wait for the worker computing it, which takes them all as
 * its next batch: no thread is woken for them. A sleeping worker is woken only when nobody is computing (a lone
 * request is answered at once) or when a whole batch is waiting (a second core can help). Waking a thread per
 * request cost more CPU than the prediction of a short text itself, on the cores the HTTP threads need too.
 *
 * <p>A worker holding a partial batch waits for more (at most {@code maxBatchWaitMillis}) only while another
 * worker is computing: then requests are arriving faster than one batch is served, and whatever arrives meanwhile
 * would queue anyway.
 */
final class MicroBatcher implements AutoCloseable {
    private final String model;
    private final Supplier<ServedModel> current;
    private final Metrics metrics;
    private final int maxBatchSize;
    private final long maxWaitNanos;
    private final int queueSize;
    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled only when a sleeping worker has something to do, never once per request. */
    private final Condition work = lock.newCondition();
    // Guarded by lock:
    private final ArrayDeque<Job> queue = new ArrayDeque<>();
    private int queuedTexts;
    private int computing;
    private int sleeping;
    /** Of the sleeping, those holding a partial batch until the one computing is done. */
    private int holding;
    private boolean closing;
    private final List<Thread> workers = new ArrayList<>();

    private final long timeoutNanos;
    /** The batches being computed, for the timeout sweep; guarded by lock. */
    private final List<List<Job>> inFlight = new ArrayList<>();

    /** One request: its texts, where its predictions go and when it times out ({@link System#nanoTime}). */
    private record Job(List<String> texts, CompletableFuture<List<Prediction>> answer, long deadline) {
    }

    MicroBatcher(String model, Supplier<ServedModel> current, Metrics metrics, ServeOptions options) {
        this.model = model;
        this.current = current;
        this.metrics = metrics;
        this.maxBatchSize = options.maxBatchSize();
        this.maxWaitNanos = TimeUnit.MILLISECONDS.toNanos(options.maxBatchWaitMillis());
        this.queueSize = options.queueSize();
        this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(options.timeoutMillis());
        for (int i = 0; i < options.threads(); i++) {
            Thread t = new Thread(this::work, "textclf-serve-" + model + "-" + i);
            t.setDaemon(true);
            t.start();
            workers.add(t);
        }
        // One thread sweeps the timeouts of every request, a few times per timeout: a timer per request would cost
        // each one a schedule and a cancel on a shared queue.
        Thread sweeper = new Thread(this::sweep, "textclf-serve-" + model + "-timeouts");
        sweeper.setDaemon(true);
        sweeper.start();
        workers.add(sweeper);
    }

    /**
     * Queues {@code texts}; the answer completes with one prediction per text, in order, or with a
     * {@link TimeoutException} when none came within the timeout (ServeOptions#timeoutMillis).
     *
     * @throws HttpError 503 when the queue is full or the server is shutting down
     */
    CompletableFuture<List<Prediction>> submit(List<String> texts) {
        Job job = new Job(texts, new CompletableFuture<>(), System.nanoTime() + timeoutNanos);
        lock.lock();
        try {
            if (closing) {
                throw new HttpError(503, "the server is shutting down; retry on another replica");
            }
            if (queue.size() >= queueSize) {
                throw new HttpError(503, "model '" + model + "' is overloaded: " + queueSize + " requests are"
                        + " waiting (--queue-size); retry later");
            }
            queue.add(job);
            queuedTexts += texts.size();
            if (sleeping > 0 && (computing == 0 || queuedTexts >= maxBatchSize)) {
                work.signal();
            }
        } finally {
            lock.unlock();
        }
        return job.answer();
    }

    private void work() {
        List<Job> batch = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        try {
            while (take(batch)) {
                serve(batch, texts);
                batch.clear();
                texts.clear();
            }
        } catch (InterruptedException e) {
            fail(batch, e);
        }
    }

    /**
     * Fills {@code batch} with the next requests, sleeping while there are none; false once the batcher is closing
     * and nothing is queued. On return the caller counts as computing until {@link #serve} ends.
     */
    private boolean take(List<Job> batch) throws InterruptedException {
        lock.lock();
        try {
            int size = 0;
            long deadline = 0;
            while (true) {
                while (!queue.isEmpty()) {
                    Job next = queue.peek();
                    if (next.answer().isDone()) { // it timed out while waiting
                        queue.poll();
                        queuedTexts -= next.texts().size();
                        continue;
                    }
                    if (size > 0 && size + next.texts().size() > maxBatchSize) {
                        break; // the next batch's first: never split a request
                    }
                    queue.poll();
                    queuedTexts -= next.texts().size();
                    batch.add(next);
                    size += next.texts().size();
                }
                long now = System.nanoTime();
                if (size > 0) {
                    if (deadline == 0) {
                        deadline = now + maxWaitNanos;
                    }
                    if (size >= maxBatchSize || computing == 0 || now >= deadline || !queue.isEmpty()) {
                        computing++;
                        inFlight.add(batch);
                        return true;
                    }
                    holding++;
                    try {
                        sleep(deadline - now);
                    } finally {
                        holding--;
                    }
                } else if (closing) {
                    return false;
                } else {
                    sleeping++;
                    try {
                        work.await(); // submit and close signal
                    } finally {
                        sleeping--;
                    }
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Sleeps at most {@code nanos} or until signalled; the lock is held around it. */
    private void sleep(long nanos) throws InterruptedException {
        sleeping++;
        try {
            work.awaitNanos(nanos);
        } finally {
            sleeping--;
        }
    }

    private void serve(List<Job> batch, List<String> texts) {
        for (Job job : batch) {
            texts.addAll(job.texts());
        }
        try {
            // The model as it is now: a reload swaps it between batches, never within one.
            List<Prediction> predictions = current.get().predictor().predict(texts);
            metrics.batch(model, texts.size());
            int from = 0;
            for (Job job : batch) {
                int to = from + job.texts().size();
                job.answer().complete(predictions.subList(from, to));
                from = to;
            }
        } catch (RuntimeException e) {
            fail(batch, e);
        } finally {
            done(batch);
        }
    }

    /** One batch fewer in flight: a worker holding a partial batch for the one computing now goes ahead. */
    private void done(List<Job> batch) {
        lock.lock();
        try {
            computing--;
            inFlight.remove(batch);
            if (computing == 0 && holding > 0) {
                work.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Every {@code timeout / 10} (at least 1 ms, at most 100 ms): answers the requests past their deadline. */
    private void sweep() {
        long tick = Math.max(TimeUnit.MILLISECONDS.toNanos(1), Math.min(timeoutNanos / 10,
                TimeUnit.MILLISECONDS.toNanos(100)));
        List<Job> expired = new ArrayList<>();
        while (true) {
            lock.lock();
            try {
                if (closing && queue.isEmpty() && inFlight.isEmpty()) {
                    return;
                }
                long now = System.nanoTime();
                // Deadlines grow in the queue's order, so the expired ones are at its head.
                while (!queue.isEmpty() && queue.peek().deadline() - now <= 0) {
                    Job job = queue.poll();
                    queuedTexts -= job.texts().size();
                    expired.add(job);
                }
                for (List<Job> batch : inFlight) {
                    for (Job job : batch) {
                        if (job.deadline() - now <= 0) {
                            expired.add(job);
                        }
                    }
                }
            } finally {
                lock.unlock();
            }
            // Outside the lock: completing a request writes its answer.
            for (Job job : expired) {
                job.answer().completeExceptionally(new TimeoutException());
            }
            expired.clear();
            LockSupport.parkNanos(tick);
            if (Thread.interrupted()) {
                return; // close gave up waiting
            }
        }
    }

    /** Workers asleep now: for tests that need every worker idle before they start. */
    int sleeping() {
        lock.lock();
        try {
            return sleeping;
        } finally {
            lock.unlock();
        }
    }

    private static void fail(List<Job> batch, Throwable e) {
        for (Job job : batch) {
            job.answer().completeExceptionally(e);
        }
    }

    /** Refuses new requests, lets the workers finish the queued ones (at most {@code waitMillis}), then stops. */
    void close(long waitMillis) {
        lock.lock();
        try {
            closing = true;
            work.signalAll();
        } finally {
            lock.unlock();
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
        for (Thread t : workers) {
            try {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            t.interrupt();
        }
    }

    @Override
    public void close() {
        close(0);
    }
}
