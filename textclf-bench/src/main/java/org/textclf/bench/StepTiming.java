package org.textclf.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.Supplier;
import org.textclf.nn.StepThreads;

/**
 * mvn -o -q -B -pl textclf-bench -am package -DskipTests &amp;&amp; java -cp textclf-bench/target/benchmarks.jar org.textclf.bench.StepTiming
 * (add {@code -Dorder=random} before {@code -cp} for the features in random order, {@link MlpStepBenchmark})
 *
 * <p>The parts of {@link MlpStepBenchmark} timed by the thread's CPU time instead of the wall clock, minimum and
 * median over 15 rounds of 200 calls (then the whole step by the wall clock with one and two threads): on a machine
 * shared with other builds the wall clock measures the neighbours, CPU time measures the code.
 */
public final class StepTiming {

    private StepTiming() {
    }

    public static void main(String[] args) {
        MlpStepBenchmark b = new MlpStepBenchmark();
        b.setUp();
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        time("step", b::step, bean);
        time("evaluate", b::evaluate, bean);
        time("computeGradients", b::computeGradients, bean);
        time("applyGradients", b::applyGradients, bean);
        time("adamLazyFirstLayer", b::adamLazyFirstLayer, bean);
        time("adamDenseFirstLayer", b::adamDenseFirstLayer, bean);
        time("linearStep", b::linearStep, bean);
        time("linearComputeGradients", b::linearComputeGradients, bean);
        time("step", b::step, bean);
        wall("step, 1 thread", b::step);
        try (StepThreads two = StepThreads.create(2)) {
            b.useThreads(two);
            wall("step, 2 threads", b::step);
            b.useThreads(null);
        }
        wall("step, 1 thread", b::step);
    }

    private static void wall(String name, Supplier<?> op) {
        for (int i = 0; i < 2000; i++) {
            op.get();
        }
        double[] micros = new double[15];
        for (int r = 0; r < micros.length; r++) {
            long start = System.nanoTime();
            for (int i = 0; i < 200; i++) {
                op.get();
            }
            micros[r] = (System.nanoTime() - start) / 1e3 / 200;
        }
        Arrays.sort(micros);
        System.out.printf("%-22s wall us/op: min %8.1f  median %8.1f%n", name, micros[0], micros[7]);
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
