package org.textclf.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.DefaultEventLoop;
import io.netty.channel.EventLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.textclf.api.Prediction;

/** Batches on a real Netty event loop: what one pass reads is one call, bounded, in order, never split. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class LoopBatcherTest {
    private final EventLoop loop = new DefaultEventLoop();
    private final List<LoopBatcher> batchers = new ArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        for (LoopBatcher b : batchers) {
            b.close();
        }
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).await();
    }

    private LoopBatcher batcher(Echo echo, int maxBatchSize, int waitMillis, int queueSize, int timeoutMillis) {
        ServedModel model = echo.served();
        ServeOptions options = new ServeOptions("127.0.0.1", 0, maxBatchSize, waitMillis, queueSize, 1000,
                timeoutMillis, null, 1, 0);
        LoopBatcher b = new LoopBatcher("m", () -> model, new Metrics(), options);
        batchers.add(b);
        return b;
    }

    /** Submits each request in turn, all in one task on the loop, as one read pass would. */
    private List<CompletableFuture<List<Prediction>>> inOnePass(LoopBatcher b, List<List<String>> requests)
            throws Exception {
        List<CompletableFuture<List<Prediction>>> answers = new ArrayList<>();
        loop.submit(() -> {
            for (List<String> r : requests) {
                CompletableFuture<List<Prediction>> answer = new CompletableFuture<>();
                answers.add(answer);
                b.submit(loop, r, (p, e) -> {
                    if (e != null) {
                        answer.completeExceptionally(e);
                    } else {
                        answer.complete(p);
                    }
                });
            }
        }).get();
        return answers;
    }

    @Test
    void requestsReadInOnePass_arePredictedInOneCall_eachGetsItsOwnAnswersInOrder() throws Exception {
        Echo echo = new Echo(false);
        LoopBatcher b = batcher(echo, 64, 0, 16, 1000);

        var answers = inOnePass(b, List.of(Echo.texts("a", 2), Echo.texts("b", 1), Echo.texts("c", 3)));

        assertThat(Echo.labels(answers.get(0))).containsExactly("a0", "a1");
        assertThat(Echo.labels(answers.get(1))).containsExactly("b0");
        assertThat(Echo.labels(answers.get(2))).containsExactly("c0", "c1", "c2");
        assertThat(echo.calls).containsExactly(6);
    }

    @Test
    void batchFull_isPredictedAtOnce_andARequestIsNeverSplitAcrossBatches() throws Exception {
        Echo echo = new Echo(false);
        LoopBatcher b = batcher(echo, 4, 0, 16, 1000);

        var answers = inOnePass(b, List.of(Echo.texts("a", 3), Echo.texts("b", 2), Echo.texts("c", 2),
                Echo.texts("d", 1)));

        for (var a : answers) {
            a.get(5, TimeUnit.SECONDS);
        }
        assertThat(Echo.labels(answers.get(1))).containsExactly("b0", "b1");
        assertThat(echo.calls).containsExactly(3, 4, 1);
    }

    @Test
    void requestLargerThanABatch_isAnsweredWholeByTheWorkers() throws Exception {
        Echo echo = new Echo(false);
        LoopBatcher b = batcher(echo, 2, 0, 16, 1000);

        var answers = inOnePass(b, List.of(Echo.texts("a", 5), Echo.texts("b", 1)));

        assertThat(Echo.labels(answers.get(0))).containsExactly("a0", "a1", "a2", "a3", "a4");
        assertThat(Echo.labels(answers.get(1))).containsExactly("b0");
        assertThat(echo.calls).containsExactlyInAnyOrder(5, 1);
    }

    @Test
    void moreWaitingThanTheQueueHolds_answers503() throws Exception {
        Echo echo = new Echo(false);
        LoopBatcher b = batcher(echo, 64, 0, 2, 1000);

        assertThatThrownBy(() -> inOnePass(b, List.of(Echo.texts("a", 1), Echo.texts("b", 1), Echo.texts("c", 1))))
                .hasRootCauseInstanceOf(HttpError.class)
                .rootCause().hasMessage("model 'm' is overloaded: 2 requests are waiting (--queue-size); retry later");
        // The two queued before the refusal are still predicted, right after the pass.
        loop.submit(() -> { }).get();
        assertThat(echo.calls).containsExactly(2);
    }

    @Test
    void maxBatchWait_holdsAPartialBatchForTheNextPasses() throws Exception {
        Echo echo = new Echo(false);
        LoopBatcher b = batcher(echo, 64, 300, 16, 5000);

        var first = inOnePass(b, List.of(Echo.texts("a", 1)));
        var second = inOnePass(b, List.of(Echo.texts("b", 1)));

        assertThat(Echo.labels(first.get(0))).containsExactly("a0");
        assertThat(Echo.labels(second.get(0))).containsExactly("b0");
        assertThat(echo.calls).containsExactly(2);
    }

    @Test
    void requestPastItsTimeoutWhenItsBatchStarts_getsTimeoutAndIsNotPredicted() throws Exception {
        Echo echo = new Echo(false);
        LoopBatcher b = batcher(echo, 64, 100, 16, 1);

        var answers = inOnePass(b, List.of(Echo.texts("a", 1)));

        assertThatThrownBy(() -> answers.get(0).get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(TimeoutException.class);
        assertThat(echo.calls).isEmpty();
    }

    @Test
    void predictorFailing_failsEveryRequestOfTheBatch_andTheNextBatchIsServed() throws Exception {
        Echo echo = new Echo(false);
        echo.failNext = true;
        LoopBatcher b = batcher(echo, 64, 0, 16, 1000);

        var failed = inOnePass(b, List.of(Echo.texts("a", 1), Echo.texts("b", 2)));
        for (var a : failed) {
            assertThatThrownBy(() -> a.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class);
        }
        var next = inOnePass(b, List.of(Echo.texts("c", 1)));

        assertThat(Echo.labels(next.get(0))).containsExactly("c0");
    }
}
