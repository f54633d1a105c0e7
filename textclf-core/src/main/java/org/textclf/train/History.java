package org.textclf.train;

import java.util.ArrayList;
import java.util.List;

/** The per-epoch logs of one {@code fit}, in order; what Keras' {@code fit} returns. */
public final class History {
    private final List<EpochLogs> epochs = new ArrayList<>();

    void add(EpochLogs logs) {
        epochs.add(logs);
    }

    public List<EpochLogs> epochs() {
        return List.copyOf(epochs);
    }

    /** How many epochs ran. */
    public int size() {
        return epochs.size();
    }

    /** One value per epoch. */
    public double[] get(Metric metric) {
        double[] values = new double[epochs.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = epochs.get(i).get(metric);
        }
        return values;
    }

    /** The logs of the epoch with the best {@code metric} (the first of equals), or null before any epoch. */
    public EpochLogs best(Metric metric) {
        EpochLogs best = null;
        for (EpochLogs e : epochs) {
            double v = e.get(metric);
            if (best == null || (metric.higherIsBetter() ? v > best.get(metric) : v < best.get(metric))) {
                best = e;
            }
        }
        return best;
    }

    public EpochLogs last() {
        return epochs.isEmpty() ? null : epochs.get(epochs.size() - 1);
    }
}
