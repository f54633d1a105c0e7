package org.textclf.bench;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.textclf.batch.SequenceBatch;
import org.textclf.nn.Adam;
import org.textclf.nn.AdamConfig;
import org.textclf.nn.BatchMetrics;
import org.textclf.nn.SepCnn;
import org.textclf.nn.SepCnnConfig;
import org.textclf.nn.StepThreads;

/**
 * mvn -o -q -B -pl textclf-bench -am package -DskipTests &amp;&amp; java -jar textclf-bench/target/benchmarks.jar SepCnnStepBenchmark
 *
 * <p>One training step ({@code step}: {@link SepCnn#fitBatch}) and one inference pass ({@code predict}) of the
 * default sepCNN (2 blocks, 64 filters, kernel 3, pool 3, 200-dimensional embedding, 2 classes) over a vocabulary of
 * 20,002 ids, batch 128, at two shapes: {@code sst2}, row lengths drawn from the token counts of the SST-2 training
 * sentences (67,349 sentences split on whitespace: mean 9.4, median 7, 90th percentile 21, max 52), and
 * {@code imdb}, rows of 184 to 276 tokens (mean 230). Token ids are drawn Zipf-like. {@code threads} splits the
 * batch rows across a {@link StepThreads} pool.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class SepCnnStepBenchmark {

    static final int VOCABULARY = 20_002;
    static final int ROWS = 128;
    /** How many SST-2 training sentences have 0, 1, 2, ... whitespace-separated tokens. */
    private static final int[] SST2_LENGTHS = {0, 4270, 7241, 7031, 5511, 4578, 4019, 3594, 3092, 2861, 2564, 2230,
        2051, 1830, 1748, 1560, 1388, 1265, 1182, 1040, 922, 860, 820, 741, 654, 572, 505, 460, 416, 335, 297, 281,
        253, 226, 166, 152, 108, 90, 91, 60, 55, 53, 34, 30, 24, 27, 17, 9, 11, 9, 7, 6, 3};

    @Param({"sst2", "imdb"})
    public String shape;

    @Param({"1", "2"})
    public int threads;

    private SequenceBatch[] batches;
    private int next;
    private SepCnn net;
    private Adam adam;
    private SplittableRandom dropout;
    private StepThreads pool;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(1);
        double[] tokenCdf = cdf(zipf(VOCABULARY - 2));
        double[] lengthCdf = cdf(Arrays.stream(SST2_LENGTHS).asDoubleStream().toArray());
        batches = new SequenceBatch[8];
        long tokens = 0;
        for (int b = 0; b < batches.length; b++) {
            int[][] sequences = new int[ROWS][];
            int[] labels = new int[ROWS];
            for (int r = 0; r < ROWS; r++) {
                int length = shape.equals("imdb") ? 184 + random.nextInt(93) : draw(lengthCdf, random);
                sequences[r] = new int[length];
                for (int t = 0; t < length; t++) {
                    sequences[r][t] = 2 + draw(tokenCdf, random); // 0 pads, 1 is out-of-vocabulary
                }
                labels[r] = random.nextInt(2);
                tokens += length;
            }
            batches[b] = SequenceBatch.of(VOCABULARY, sequences, labels);
        }
        net = SepCnn.create(SepCnnConfig.DEFAULTS, VOCABULARY, 2, 1);
        adam = Adam.forNetwork(AdamConfig.DEFAULTS, net);
        dropout = new SplittableRandom(2);
        pool = StepThreads.create(threads);
        net.useThreads(pool);
        System.out.printf("%n%s: %.1f tokens per row, batch 0 width %d%n", shape,
                tokens / (double) (ROWS * batches.length), batches[0].width());
    }

    @TearDown
    public void tearDown() {
        net.useThreads(null);
        pool.close();
    }

    private static double[] zipf(int n) {
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            weights[i] = 1.0 / (i + 10);
        }
        return weights;
    }

    private static double[] cdf(double[] weights) {
        double[] cdf = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            cdf[i] = sum;
        }
        for (int i = 0; i < cdf.length; i++) {
            cdf[i] /= sum;
        }
        return cdf;
    }

    private static int draw(double[] cdf, SplittableRandom random) {
        int i = Arrays.binarySearch(cdf, random.nextDouble());
        return Math.min(i >= 0 ? i : -i - 1, cdf.length - 1);
    }

    private SequenceBatch nextBatch() {
        SequenceBatch b = batches[next];
        next = (next + 1) % batches.length;
        return b;
    }

    @Benchmark
    public BatchMetrics step() {
        return net.fitBatch(nextBatch(), adam, dropout);
    }

    @Benchmark
    public float[] predict() {
        return net.predictBatch(nextBatch());
    }
}
