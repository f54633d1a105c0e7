package org.textclf.feed;

import java.util.Arrays;

/**
 * The seeded text hashes of one class's samples, as a counting pass sees them, in memory bounded whatever the
 * class's size: exactly while the class is small, then as a histogram. From them, a threshold that holds out about
 * a fraction of the class's samples and never all of them.
 */
final class ClassHashes {
    /** Up to this many samples a class keeps its hashes exactly. */
    static final int EXACT = 64;
    /** The histogram's buckets over [0, 1) once a class has more. */
    static final int BUCKETS = 64;

    private long count;
    private double min = 1;
    private double max;
    private double[] exact = new double[4];
    private long[] buckets;

    /** Adds a sample whose hash is {@code u}, in [0, 1). */
    void add(double u) {
        count++;
        min = Math.min(min, u);
        max = Math.max(max, u);
        if (buckets == null) {
            if (count <= EXACT) {
                if (count > exact.length) {
                    exact = Arrays.copyOf(exact, EXACT);
                }
                exact[(int) count - 1] = u;
                return;
            }
            buckets = new long[BUCKETS];
            for (double v : exact) {
                buckets[bucket(v)]++;
            }
            exact = null;
        }
        buckets[bucket(u)]++;
    }

    long count() {
        return count;
    }

    /**
     * The hash below which this class's samples are held out: about {@code fraction} of them, none of a class of one,
     * and never the sample of the largest hash, so that training sees every class with at least 2 samples (samples
     * of one text share their hash, so a class of one repeated text stays whole in training). A small class rounds
     * its share up when {@code roundUp}, a uniform number in [0, 1), is below the share's fractional part, so that
     * many small classes together hold out about the fraction too.
     */
    double threshold(double fraction, double roundUp) {
        double target = fraction * count;
        if (count < 2) {
            return 0;
        }
        if (buckets == null) {
            long held = (long) target + (roundUp < target - Math.floor(target) ? 1 : 0);
            double[] sorted = Arrays.copyOf(exact, (int) count);
            Arrays.sort(sorted);
            return sorted[(int) Math.min(held, count - 1)];
        }
        long below = 0;
        int b = 0;
        while (b < BUCKETS && below + buckets[b] <= target) {
            below += buckets[b];
            b++;
        }
        double t = b == BUCKETS ? 1 : (b + (target - below) / buckets[b]) / BUCKETS;
        return Math.min(t, max);
    }

    /** Whether a threshold holds out any sample of this class. */
    boolean holdsOut(double threshold) {
        return min < threshold;
    }

    private static int bucket(double u) {
        return Math.min(BUCKETS - 1, (int) (u * BUCKETS));
    }
}
