package org.textclf.nn;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.textclf.batch.SparseBatch;

/** Small random sparse batches and naive dense helpers for the tests. */
final class TestBatches {

    private TestBatches() {
    }

    /** Rows with 1..maxNonzeros distinct sorted features each, values in (0, 1], labels uniform. */
    static SparseBatch random(int rows, int features, int maxNonzeros, int classes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] rowStart = new int[rows + 1];
        int[] indices = new int[rows * maxNonzeros];
        float[] values = new float[rows * maxNonzeros];
        int[] labels = new int[rows];
        int k = 0;
        for (int r = 0; r < rows; r++) {
            int n = 1 + random.nextInt(Math.min(maxNonzeros, features));
            int[] picked = random.ints(0, features).distinct().limit(n).sorted().toArray();
            for (int feature : picked) {
                indices[k] = feature;
                values[k] = 1f - random.nextFloat();
                k++;
            }
            rowStart[r + 1] = k;
            labels[r] = random.nextInt(classes);
        }
        return new SparseBatch(features, rowStart, Arrays.copyOf(indices, k), Arrays.copyOf(values, k), labels);
    }

    /** The batch as a dense {@code rows x features} matrix (tests only: the library never does this). */
    static double[][] densify(SparseBatch batch) {
        double[][] x = new double[batch.rows()][batch.features()];
        for (int r = 0; r < batch.rows(); r++) {
            for (int k = batch.rowStart()[r]; k < batch.rowStart()[r + 1]; k++) {
                x[r][batch.indices()[k]] += batch.values()[k];
            }
        }
        return x;
    }

    static float[] randomFloats(int n, double scale, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] a = new float[n];
        for (int j = 0; j < n; j++) {
            a[j] = (float) ((2 * random.nextDouble() - 1) * scale);
        }
        return a;
    }

    /** {@code sum_j a[j] * weights[j]} in double: a scalar loss whose gradient with respect to {@code a} is weights. */
    static double weightedSum(float[] a, float[] weights, int n) {
        double sum = 0;
        for (int j = 0; j < n; j++) {
            sum += (double) a[j] * weights[j];
        }
        return sum;
    }

    /** {@code count} rows of {@code width} from {@code flat}; rows past {@code flat} hold NaN (padding never read). */
    static float[][] rows(float[] flat, int width, int count) {
        float[][] rows = new float[count][width];
        for (int t = 0; t < count; t++) {
            if ((t + 1) * width <= flat.length) {
                System.arraycopy(flat, t * width, rows[t], 0, width);
            } else {
                Arrays.fill(rows[t], Float.NaN);
            }
        }
        return rows;
    }

    /** The first {@code count} rows, flat. */
    static float[] flat(float[][] rows, int width, int count) {
        float[] flat = new float[count * width];
        for (int t = 0; t < count; t++) {
            System.arraycopy(rows[t], 0, flat, t * width, width);
        }
        return flat;
    }
}
