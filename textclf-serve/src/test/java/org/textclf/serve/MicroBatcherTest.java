package org.textclf.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.textclf.api.Prediction;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class MicroBatcherTest {

    private static MicroBatcher batcher(Echo echo, int maxBatchSize, int waitMillis, int queueSize) {
        return batcher(echo, maxBatchSize, waitMillis, queueSize, 1, 1000);
    }

    private static MicroBatcher batcher(Echo echo, int maxBatchSize, int waitMillis, int queueSize, int threads,
            int timeoutMillis) {
        ServedModel model = echo.served();
        ServeOptions options = new ServeOptions("127.0.0.1", 0, maxBatchSize, waitMillis, queueSize, 1000,
                timeoutMillis, null, threads, 0);
        return new MicroBatcher("m", () -> model, new Metrics(), options);
    }

    @Test
    void requestsQueuedWhileABatchComputes_shareOnePredictCall_andAreNeverSplit() throws Exception {
        Echo echo = new Echo(true);
        try (MicroBatcher b = batcher(echo, 64, 0, 16)) {
            CompletableFuture<List<Prediction>> first = b.submit(Echo.texts("a", 1));
            echo.entered.await();
            CompletableFuture<List<Prediction>> second = b.submit(Echo.texts("b", 2));
            CompletableFuture<List<Prediction>> third = b.submit(Echo.texts("c", 3));
            CompletableFuture<List<Prediction>> fourth = b.submit(Echo.texts("d", 60));
            echo.release.countDown();
            assertThat(Echo.labels(first)).isEqualTo(Echo.texts("a", 1));
            assertThat(Echo.labels(second)).isEqualTo(Echo.texts("b", 2));
            assertThat(Echo.labels(third)).isEqualTo(Echo.texts("c", 3));
            assertThat(Echo.labels(fourth)).isEqualTo(Echo.texts("d", 60));
            assertThat(echo.calls).containsExactly(1, 5, 60);
        }
    }

    @Test
    void loneRequest_isAnsweredWithoutWaitingForMore() throws Exception {
        Echo echo = new Echo(false);
        try (MicroBatcher b = batcher(echo, 64, 5_000, 16)) {
            long start = System.nanoTime();
            assertThat(Echo.labels(b.submit(List.of("only")))).containsExactly("only");
            // well under the 5 s a batch may wait for more, with room for a loaded machine's scheduling
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(2_500);
        }
    }

    @Test
    void fullQueue_isRefusedWith503_notQueued() throws Exception {
        Echo echo = new Echo(true);
        try (MicroBatcher b = batcher(echo, 1, 0, 1)) {
            b.submit(List.of("computing"));
            echo.entered.await();
            b.submit(List.of("waiting"));
            assertThatThrownBy(() -> b.submit(List.of("one too many"))).isInstanceOfSatisfying(HttpError.class,
                    e -> assertThat(e.status()).isEqualTo(503))
                    .hasMessage("model 'm' is overloaded: 1 requests are waiting (--queue-size); retry later");
            echo.release.countDown();
        }
    }

    /** Until {@code workers} of the batcher sleep: a worker still starting up would take what it finds. */
    private static void awaitAsleep(MicroBatcher b, int workers) throws InterruptedException {
        while (b.sleeping() < workers) {
            Thread.sleep(1);
        }
    }

    @Test
    void requestsArrivingWhileOneWorkerComputes_wakeNoOther_andBecomeItsNextBatch() throws Exception {
        Echo echo = new Echo(true);
        try (MicroBatcher b = batcher(echo, 64, 0, 16, 2, 5_000)) {
            awaitAsleep(b, 2);
            CompletableFuture<List<Prediction>> first = b.submit(List.of("a"));
            echo.entered.await();
            List<CompletableFuture<List<Prediction>>> more = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                more.add(b.submit(List.of("b" + i)));
                Thread.sleep(20); // time enough for an idle worker, had it been woken, to take each on its own
            }
            echo.release.countDown();
            assertThat(Echo.labels(first)).containsExactly("a");
            for (int i = 0; i < 3; i++) {
                assertThat(Echo.labels(more.get(i))).containsExactly("b" + i);
            }
            assertThat(echo.calls).containsExactly(1, 3);
        }
    }

    @Test
    void aWholeBatchWaiting_wakesASecondWorker() throws Exception {
        Echo echo = new Echo(true);
        try (MicroBatcher b = batcher(echo, 4, 0, 16, 2, 5_000)) {
            awaitAsleep(b, 2);
            b.submit(List.of("a"));
            echo.entered.await();
            List<CompletableFuture<List<Prediction>>> more = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                more.add(b.submit(List.of("b" + i)));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (echo.calls.size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(echo.calls).as("the second worker computes while the first is still busy").containsExactly(1, 4);
            echo.release.countDown();
            assertThat(Echo.labels(more.get(3))).containsExactly("b3");
        }
    }

    @Test
    void requestsPastTheTimeout_failWithTimeoutException_queuedOrComputing() throws Exception {
        Echo echo = new Echo(true);
        try (MicroBatcher b = batcher(echo, 1, 0, 16, 1, 50)) {
            CompletableFuture<List<Prediction>> computing = b.submit(List.of("slow"));
            echo.entered.await();
            CompletableFuture<List<Prediction>> queued = b.submit(List.of("waiting"));
            for (CompletableFuture<List<Prediction>> answer : List.of(computing, queued)) {
                assertThatThrownBy(() -> answer.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(TimeoutException.class);
            }
            echo.release.countDown();
            // The worker goes on: a later request is answered.
            assertThat(Echo.labels(b.submit(List.of("later")))).containsExactly("later");
        }
    }
}
