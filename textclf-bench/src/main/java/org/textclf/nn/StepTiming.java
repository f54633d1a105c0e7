package org.textclf.nn;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * mvn -o -q -B -pl textclf-bench -am package -DskipTests &amp;&amp; java -cp textclf-bench/target/benchmarks.jar org.textclf.nn.StepTiming
 *
 * <p>The parts of {@link MlpStepBenchmark} timed by the thread's CPU time instead of the wall clock, minimum and
 * median over 15 rounds of 200 calls: on a machine shared with other builds the wall clock measures the neighbours,
 * CPU time measures the code.
 */
public final class StepTiming {

    private StepTiming() {
    }

    public static void main(String[] args) {
        MlpStepBenchmark b = new MlpStepBenchmark();
        b.setUp();
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        time("step", b::step, bean);
        time("forward", b::forward, bean);
        time("forwardBackward", b::forwardBackward, bean);
        time("adamLazyFirstLayer", b::adamLazyFirstLayer, bean);
        time("adamDenseFirstLayer", b::adamDenseFirstLayer, bean);
        time("step", b::step, bean);
    }

    private static void time(String name, Supplier<?> op, ThreadMXBean bean) {
        for (int i = 0; i < 2000; i++) {
            op.get();
        }
        int rounds = 15;
        int calls = 200;
        double[] micros = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long start = bean.getCurrentThreadCpuTime();
            for (int i = 0; i < calls; i++) {
                op.get();
            }
            micros[r] = (bean.getCurrentThreadCpuTime() - start) / 1e3 / calls;
        }
        Arrays.sort(micros);
        System.out.printf("%-22s cpu us/op: min %8.1f  median %8.1f%n", name, micros[0], micros[rounds / 2]);
    }
}
