package org.textclf.train;

import org.textclf.nn.BatchMetrics;

/** Stops training as soon as a batch's loss is NaN or infinite: nothing good comes after. */
public final class TerminateOnNaN implements Callback {

    @Override
    public void onBatchEnd(TrainingState state, int step, BatchMetrics batch) {
        double loss = batch.loss();
        if (Double.isNaN(loss) || Double.isInfinite(loss)) {
            state.stop("loss became " + loss + " at batch " + step + " of epoch " + (state.epochsDone() + 1)
                    + "; try a lower learning rate");
        }
    }
}
