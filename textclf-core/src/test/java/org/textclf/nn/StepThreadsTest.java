package org.textclf.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StepThreadsTest {

    private static Set<Thread> stepThreadsAlive(Set<Thread> before) {
        Set<Thread> alive = new HashSet<>(Thread.getAllStackTraces().keySet());
        alive.removeAll(before);
        alive.removeIf(t -> !t.getName().startsWith("textclf-step-") || !t.isAlive());
        return alive;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void run_eachStep_runsEveryPartExactlyOnce(int threads) {
        try (StepThreads pool = StepThreads.create(threads)) {
            assertThat(pool.threads()).isEqualTo(threads);
            for (int step = 1; step <= 50; step++) {
                AtomicIntegerArray runs = new AtomicIntegerArray(threads + 1); // one past the end: never run
                pool.run(runs::incrementAndGet);
                for (int part = 0; part < threads; part++) {
                    assertThat(runs.get(part)).as("step %d part %d", step, part).isEqualTo(1);
                }
                assertThat(runs.get(threads)).isZero();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void run_tenThousandConsecutiveSteps_allCompleteWithEveryPartsWork(int threads) {
        int steps = 10_000;
        int width = 64;
        // Plain arrays, no atomics: each part owns its slice, and run's return must publish what the workers wrote.
        long[] sums = new long[threads * width];
        try (StepThreads pool = StepThreads.create(threads)) {
            assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
                for (int step = 1; step <= steps; step++) {
                    int s = step;
                    pool.run(part -> {
                        for (int i = part * width; i < (part + 1) * width; i++) {
                            sums[i] += s + part;
                        }
                    });
                    // Each step reads what the last one wrote: a step that returned early would show here.
                    long expected = (long) s * (s + 1) / 2;
                    for (int part = 0; part < threads; part++) {
                        if (sums[part * width + width - 1] != expected + (long) s * part) {
                            throw new AssertionError("step " + s + " part " + part + ": expected "
                                    + (expected + (long) s * part) + ", found " + sums[part * width + width - 1]);
                        }
                    }
                }
            });
        }
        for (int part = 0; part < threads; part++) {
            for (int i = part * width; i < (part + 1) * width; i++) {
                assertThat(sums[i]).isEqualTo((long) steps * (steps + 1) / 2 + (long) steps * part);
            }
        }
    }

    @Test
    void run_workerPartThrows_throwsIllegalStateWithItAsCauseAndStillWorks() {
        try (StepThreads pool = StepThreads.create(3)) {
            RuntimeException boom = new IllegalArgumentException("boom in part 2");
            assertThatThrownBy(() -> pool.run(part -> {
                if (part == 2) {
                    throw boom;
                }
            })).isInstanceOf(IllegalStateException.class).hasCause(boom).cause().isSameAs(boom);

            for (int step = 0; step < 100; step++) {
                AtomicIntegerArray runs = new AtomicIntegerArray(3);
                pool.run(runs::incrementAndGet);
                assertThat(runs.toString()).isEqualTo("[1, 1, 1]");
            }
        }
    }

    @Test
    void run_callersPartThrows_propagatesItAsItselfAfterTheWorkersFinish() {
        try (StepThreads pool = StepThreads.create(3)) {
            RuntimeException boom = new UnsupportedOperationException("boom in part 0");
            AtomicIntegerArray runs = new AtomicIntegerArray(3);
            assertThatThrownBy(() -> pool.run(part -> {
                if (part == 0) {
                    throw boom;
                }
                sleep(20); // the caller fails at once; run must still wait for the workers
                runs.incrementAndGet(part);
            })).isSameAs(boom);
            assertThat(runs.get(1)).isEqualTo(1);
            assertThat(runs.get(2)).isEqualTo(1);

            AtomicIntegerArray after = new AtomicIntegerArray(3);
            pool.run(after::incrementAndGet);
            assertThat(after.toString()).isEqualTo("[1, 1, 1]");
        }
    }

    @Test
    void run_singleThreadPartThrows_propagatesItAsItself() {
        try (StepThreads pool = StepThreads.create(1)) {
            RuntimeException boom = new IllegalArgumentException("boom");
            assertThatThrownBy(() -> pool.run(part -> {
                throw boom;
            })).isSameAs(boom);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void close_afterSteps_noStepThreadAliveAndRunThrows(int threads) {
        Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
        StepThreads pool = StepThreads.create(threads);
        assertThat(stepThreadsAlive(before)).hasSize(threads - 1);
        for (int step = 0; step < 10; step++) {
            pool.run(part -> { });
        }
        sleep(5); // long enough for the workers to stop spinning and park

        pool.close();

        assertThat(stepThreadsAlive(before)).isEmpty();
        // With no worker left to finish a part, a run that went ahead would wait forever: hence the timeout.
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThatThrownBy(() -> pool.run(part -> { }))
                .isInstanceOf(IllegalStateException.class).hasMessage("the step threads are closed"));
    }


    @Test
    void close_callerInterrupted_stopsTheWorkersAndKeepsTheInterrupt() {
        Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
        StepThreads pool = StepThreads.create(3);
        pool.run(part -> { });
        Thread.currentThread().interrupt(); // as when a training run is cancelled
        try {
            pool.close();

            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(stepThreadsAlive(before)).isEmpty();
    }

    @Test
    void create_zeroThreads_throwsWithTheBadValue() {
        assertThatThrownBy(() -> StepThreads.create(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("threads must be at least 1; found 0");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
