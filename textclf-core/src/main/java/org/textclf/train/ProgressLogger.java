package org.textclf.train;

import org.textclf.nn.BatchMetrics;
import org.textclf.progress.ProgressListener;

/**
 * Keras' verbosity, as events for a {@link ProgressListener}: 1 an epoch is a pass of batches (with the running loss
 * and accuracy; the listener adds the rate) that ends with the epoch's line in its place; 2 only the epoch's line; 0 nothing
 * (the loop does not add this callback).
 */
final class ProgressLogger implements Callback {
    private final ProgressListener out;
    private final int verbose;
    private final int epochs;
    private final int stepsPerEpoch;
    private boolean inEpoch;
    private BatchMetrics running = BatchMetrics.EMPTY;

    ProgressLogger(ProgressListener out, int verbose, int epochs, int stepsPerEpoch) {
        this.out = out;
        this.verbose = verbose;
        this.epochs = epochs;
        this.stepsPerEpoch = stepsPerEpoch;
    }

    @Override
    public void onEpochBegin(TrainingState state, int epoch) {
        running = BatchMetrics.EMPTY;
        if (verbose == 1) {
            out.begin("Epoch " + epoch + "/" + epochs, stepsPerEpoch, "batches");
            inEpoch = true;
        }
    }

    @Override
    public void onBatchEnd(TrainingState state, int step, BatchMetrics batch) {
        running = running.plus(batch);
        if (inEpoch) {
            out.advance(step, String.format("loss: %.4f - accuracy: %.4f", running.loss(), running.accuracy()));
        }
    }

    @Override
    public void onEpochEnd(TrainingState state, EpochLogs logs) {
        String line = "Epoch " + logs.epoch() + "/" + epochs + " - " + logs.summary();
        if (inEpoch) {
            inEpoch = false;
            out.end(line);
        } else {
            out.line(line);
        }
    }

    @Override
    public void onTrainEnd(TrainingState state, History history) {
        if (inEpoch) {
            inEpoch = false; // stopped within an epoch
            out.end(null);
        }
        if (state.stopReason() != null) {
            out.line(state.stopReason());
        }
    }
}
