package org.textclf.spark.fit;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.TaskContext;

/**
 * A test's way to lose tasks: the first attempt of partition 0's task in each armed stage fails once, so that Spark
 * runs it again (with {@code spark.task.maxFailures} at least 2, e.g. master {@code local[2,2]}) and a test can check
 * that the result equals an undisturbed run's. Off unless a test arms it; a static, so local mode only.
 */
final class FaultInjection {
    private static final Set<String> ARMED = ConcurrentHashMap.newKeySet();
    private static final Set<String> FIRED = ConcurrentHashMap.newKeySet();

    private FaultInjection() {
    }

    /** Fails the next first attempt of partition 0 in each of {@code stages}, once; none disarms. */
    static void arm(String... stages) {
        ARMED.clear();
        FIRED.clear();
        ARMED.addAll(Set.of(stages));
    }

    /** The stages that failed a task since {@link #arm}. */
    static Set<String> fired() {
        return Set.copyOf(FIRED);
    }

    static void check(String stage) {
        TaskContext task = TaskContext.get();
        if (task != null && task.attemptNumber() == 0 && task.partitionId() == 0 && ARMED.remove(stage)) {
            FIRED.add(stage);
            throw new IllegalStateException("injected failure of the first attempt of a task of " + stage);
        }
    }
}
