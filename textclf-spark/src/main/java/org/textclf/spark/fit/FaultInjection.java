package org.textclf.spark.fit;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.spark.TaskContext;

/**
 * A test's way to lose a task: the first attempt of partition 0's task in the named stage fails once, so that Spark
 * retries it (with {@code spark.task.maxFailures} at least 2, e.g. master {@code local[2,2]}) and a test can check
 * the retried result equals an undisturbed run's. Off unless a test arms it; a static, so local mode only.
 */
final class FaultInjection {
    private static volatile String stage;
    private static final AtomicBoolean FIRED = new AtomicBoolean();

    private FaultInjection() {
    }

    /** Fails the next first attempt of partition 0 in {@code stage} (null: none). */
    static void arm(String stage) {
        FIRED.set(false);
        FaultInjection.stage = stage;
    }

    static boolean fired() {
        return FIRED.get();
    }

    static void check(String here) {
        TaskContext task = TaskContext.get();
        if (here.equals(stage) && task != null && task.attemptNumber() == 0 && task.partitionId() == 0
                && FIRED.compareAndSet(false, true)) {
            throw new IllegalStateException("injected failure of the first attempt of " + here);
        }
    }
}
