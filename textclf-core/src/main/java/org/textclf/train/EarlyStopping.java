package org.textclf.train;

import org.textclf.nn.Weights;

/**
 * Stops training when the monitored metric has not improved for {@code patience} epochs in a row (Keras' rule), and,
 * unlike the guide's code, restores the weights of the best epoch by default, so the model kept is the one that validated best rather
 * than the last one.
 */
public final class EarlyStopping implements Callback {
    /** The default monitor's key, a constant so that the CLI's help can show it. */
    public static final String DEFAULT_MONITOR_KEY = "val_loss";
    public static final Metric DEFAULT_MONITOR = Metric.parse(DEFAULT_MONITOR_KEY);
    /** The guide's patience. */
    public static final int DEFAULT_PATIENCE = 2;

    private final Monitor monitor;
    private final int patience;
    private final boolean restoreBestWeights;
    private Weights bestWeights;
    private int wait;
    private int stoppedEpoch;

    public EarlyStopping(Metric monitor, int patience, double minDelta, boolean restoreBestWeights) {
        if (patience < 0) {
            throw new IllegalArgumentException("patience must be >= 0, found " + patience);
        }
        this.monitor = new Monitor(monitor, minDelta);
        this.patience = patience;
        this.restoreBestWeights = restoreBestWeights;
    }

    /** val_loss, patience 2, restoring the best weights. */
    public static EarlyStopping defaults() {
        return new EarlyStopping(DEFAULT_MONITOR, DEFAULT_PATIENCE, 0, true);
    }

    @Override
    public void onEpochEnd(TrainingState state, EpochLogs logs) {
        if (monitor.update(logs)) {
            wait = 0;
            if (restoreBestWeights) {
                bestWeights = null; // the old copy can go before the new one is made: in a small heap, two do not fit
                bestWeights = Weights.copyOf(state.network());
            }
        } else if (++wait >= patience) {
            stoppedEpoch = logs.epoch();
            state.stop(String.format("early stopping: %s did not improve on %.4f (epoch %d) for %d epochs",
                    monitor.metric(), monitor.best(), monitor.bestEpoch(), wait));
        }
    }

    @Override
    public void onTrainEnd(TrainingState state, History history) {
        if (restoreBestWeights && bestWeights != null) {
            bestWeights.restoreInto(state.network());
        }
    }

    /**
     * What early stopping carries from epoch to epoch, for a checkpoint.
     *
     * @param best the best monitored value, NaN before the first epoch
     * @param bestEpoch its epoch, 0 before the first
     * @param epochsWaited epochs since the best one
     * @param bestWeights the weights it will restore, null when it keeps none (yet)
     */
    public record State(double best, int bestEpoch, int epochsWaited, Weights bestWeights) {
        public static final State INITIAL = new State(Double.NaN, 0, 0, null);

        public State {
            if (bestEpoch < 0 || epochsWaited < 0) {
                throw new IllegalArgumentException("expected bestEpoch >= 0 and epochsWaited >= 0, found " + bestEpoch
                        + " and " + epochsWaited);
            }
        }
    }

    /** The current state; the best weights are shared, not copied (they are never changed, only replaced). */
    public State state() {
        return new State(monitor.best(), monitor.bestEpoch(), wait, bestWeights);
    }

    /** Takes over the state of a checkpointed run, so patience counts on across the interruption. */
    public void restore(State state) {
        monitor.restore(state.best(), state.bestEpoch());
        wait = state.epochsWaited();
        bestWeights = restoreBestWeights ? state.bestWeights() : null;
    }

    /** The epoch whose weights are kept (counting from 1), 0 before any epoch. */
    public int bestEpoch() {
        return monitor.bestEpoch();
    }

    public double best() {
        return monitor.best();
    }

    /** The epoch at which it stopped training, 0 when it did not. */
    public int stoppedEpoch() {
        return stoppedEpoch;
    }
}
