package org.textclf.serve;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.FastThreadLocal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.textclf.api.Prediction;

/**
 * Gathers one model's requests into {@code predict(List)} calls on the event loop that read them: the requests an
 * event loop reads in one pass over its connections are predicted together right after that pass (or, with
 * {@code --max-batch-wait-ms}, once the oldest has waited that long), up to {@code maxBatchSize} texts per call.
 * While a loop predicts, the requests of its connections wait in their sockets and make up its next batch: the
 * batch grows with the load by itself, and a lone request is answered at once.
 *
 * <p>Why on the event loop: handing each request to a prediction thread and each answer back wakes two threads for a
 * prediction that takes 8.8 µs for a short AG News text in process ({@code bench/serve}'s in-process figure); what
 * this server served against the Jetty one before it, which did hand over, is in {@code bench/README.md}. A request
 * with more texts than a batch holds is a batch of its own on {@link MicroBatcher}'s workers instead, so that it
 * never holds a loop and the other connections on it.
 *
 * <p>A request's texts stay in one batch, so its answer is never split. Each loop's waiting requests are bounded
 * by {@code --queue-size} (503 beyond); a request past its timeout when its batch starts is answered 504.
 */
final class LoopBatcher implements AutoCloseable {
    private final String model;
    private final Supplier<ServedModel> current;
    private final Metrics metrics;
    private final int maxBatchSize;
    private final long maxWaitNanos;
    private final int queueSize;
    private final long timeoutNanos;
    private final MicroBatcher large;
    private final FastThreadLocal<Pending> pending = new FastThreadLocal<>();

    /** One request: its texts, where its answer goes, and when it was read ({@link System#nanoTime}). */
    private record Job(List<String> texts, BiConsumer<List<Prediction>, Throwable> answer, long arrived) {
    }

    /** One loop's requests not yet predicted; touched by that loop's thread alone. */
    private static final class Pending {
        List<Job> jobs = new ArrayList<>();
        int texts;
        boolean scheduled;
    }

    LoopBatcher(String model, Supplier<ServedModel> current, Metrics metrics, ServeOptions options) {
        this.model = model;
        this.current = current;
        this.metrics = metrics;
        this.maxBatchSize = options.maxBatchSize();
        this.maxWaitNanos = TimeUnit.MILLISECONDS.toNanos(options.maxBatchWaitMillis());
        this.queueSize = options.queueSize();
        this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(options.timeoutMillis());
        this.large = new MicroBatcher(model, current, metrics, options);
    }

    /**
     * Queues {@code texts}, read by {@code loop} (the calling thread); {@code answer} gets one prediction per text,
     * in order, or the failure (a {@link TimeoutException} past the timeout).
     *
     * @throws HttpError 503 when the loop's queue is full or the server is shutting down
     */
    void submit(EventExecutor loop, List<String> texts, BiConsumer<List<Prediction>, Throwable> answer) {
        if (texts.size() > maxBatchSize) {
            large.submit(texts).whenComplete(answer);
            return;
        }
        Pending p = pending.get();
        if (p == null) {
            p = new Pending();
            pending.set(p);
        }
        if (p.jobs.size() >= queueSize) {
            throw new HttpError(503, "model '" + model + "' is overloaded: " + queueSize + " requests are waiting"
                    + " (--queue-size); retry later");
        }
        if (p.texts + texts.size() > maxBatchSize) {
            predict(p); // never split a request: it starts the next batch
        }
        p.jobs.add(new Job(texts, answer, System.nanoTime()));
        p.texts += texts.size();
        if (p.texts >= maxBatchSize) {
            predict(p);
        } else if (!p.scheduled) {
            p.scheduled = true;
            Pending waiting = p;
            if (maxWaitNanos == 0) {
                loop.execute(() -> flush(waiting)); // after this pass over the loop's connections
            } else {
                loop.schedule(() -> flush(waiting), maxWaitNanos, TimeUnit.NANOSECONDS);
            }
        }
    }

    private void flush(Pending p) {
        p.scheduled = false;
        predict(p);
    }

    /** Predicts the loop's waiting requests as one batch and answers them. */
    private void predict(Pending p) {
        if (p.jobs.isEmpty()) {
            return;
        }
        List<Job> batch = p.jobs;
        p.jobs = new ArrayList<>();
        p.texts = 0;
        long now = System.nanoTime();
        List<String> texts = new ArrayList<>();
        List<Job> live = new ArrayList<>(batch.size());
        for (Job job : batch) {
            if (now - job.arrived() > timeoutNanos) {
                job.answer().accept(null, new TimeoutException());
            } else {
                live.add(job);
                texts.addAll(job.texts());
            }
        }
        if (live.isEmpty()) {
            return;
        }
        List<Prediction> predictions;
        try {
            // The model as it is now: a reload swaps it between batches, never within one.
            predictions = current.get().predictor().predict(texts);
        } catch (RuntimeException e) {
            for (Job job : live) {
                job.answer().accept(null, e);
            }
            return;
        }
        metrics.batch(model, texts.size());
        int from = 0;
        for (Job job : live) {
            int to = from + job.texts().size();
            job.answer().accept(predictions.subList(from, to), null);
            from = to;
        }
    }

    /** Stops the workers of the large requests once theirs are done (at most {@code waitMillis}). */
    void close(long waitMillis) {
        large.close(waitMillis);
    }

    @Override
    public void close() {
        close(0);
    }
}
