package org.textclf.train;

import org.textclf.nn.BatchMetrics;

/**
 * Hooks into {@link Trainer#fit}: Keras' callbacks. Every method has an empty default so a callback implements only
 * the events it needs. A callback asks training to end with {@link TrainingState#stop(String)}, a flag the loop
 * reads at the next batch or epoch boundary, never an exception.
 */
public interface Callback {

    default void onTrainBegin(TrainingState state) {
    }

    /** @param epoch counting from 1 */
    default void onEpochBegin(TrainingState state, int epoch) {
    }

    /** @param step counting from 1 within the epoch */
    default void onBatchEnd(TrainingState state, int step, BatchMetrics batch) {
    }

    default void onEpochEnd(TrainingState state, EpochLogs logs) throws java.io.IOException {
    }

    default void onTrainEnd(TrainingState state, History history) {
    }
}
