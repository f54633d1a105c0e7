package org.textclf.train;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.textclf.nn.Adam;
import org.textclf.nn.AdamConfig;
import org.textclf.nn.BatchMetrics;
import org.textclf.nn.Network;
import org.textclf.progress.ProgressListener;

/**
 * Keras' {@code fit} for one network: epochs of {@code stepsPerEpoch} optimizer steps drawn from a batch generator,
 * each followed by a validation pass, with callbacks that log, checkpoint and stop. The loop only orchestrates:
 * the network computes, the callbacks decide. A trainer is one run: it owns that run's optimizer moments and random
 * generator, so a second run wants a new trainer.
 *
 * @param <B> the batch type
 */
public final class Trainer<B> {
    /** The guide's epochs: in practice bounded by early stopping. */
    public static final int DEFAULT_EPOCHS = 1000;

    private final Network<B> network;
    private final TrainingState state;
    private ProgressListener progress = ProgressListener.lines(new PrintWriter(System.err, true));

    public Trainer(Network<B> network, AdamConfig adam, long seed) {
        this.network = network;
        this.state = new TrainingState(network, Adam.forNetwork(adam, network), seed);
    }

    /** Where verbose output goes, as plain lines; standard error by default, so standard output stays for results. */
    public Trainer<B> logTo(PrintWriter log) {
        return progressTo(ProgressListener.lines(log));
    }

    /** Where verbose output goes, as events: a listener that draws each epoch's batches as a bar, say. */
    public Trainer<B> progressTo(ProgressListener progress) {
        this.progress = progress;
        return this;
    }

    public TrainingState state() {
        return state;
    }

    /**
     * Continues the run a checkpoint was taken from: its optimizer state, epoch count, history and stop request.
     * The network must already hold the checkpoint's weights, the callbacks restore their own state (e.g.
     * {@link EarlyStopping#restore}), and the batch generator must start at epoch {@code checkpoint.epoch()};
     * then {@link #fit} goes on from the next epoch exactly as the uninterrupted run would have, bit for bit.
     *
     * @throws IllegalStateException after {@link #fit} has begun
     */
    public Trainer<B> resume(Checkpoint checkpoint) {
        state.restore(checkpoint);
        return this;
    }

    /**
     * Trains until {@code epochs} or until a callback stops it, from the epoch after {@link TrainingState#epochsDone()}
     * (0 unless {@link #resume resumed}).
     *
     * @param generator training batches, cycling through epochs forever
     * @param validationData validation batches, cycling, or null for none
     * @param verbose 0 silent, 1 a pass of batches per epoch that its line replaces, 2 one line per epoch
     * @return every epoch's logs, including a resumed run's earlier epochs
     */
    public History fit(Iterator<B> generator, int stepsPerEpoch, Iterator<B> validationData, int validationSteps,
            List<Callback> callbacks, int epochs, int verbose) {
        if (stepsPerEpoch < 1 || epochs < 1) {
            throw new IllegalArgumentException("stepsPerEpoch and epochs must be at least 1, found " + stepsPerEpoch
                    + " and " + epochs);
        }
        if (validationData != null && validationSteps < 1) {
            throw new IllegalArgumentException("validationSteps must be at least 1 with validation data, found "
                    + validationSteps);
        }
        if (verbose < 0 || verbose > 2) {
            throw new IllegalArgumentException("verbose must be 0, 1 or 2, found " + verbose);
        }
        List<Callback> all = new ArrayList<>(callbacks);
        if (verbose > 0) {
            // First, so the epoch line is printed before other callbacks report on the epoch.
            all.add(0, new ProgressLogger(progress, verbose, epochs, stepsPerEpoch));
        }
        History history = state.history();
        all.forEach(c -> c.onTrainBegin(state));
        try {
            for (int epoch = state.epochsDone() + 1; epoch <= epochs && !state.stopRequested(); epoch++) {
                long start = System.nanoTime();
                state.beginEpoch(epoch);
                for (Callback c : all) {
                    c.onEpochBegin(state, epoch);
                }
                BatchMetrics training = BatchMetrics.EMPTY;
                for (int step = 1; step <= stepsPerEpoch && !state.stopRequested(); step++) {
                    BatchMetrics batch = network.fitBatch(take(generator, "generator", stepsPerEpoch, epochs),
                            state.optimizer(), state.random());
                    training = training.plus(batch);
                    for (Callback c : all) {
                        c.onBatchEnd(state, step, batch);
                    }
                }
                BatchMetrics validation = validationData == null ? null
                        : evaluate(validationData, validationSteps, epochs);
                EpochLogs logs = new EpochLogs(epoch, training, validation, (System.nanoTime() - start) / 1e9);
                state.epochDone(logs);
                for (Callback c : all) {
                    c.onEpochEnd(state, logs);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (Callback c : all) {
                c.onTrainEnd(state, history);
            }
        }
        return history;
    }

    /** Loss and accuracy over {@code steps} batches, in inference mode. */
    public BatchMetrics evaluate(Iterator<B> batches, int steps) {
        return evaluate(batches, steps, 1);
    }

    private BatchMetrics evaluate(Iterator<B> batches, int steps, int epochs) {
        BatchMetrics total = BatchMetrics.EMPTY;
        for (int i = 0; i < steps; i++) {
            total = total.plus(network.evaluateBatch(take(batches, "validation data", steps, epochs)));
        }
        return total;
    }

    private B take(Iterator<B> batches, String what, int steps, int epochs) {
        if (!batches.hasNext()) {
            throw new IllegalStateException("Your input ran out of data: the " + what + " has no more batches; make"
                    + " sure it can produce at least steps * epochs = " + steps + " * " + epochs + " batches");
        }
        return batches.next();
    }
}
