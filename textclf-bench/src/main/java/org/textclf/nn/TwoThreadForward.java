package org.textclf.nn;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.textclf.batch.SparseBatch;

/**
 * mvn -o -q -B -pl textclf-bench -am package -DskipTests &amp;&amp; java -cp textclf-bench/target/benchmarks.jar org.textclf.nn.TwoThreadForward
 *
 * <p>The experiment that decides whether a step should use two cores: the sparse forward (the largest part of a
 * step that splits without merging) on 128 rows, wall clock, one thread against the rows split in halves between
 * the caller and one pooled worker. Minimum and median over 15 rounds of 200 calls.
 */
public final class TwoThreadForward {

    private TwoThreadForward() {
    }

    public static void main(String[] args) throws Exception {
        SparseBatch batch = TestData.batch();
        Mlp mlp = Mlp.create(MlpConfig.DEFAULTS, MlpStepBenchmark.FEATURES, 2, 1);
        float[] kernel = mlp.parameters().get(0).values();
        float[] bias = mlp.parameters().get(1).values();
        float[] out = new float[batch.rows() * 64];
        int half = batch.rows() / 2;
        ExecutorService worker = Executors.newSingleThreadExecutor();
        try {
            Runnable one = () -> SparseDense.forward(batch.rowStart(), batch.indices(), batch.values(), kernel, bias,
                    64, out, 0, batch.rows());
            Runnable two = () -> {
                Future<?> other = worker.submit(() -> SparseDense.forward(batch.rowStart(), batch.indices(),
                        batch.values(), kernel, bias, 64, out, half, batch.rows()));
                SparseDense.forward(batch.rowStart(), batch.indices(), batch.values(), kernel, bias, 64, out, 0, half);
                try {
                    other.get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };
            for (int repeat = 0; repeat < 2; repeat++) {
                time("1 thread ", one);
                time("2 threads", two);
            }
        } finally {
            worker.shutdownNow();
        }
    }

    private static void time(String name, Runnable op) {
        for (int i = 0; i < 2000; i++) {
            op.run();
        }
        double[] micros = new double[15];
        for (int r = 0; r < micros.length; r++) {
            long start = System.nanoTime();
            for (int i = 0; i < 200; i++) {
                op.run();
            }
            micros[r] = (System.nanoTime() - start) / 1e3 / 200;
        }
        java.util.Arrays.sort(micros);
        System.out.printf("sparse forward, %s wall us/op: min %7.1f  median %7.1f%n", name, micros[0], micros[7]);
    }

    /** The benchmark's first batch. */
    private static final class TestData {
        static SparseBatch batch() {
            MlpStepBenchmark b = new MlpStepBenchmark();
            b.setUp();
            return b.firstBatch();
        }
    }
}
