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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.textclf.batch.SparseBatch;
import org.textclf.nn.Adam;
import org.textclf.nn.AdamConfig;
import org.textclf.nn.BatchMetrics;
import org.textclf.nn.Gradients;
import org.textclf.nn.Linear;
import org.textclf.nn.LinearConfig;
import org.textclf.nn.Mlp;
import org.textclf.nn.MlpConfig;
import org.textclf.nn.Parameter;
import org.textclf.nn.StepThreads;

/**
 * mvn -o -q -B -pl textclf-bench -am package -DskipTests &amp;&amp; java -jar textclf-bench/target/benchmarks.jar MlpStepBenchmark
 *
 * <p>One training step of the default MLP at IMDB shape: batch 128, 20,000 features, ~150 nonzeros per row drawn
 * Zipf-like (as words are, so a batch touches a few thousand distinct features, not 19,200), the commonest at the
 * lowest index as the vectorizer lays its columns out, 64 units, 2 classes,
 * through the public seam only. {@code step} is the whole {@link Mlp#fitBatch} (fused); {@code computeGradients} is
 * its forward and backward, {@code applyGradients} the optimizer step from gradients computed once in setup (the
 * unfused second half), {@code evaluate} an inference forward (no dropout) for the forward's share;
 * {@code adamLazyFirstLayer} and {@code adamDenseFirstLayer} compare the two ways of updating the 20,000 x 64
 * kernel: the rows a batch touched, or all of them. {@code linearStep} and {@code linearComputeGradients} are the
 * same for {@link Linear} (softmax regression, here one sigmoid unit) on the same batches.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class MlpStepBenchmark {

    static final int FEATURES = Integer.getInteger("features", 20_000);
    /**
     * {@code -Dorder=random}: the features in a seeded random order instead, as the vectorizer's columns were before
     * they went commonest first (sorted by name, which frequency does not follow).
     */
    static final boolean RANDOM_ORDER = "random".equals(System.getProperty("order"));
    static final int ROWS = 128;
    static final int NONZEROS_PER_ROW = 150;

    private SparseBatch[] batches;
    private int next;
    private Mlp mlp;
    private Adam adam;
    private SplittableRandom dropout;
    private Parameter firstKernel;
    private float[] firstKernelGradient;
    private int[] touchedRows;
    private Gradients gradients;
    private Linear linear;
    private Adam linearAdam;

    @Setup
    public void setUp() {
        batches = new SparseBatch[16];
        SplittableRandom random = new SplittableRandom(1);
        double[] cdf = zipfCdf(FEATURES);
        int[] order = columnOrder();
        for (int b = 0; b < batches.length; b++) {
            batches[b] = batch(random, cdf, order);
        }
        mlp = Mlp.create(MlpConfig.DEFAULTS, FEATURES, 2, 1);
        adam = Adam.forNetwork(AdamConfig.DEFAULTS, mlp);
        dropout = new SplittableRandom(2);
        firstKernel = mlp.parameters().get(0);
        firstKernelGradient = new float[firstKernel.size()];
        Arrays.fill(firstKernelGradient, 1e-3f);
        touchedRows = Arrays.stream(batches[0].indices()).distinct().sorted().toArray();
        gradients = Mlp.create(MlpConfig.DEFAULTS, FEATURES, 2, 3).computeGradients(batches[0], dropout).copy();
        linear = Linear.create(LinearConfig.DEFAULTS, FEATURES, 2, 1);
        linearAdam = Adam.forNetwork(AdamConfig.DEFAULTS, linear);
        System.out.printf("%nbatch 0: %d nonzeros, %d distinct features%n", batches[0].nonzeros(), touchedRows.length);
    }

    private static double[] zipfCdf(int n) {
        double[] cdf = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += 1.0 / (i + 10); // a flattened Zipf: the top-k selected features are not the stop words
            cdf[i] = sum;
        }
        for (int i = 0; i < n; i++) {
            cdf[i] /= sum;
        }
        return cdf;
    }

    /** Feature i's column: i itself, or a seeded shuffle of the columns with {@link #RANDOM_ORDER}. */
    private static int[] columnOrder() {
        int[] column = new int[FEATURES];
        for (int i = 0; i < FEATURES; i++) {
            column[i] = i;
        }
        if (RANDOM_ORDER) {
            SplittableRandom shuffle = new SplittableRandom(5);
            for (int i = FEATURES - 1; i > 0; i--) {
                int j = shuffle.nextInt(i + 1);
                int t = column[i];
                column[i] = column[j];
                column[j] = t;
            }
        }
        return column;
    }

    private static SparseBatch batch(SplittableRandom random, double[] cdf, int[] order) {
        int[] rowStart = new int[ROWS + 1];
        int[] indices = new int[ROWS * NONZEROS_PER_ROW];
        float[] values = new float[indices.length];
        int[] labels = new int[ROWS];
        int k = 0;
        for (int r = 0; r < ROWS; r++) {
            int n = NONZEROS_PER_ROW / 2 + random.nextInt(NONZEROS_PER_ROW + 1);
            int[] row = random.doubles().limit(4L * n).mapToInt(u -> {
                int i = Arrays.binarySearch(cdf, u);
                return order[Math.min(i >= 0 ? i : -i - 1, cdf.length - 1)];
            }).distinct().limit(n).sorted().toArray();
            for (int feature : row) {
                if (k < indices.length) {
                    indices[k] = feature;
                    values[k] = 0.02f + 0.2f * random.nextFloat();
                    k++;
                }
            }
            rowStart[r + 1] = k;
            labels[r] = random.nextInt(2);
        }
        return new SparseBatch(FEATURES, rowStart, Arrays.copyOf(indices, k), Arrays.copyOf(values, k), labels);
    }

    SparseBatch firstBatch() {
        return batches[0];
    }

    /** Splits {@link #step} across a pool; the caller closes it. */
    void useThreads(StepThreads threads) {
        mlp.useThreads(threads);
    }

    private SparseBatch nextBatch() {
        SparseBatch b = batches[next];
        next = (next + 1) % batches.length;
        return b;
    }

    @Benchmark
    public BatchMetrics step() {
        return mlp.fitBatch(nextBatch(), adam, dropout);
    }

    @Benchmark
    public BatchMetrics evaluate() {
        return mlp.evaluateBatch(nextBatch());
    }

    @Benchmark
    public Gradients computeGradients() {
        return mlp.computeGradients(nextBatch(), dropout);
    }

    @Benchmark
    public float[] applyGradients() {
        mlp.applyGradients(gradients, adam);
        return firstKernel.values();
    }

    @Benchmark
    public BatchMetrics linearStep() {
        return linear.fitBatch(nextBatch(), linearAdam, dropout);
    }

    @Benchmark
    public Gradients linearComputeGradients() {
        return linear.computeGradients(nextBatch(), dropout);
    }

    @Benchmark
    public float[] adamLazyFirstLayer() {
        adam.beginStep();
        adam.updateRows(firstKernel, firstKernelGradient, touchedRows, touchedRows.length);
        return firstKernel.values();
    }

    @Benchmark
    public float[] adamDenseFirstLayer() {
        adam.beginStep();
        adam.updateDense(firstKernel, firstKernelGradient);
        return firstKernel.values();
    }
}
