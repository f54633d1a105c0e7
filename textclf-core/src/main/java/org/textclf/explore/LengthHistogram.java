package org.textclf.explore;

import java.util.ArrayList;
import java.util.List;

/**
 * Sample lengths counted in bounded memory: one counter per length below a cap, one overflow counter for the rest
 * (whose smallest and largest values are still known). Percentiles are exact as long as they fall below the cap;
 * with the default cap of {@value #DEFAULT_CAP_WORDS} words that is every corpus of ordinary documents. Not
 * thread-safe.
 */
public final class LengthHistogram {
    /** 100,000 words is a 300-page book; counting lengths below it takes 800 KB. */
    public static final int DEFAULT_CAP_WORDS = 100_000;

    /** The histogram's bucket count, as the guide's {@code plt.hist(..., 50)}. */
    public static final int DEFAULT_BUCKETS = 50;

    private final long[] counts;
    private long overflow;
    private int overflowMin = Integer.MAX_VALUE;
    private long samples;
    private long totalWords;
    private int min = Integer.MAX_VALUE;
    private int max;

    public LengthHistogram(int capWords) {
        if (capWords < 1) {
            throw new IllegalArgumentException("capWords must be at least 1, found " + capWords);
        }
        counts = new long[capWords];
    }

    public void add(int words) {
        if (words < 0) {
            throw new IllegalArgumentException("words must not be negative, found " + words);
        }
        if (words < counts.length) {
            counts[words]++;
        } else {
            overflow++;
            overflowMin = Math.min(overflowMin, words);
        }
        samples++;
        totalWords += words;
        min = Math.min(min, words);
        max = Math.max(max, words);
    }

    public long samples() {
        return samples;
    }

    public int capWords() {
        return counts.length;
    }

    /**
     * The {@code percent}-th percentile with numpy's default linear interpolation between the two nearest ranks.
     *
     * @throws IllegalStateException when nothing was added
     */
    public double percentile(double percent) {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("percent must be in [0, 100], found " + percent);
        }
        if (samples == 0) {
            throw new IllegalStateException("no sample lengths to take a percentile of; add at least one");
        }
        double position = percent / 100 * (samples - 1);
        long below = (long) Math.floor(position);
        long above = (long) Math.ceil(position);
        double low = valueAtRank(below);
        return below == above ? low : low + (valueAtRank(above) - low) * (position - below);
    }

    /** Whether {@link #percentile} is exact for {@code percent}, i.e. its ranks are not inside the overflow. */
    public boolean isExact(double percent) {
        double position = percent / 100 * (samples - 1);
        return isExactRank((long) Math.floor(position)) && isExactRank((long) Math.ceil(position));
    }

    private boolean isExactRank(long rank) {
        long firstOverflowRank = samples - overflow;
        return rank <= firstOverflowRank || rank == samples - 1;
    }

    /** The rank-th smallest length (0-based); inside the overflow, the cap, a lower bound. */
    private double valueAtRank(long rank) {
        long seen = 0;
        for (int words = 0; words < counts.length; words++) {
            seen += counts[words];
            if (seen > rank) {
                return words;
            }
        }
        if (rank == samples - 1) {
            return max;
        }
        return rank == seen ? overflowMin : counts.length;
    }

    /**
     * About {@code buckets} equal-width buckets from 0 words up to {@code upToWords} (the width rounded to 1, 2 or
     * 5 times a power of ten so axis labels read well), then an open-ended bucket when longer samples exist.
     */
    public List<LengthBucket> buckets(int buckets, int upToWords) {
        if (buckets < 1) {
            throw new IllegalArgumentException("buckets must be at least 1, found " + buckets);
        }
        int upTo = Math.min(Math.max(upToWords, 0), counts.length - 1);
        int width = niceWidth((upTo + 1 + buckets - 1) / buckets);
        List<LengthBucket> out = new ArrayList<>();
        long inBuckets = 0;
        for (int from = 0; from <= upTo; from += width) {
            int to = Math.min(from + width - 1, upTo);
            long n = 0;
            for (int words = from; words <= to; words++) {
                n += counts[words];
            }
            out.add(new LengthBucket(from, to, n));
            inBuckets += n;
        }
        if (inBuckets < samples) {
            out.add(new LengthBucket(upTo + 1, LengthBucket.UNBOUNDED, samples - inBuckets));
        }
        return out;
    }

    static int niceWidth(int atLeast) {
        long power = 1;
        while (true) {
            for (int step : new int[] {1, 2, 5}) {
                if (step * power >= atLeast) {
                    return (int) (step * power);
                }
            }
            power *= 10;
        }
    }

    /** The distribution so far, with the default histogram (up to the 99th percentile). */
    public SampleLengths summary() {
        double p99 = percentile(99);
        boolean exact = isExact(10) && isExact(25) && isExact(50) && isExact(75) && isExact(90) && isExact(99);
        return new SampleLengths(min, max, (double) totalWords / samples, percentile(10), percentile(25),
                percentile(50), percentile(75), percentile(90), p99, exact, counts.length,
                buckets(DEFAULT_BUCKETS, (int) Math.ceil(p99)));
    }
}
