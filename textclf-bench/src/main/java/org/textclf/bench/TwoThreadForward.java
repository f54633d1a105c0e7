package org.textclf.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.textclf.batch.BatchRows;
import org.textclf.batch.Example;
import org.textclf.batch.SparseBatch;
import org.textclf.nn.Mlp;
import org.textclf.nn.MlpConfig;

/**
 * mvn -o -q -B -pl textclf-bench -am package -DskipTests &amp;&amp; java -cp textclf-bench/target/benchmarks.jar org.textclf.bench.TwoThreadForward
 *
 * <p>The experiment that decides whether a step should use two cores: the inference forward of the default MLP
 * ({@link Mlp#predictBatch}, whose cost is the sparse first layer, the largest part of a step that splits without
 * merging) on 128 rows, wall clock, one thread against the rows split in halves between the caller and one pooled
 * worker. Minimum and median over 15 rounds of 200 calls.
 */
public final class TwoThreadForward {

    private TwoThreadForward() {
    }

    public static void main(String[] args) throws Exception {
        MlpStepBenchmark b = new MlpStepBenchmark();
        b.setUp();
        SparseBatch batch = b.firstBatch();
        int half = batch.rows() / 2;
        BatchRows<SparseBatch> rows = SparseBatch.rows(batch.features());
        SparseBatch first = slice(rows, batch, 0, half);
        SparseBatch second = slice(rows, batch, half, batch.rows());
        Mlp mlp = Mlp.create(MlpConfig.DEFAULTS, MlpStepBenchmark.FEATURES, 2, 1);
        ExecutorService worker = Executors.newSingleThreadExecutor();
        try {
            Runnable one = () -> mlp.predictBatch(batch);
            Runnable two = () -> {
                Future<?> other = worker.submit(() -> mlp.predictBatch(second));
                mlp.predictBatch(first);
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

    private static SparseBatch slice(BatchRows<SparseBatch> rows, SparseBatch batch, int from, int to) {
        List<Example> examples = new ArrayList<>();
        for (int r = from; r < to; r++) {
            examples.add(rows.row(batch, r));
        }
        return rows.assemble(examples);
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
        System.out.printf("mlp forward, %s wall us/op: min %7.1f  median %7.1f%n", name, micros[0], micros[7]);
    }
}
