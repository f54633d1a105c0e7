package org.textclf.spark.fit;

import java.io.IOException;
import java.io.Serializable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.textclf.data.Labels;
import org.textclf.data.Sample;
import org.textclf.feed.Split;

/**
 * The local fit's stratified held-out split ({@code feed.SplitParts}), over partitions: one counting pass whose
 * per-class hash summaries merge exactly (a class's hashes while it has at most {@value #EXACT}, then a histogram of
 * {@value #BUCKETS} buckets over [0, 1), as {@code feed.ClassHashes} keeps them), then per class the threshold below
 * which a sample's seeded text hash ({@link Split#unit}) holds it out. The thresholds are the local split's, so the
 * same samples are held out whatever the partitioning. Its labels are the whole training data's classes.
 */
final class HeldOutSplit implements Serializable {
    private static final long serialVersionUID = 1L;
    static final int EXACT = 64;
    static final int BUCKETS = 64;

    private final long seed;
    private final double fraction;
    private final HashMap<String, Double> thresholds;
    private final List<String> labels;
    private transient Split split;

    private HeldOutSplit(long seed, double fraction, HashMap<String, Double> thresholds, List<String> labels) {
        this.seed = seed;
        this.fraction = fraction;
        this.thresholds = thresholds;
        this.labels = labels;
    }

    /**
     * Counts the training rows.
     *
     * @throws IOException when there are no samples or none can be held out
     */
    static HeldOutSplit count(Split split, JavaRDD<Row> rows, RowSamples samples) throws IOException {
        long seed = split.seed();
        double fraction = split.validationFraction();
        Counts total = rows.mapPartitionsWithIndex((p, it) -> {
            FaultInjection.check("split");
            Split s = new Split(seed, fraction);
            Counts counts = new Counts();
            Iterator<Sample> all = samples.samples(p, it);
            while (all.hasNext()) {
                Sample sample = all.next();
                counts.add(sample.label(), s.unit(sample.text()));
            }
            return List.of(counts).iterator();
        }, false).treeReduce(Counts::merge);
        HashMap<String, Double> thresholds = new HashMap<>();
        boolean any = false;
        long n = 0;
        for (Map.Entry<String, Hashes> c : total.classes.entrySet()) {
            double t = c.getValue().threshold(fraction, split.unit(c.getKey() + "\u0000class"));
            thresholds.put(c.getKey(), t);
            any |= c.getValue().min < t;
            n += c.getValue().count;
        }
        if (n == 0) {
            throw new IOException("training data: no samples; expected at least one row");
        }
        if (!any) {
            throw new IOException(String.format("training data: too few samples to hold out a validation part (%,d"
                    + " samples); give validation rows or more data", n));
        }
        if (total.classes.size() > Labels.MAX_CLASSES) {
            throw new IOException("training data: more than " + Labels.MAX_CLASSES + " distinct labels; is the"
                    + " label column the right one?");
        }
        return new HeldOutSplit(seed, fraction, thresholds, List.copyOf(total.classes.keySet()));
    }

    /** The classes of the whole training data, ordered as {@link Labels#of} orders them. */
    Labels labels() {
        return Labels.of(labels);
    }

    boolean isValidation(Sample sample) {
        if (split == null) {
            split = new Split(seed, fraction);
        }
        Double t = sample.label() == null ? null : thresholds.get(sample.label());
        return t != null && split.unit(sample.text()) < t;
    }

    /** Per class, its hash summary; merged exactly. */
    static final class Counts implements Serializable {
        private static final long serialVersionUID = 1L;
        final TreeMap<String, Hashes> classes = new TreeMap<>();

        void add(String label, double unit) {
            classes.computeIfAbsent(label, l -> new Hashes()).add(unit);
        }

        Counts merge(Counts other) {
            other.classes.forEach((label, h) -> classes.merge(label, h, Hashes::merge));
            return this;
        }
    }

    /** One class's hashes, as {@code feed.ClassHashes} keeps them, with a merge that gives what one pass gives. */
    static final class Hashes implements Serializable {
        private static final long serialVersionUID = 1L;
        long count;
        double min = 1;
        double max;
        double[] exact = new double[0];
        long[] buckets;

        void add(double u) {
            count++;
            min = Math.min(min, u);
            max = Math.max(max, u);
            if (buckets == null) {
                exact = Arrays.copyOf(exact, exact.length + 1);
                exact[exact.length - 1] = u;
                if (exact.length > EXACT) {
                    toBuckets();
                }
                return;
            }
            buckets[bucket(u)]++;
        }

        private void toBuckets() {
            buckets = new long[BUCKETS];
            for (double v : exact) {
                buckets[bucket(v)]++;
            }
            exact = null;
        }

        Hashes merge(Hashes other) {
            count += other.count;
            min = Math.min(min, other.min);
            max = Math.max(max, other.max);
            if (buckets == null && other.buckets == null && exact.length + other.exact.length <= EXACT) {
                double[] both = Arrays.copyOf(exact, exact.length + other.exact.length);
                System.arraycopy(other.exact, 0, both, exact.length, other.exact.length);
                exact = both;
                return this;
            }
            if (buckets == null) {
                toBuckets();
            }
            if (other.buckets != null) {
                for (int b = 0; b < BUCKETS; b++) {
                    buckets[b] += other.buckets[b];
                }
            } else {
                for (double v : other.exact) {
                    buckets[bucket(v)]++;
                }
            }
            return this;
        }

        /** {@code feed.ClassHashes#threshold}: about {@code fraction} of the class, never all of it. */
        double threshold(double fraction, double roundUp) {
            double target = fraction * count;
            if (count < 2) {
                return 0;
            }
            if (buckets == null) {
                long held = (long) target + (roundUp < target - Math.floor(target) ? 1 : 0);
                double[] sorted = exact.clone();
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

        private static int bucket(double u) {
            return Math.min(BUCKETS - 1, (int) (u * BUCKETS));
        }
    }
}
