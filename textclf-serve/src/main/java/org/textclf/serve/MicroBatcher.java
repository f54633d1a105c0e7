package org.textclf.serve;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.textclf.api.Prediction;

/**
 * Gathers concurrent requests for one model into one {@code predict(List)} call: a few worker threads take
 * requests from a bounded queue, each batch up to {@code maxBatchSize} texts. A request's texts always stay in one
 * batch, so its answer is never split; a request larger than the limit is a batch of its own.
 *
 * <p>A worker waits for more requests (at most {@code maxBatchWaitMillis}) only while another worker is computing:
 * then requests are arriving faster than one batch is served, and whatever arrives meanwhile would queue anyway. With
 * no other batch in flight it answers at once, so a lone request pays no wait at all.
 */
final class MicroBatcher implements AutoCloseable {
    private static final long IDLE_POLL_MILLIS = 100;

    private final String model;
    private final Supplier<ServedModel> current;
    private final Metrics metrics;
    private final int maxBatchSize;
    private final long maxWaitNanos;
    private final int queueSize;
    private final BlockingQueue<Job> queue;
    private final AtomicInteger computing = new AtomicInteger();
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean closing;

    /** One request: its texts and where its predictions go. */
    private record Job(List<String> texts, CompletableFuture<List<Prediction>> answer) {
    }

    MicroBatcher(String model, Supplier<ServedModel> current, Metrics metrics, ServeOptions options) {
        this.model = model;
        this.current = current;
        this.metrics = metrics;
        this.maxBatchSize = options.maxBatchSize();
        this.maxWaitNanos = TimeUnit.MILLISECONDS.toNanos(options.maxBatchWaitMillis());
        this.queueSize = options.queueSize();
        this.queue = new ArrayBlockingQueue<>(options.queueSize());
        for (int i = 0; i < options.threads(); i++) {
            Thread t = new Thread(this::work, "textclf-serve-" + model + "-" + i);
            t.setDaemon(true);
            t.start();
            workers.add(t);
        }
    }

    /**
     * Queues {@code texts}; the answer completes with one prediction per text, in order.
     *
     * @throws HttpError 503 when the queue is full or the server is shutting down
     */
    CompletableFuture<List<Prediction>> submit(List<String> texts) {
        if (closing) {
            throw new HttpError(503, "the server is shutting down; retry on another replica");
        }
        Job job = new Job(texts, new CompletableFuture<>());
        if (!queue.offer(job)) {
            throw new HttpError(503, "model '" + model + "' is overloaded: " + queueSize + " requests are waiting"
                    + " (--queue-size); retry later");
        }
        return job.answer();
    }

    private void work() {
        Job carried = null;
        List<Job> batch = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        while (true) {
            Job first = carried;
            carried = null;
            try {
                if (first == null) {
                    if (closing && queue.isEmpty()) {
                        return;
                    }
                    first = queue.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
                }
                if (first == null || first.answer().isDone()) {
                    continue; // nothing yet, or it timed out while waiting
                }
                batch.add(first);
                int size = first.texts().size();
                long deadline = System.nanoTime() + maxWaitNanos;
                while (size < maxBatchSize) {
                    Job next = queue.poll();
                    if (next == null) {
                        long left = deadline - System.nanoTime();
                        if (computing.get() == 0 || left <= 0) {
                            break;
                        }
                        next = queue.poll(left, TimeUnit.NANOSECONDS);
                        if (next == null) {
                            break;
                        }
                    }
                    if (next.answer().isDone()) {
                        continue;
                    }
                    if (size + next.texts().size() > maxBatchSize) {
                        carried = next; // the next batch's first: never split a request
                        break;
                    }
                    batch.add(next);
                    size += next.texts().size();
                }
            } catch (InterruptedException e) {
                fail(batch, e);
                return;
            }
            serve(batch, texts);
            batch.clear();
            texts.clear();
        }
    }

    private void serve(List<Job> batch, List<String> texts) {
        for (Job job : batch) {
            texts.addAll(job.texts());
        }
        computing.incrementAndGet();
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
            computing.decrementAndGet();
        }
    }

    private static void fail(List<Job> batch, Throwable e) {
        for (Job job : batch) {
            job.answer().completeExceptionally(e);
        }
    }

    /** Refuses new requests, lets the workers finish the queued ones (at most {@code waitMillis}), then stops. */
    void close(long waitMillis) {
        closing = true;
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
