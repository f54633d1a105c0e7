package org.textclf.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * mvn -o -q -B -pl textclf-bench -am package -DskipTests &amp;&amp; java -cp textclf-bench/target/benchmarks.jar org.textclf.bench.SepCnnStepTiming [sst2|imdb ...]
 *
 * <p>{@link SepCnnStepBenchmark}'s step and predict timed by the calling thread's CPU time with one thread (what the
 * code costs, whatever the neighbours do), then the step by the wall clock with one and two threads; minimum and
 * median over 9 rounds of about a second each.
 */
public final class SepCnnStepTiming {

    private SepCnnStepTiming() {
    }

    public static void main(String[] args) {
        String[] shapes = args.length > 0 ? args : new String[] {"sst2", "imdb"};
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        for (String shape : shapes) {
            SepCnnStepBenchmark one = benchmark(shape, 1);
            int calls = callsPerSecond(one::step);
            report(shape + " step, 1 thread, cpu", measure(one::step, calls, bean::getCurrentThreadCpuTime));
            report(shape + " predict, 1 thread, cpu", measure(one::predict, calls, bean::getCurrentThreadCpuTime));
            report(shape + " step, 1 thread, wall", measure(one::step, calls, System::nanoTime));
            one.tearDown();
            SepCnnStepBenchmark two = benchmark(shape, 2);
            callsPerSecond(two::step);
            report(shape + " step, 2 threads, wall", measure(two::step, calls, System::nanoTime));
            report(shape + " predict, 2 threads, wall", measure(two::predict, calls, System::nanoTime));
            two.tearDown();
        }
    }

    private static SepCnnStepBenchmark benchmark(String shape, int threads) {
        SepCnnStepBenchmark b = new SepCnnStepBenchmark();
        b.shape = shape;
        b.threads = threads;
        b.setUp();
        return b;
    }

    /** Warms up for about five seconds; returns how many calls take about a second. */
    private static int callsPerSecond(Supplier<?> op) {
        long start = System.nanoTime();
        int calls = 0;
        while (System.nanoTime() - start < 5_000_000_000L) {
            op.get();
            calls++;
        }
        return Math.max(1, calls / 5);
    }

    private static double[] measure(Supplier<?> op, int calls, java.util.function.LongSupplier clock) {
        double[] micros = new double[9];
        for (int r = 0; r < micros.length; r++) {
            long start = clock.getAsLong();
            for (int i = 0; i < calls; i++) {
                op.get();
            }
            micros[r] = (clock.getAsLong() - start) / 1e3 / calls;
        }
        Arrays.sort(micros);
        return micros;
    }

    private static void report(String name, double[] micros) {
        System.out.printf("%-30s us/batch: min %10.1f  median %10.1f   examples/s at min: %8.0f%n", name, micros[0],
                micros[micros.length / 2], SepCnnStepBenchmark.ROWS * 1e6 / micros[0]);
    }
}
