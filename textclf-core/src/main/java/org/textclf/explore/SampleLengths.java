package org.textclf.explore;

import java.util.List;

/**
 * The distribution of sample lengths in words ({@code len(text.split())}): extremes, mean, percentiles (numpy's
 * default linear interpolation, so the 50th percentile is {@code np.median}) and a histogram for plotting.
 *
 * @param exact     false when a percentile fell among the samples longer than {@code capWords}, which are not
 *                  counted one by one; such a percentile is then a lower bound ({@code capWords})
 * @param capWords  lengths below this are counted exactly
 * @param histogram about 50 equal-width buckets from 0 words up to the 99th percentile, then one open-ended
 *                  bucket for the longest samples
 */
public record SampleLengths(int minWords, int maxWords, double meanWords, double p10, double p25, double p50,
        double p75, double p90, double p99, boolean exact, int capWords, List<LengthBucket> histogram) {

    public SampleLengths {
        histogram = List.copyOf(histogram);
    }

    /** The median number of words per sample, the W of the guide's S/W ratio. */
    public double medianWords() {
        return p50;
    }
}
