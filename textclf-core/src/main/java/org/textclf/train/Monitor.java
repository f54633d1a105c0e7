package org.textclf.train;

/**
 * Watches one metric across epochs and says when it improves: the piece EarlyStopping and ModelCheckpoint share.
 * Lower is better for losses, higher for accuracies; an improvement must beat the best by more than
 * {@code minDelta}.
 */
public final class Monitor {
    private final Metric metric;
    private final double minDelta;
    private double best = Double.NaN;
    private int bestEpoch;

    public Monitor(Metric metric, double minDelta) {
        if (!(minDelta >= 0)) {
            throw new IllegalArgumentException("minDelta must be >= 0, found " + minDelta);
        }
        this.metric = metric;
        this.minDelta = minDelta;
    }

    public Metric metric() {
        return metric;
    }

    /** Records this epoch's value; true when it is the best so far (the first epoch always is). */
    public boolean update(EpochLogs logs) {
        double value = logs.get(metric);
        boolean improved = Double.isNaN(best) ? !Double.isNaN(value)
                : metric.higherIsBetter() ? value > best + minDelta : value < best - minDelta;
        if (improved) {
            best = value;
            bestEpoch = logs.epoch();
        }
        return improved;
    }

    /** Takes over the best value and epoch of a checkpointed run. */
    void restore(double best, int bestEpoch) {
        this.best = best;
        this.bestEpoch = bestEpoch;
    }

    /** The best value so far, NaN before the first epoch. */
    public double best() {
        return best;
    }

    /** The epoch of the best value, counting from 1; 0 before the first. */
    public int bestEpoch() {
        return bestEpoch;
    }
}
