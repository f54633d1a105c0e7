package org.textclf.spark.fit;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many samples have each number of words (the guide's whitespace words, {@code text.Words}), merged over
 * partitions: the median that the {@code auto} rule's S/W ratio divides by, exactly as {@code
 * explore.LengthHistogram} computes it over one pass (numpy's linear interpolation between the two nearest ranks).
 */
final class LengthCounts implements Serializable {
    private static final long serialVersionUID = 1L;
    private final TreeMap<Integer, Long> counts = new TreeMap<>();
    private long samples;

    void add(int words) {
        counts.merge(words, 1L, Long::sum);
        samples++;
    }

    LengthCounts merge(LengthCounts other) {
        other.counts.forEach((w, c) -> counts.merge(w, c, Long::sum));
        samples += other.samples;
        return this;
    }

    long samples() {
        return samples;
    }

    double median() {
        double position = 0.5 * (samples - 1);
        long below = (long) Math.floor(position);
        long above = (long) Math.ceil(position);
        double low = valueAtRank(below);
        return below == above ? low : low + (valueAtRank(above) - low) * (position - below);
    }

    private double valueAtRank(long rank) {
        long seen = 0;
        for (Map.Entry<Integer, Long> e : counts.entrySet()) {
            seen += e.getValue();
            if (seen > rank) {
                return e.getKey();
            }
        }
        throw new IllegalStateException("rank " + rank + " of " + samples);
    }
}
