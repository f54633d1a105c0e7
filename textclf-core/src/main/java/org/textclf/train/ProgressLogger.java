package org.textclf.train;

import java.io.PrintWriter;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.textclf.nn.BatchMetrics;

/**
 * Keras' verbosity: 1 draws a progress bar per epoch (batches, ETA, examples per second, running loss) and then
 * the epoch's line; 2 prints only one line per epoch; 0 prints nothing (the loop does not add this callback).
 */
final class ProgressLogger implements Callback {
    /** Characters of the rendered bar line; the terminal's width is not known when output is a pipe. */
    private static final int BAR_WIDTH = 120;
    private final PrintWriter out;
    private final int verbose;
    private final int epochs;
    private final int stepsPerEpoch;
    private ProgressBar bar;
    private BatchMetrics running = BatchMetrics.EMPTY;
    private long epochStartNanos;

    ProgressLogger(PrintWriter out, int verbose, int epochs, int stepsPerEpoch) {
        this.out = out;
        this.verbose = verbose;
        this.epochs = epochs;
        this.stepsPerEpoch = stepsPerEpoch;
    }

    @Override
    public void onEpochBegin(TrainingState state, int epoch) {
        running = BatchMetrics.EMPTY;
        epochStartNanos = System.nanoTime();
        if (verbose == 1) {
            bar = new ProgressBarBuilder().setTaskName("Epoch " + epoch + "/" + epochs).setInitialMax(stepsPerEpoch)
                    .setUnit(" batches", 1).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250)
                    .setConsumer(new DelegatingProgressBarConsumer(line -> {
                        out.print('\r' + line);
                        out.flush();
                    }, BAR_WIDTH)).build();
        }
    }

    @Override
    public void onBatchEnd(TrainingState state, int step, BatchMetrics batch) {
        running = running.plus(batch);
        if (bar != null) {
            double seconds = (System.nanoTime() - epochStartNanos) / 1e9;
            bar.stepTo(step);
            bar.setExtraMessage(String.format("loss: %.4f - accuracy: %.4f - %,.0f examples/s", running.loss(),
                    running.accuracy(), running.count() / Math.max(seconds, 1e-9)));
        }
    }

    @Override
    public void onEpochEnd(TrainingState state, EpochLogs logs) {
        boolean hadBar = bar != null;
        closeBar();
        out.println((hadBar ? "\n" : "") + "Epoch " + logs.epoch() + "/" + epochs + " - " + logs.summary());
        out.flush();
    }

    @Override
    public void onTrainEnd(TrainingState state, History history) {
        closeBar();
        if (state.stopReason() != null) {
            out.println(state.stopReason());
        }
        out.flush();
    }

    private void closeBar() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
