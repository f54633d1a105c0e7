package org.textclf.train;

import java.util.SplittableRandom;
import org.textclf.nn.Adam;
import org.textclf.nn.Network;

/**
 * The state of one training run, apart from its configuration: the network being trained, the optimizer and its
 * moments, the dropout random generator, the epochs done and their logs, and whether a callback asked to stop.
 *
 * <p>The dropout generator is re-seeded at the start of every epoch from (seed, epoch), as the batch generator's
 * shuffle is: a run's randomness is then a function of its seed and the epoch number alone, so a run resumed from
 * the checkpoint of epoch {@code k} draws exactly what the uninterrupted run drew, and "the random generator's
 * state" in a checkpoint is just the epoch.
 */
public final class TrainingState {
    private final Network<?> network;
    private final Adam optimizer;
    private final long seed;
    private final History history = new History();
    private SplittableRandom random;
    private int epochsDone;
    private String stopReason;

    TrainingState(Network<?> network, Adam optimizer, long seed) {
        this.network = network;
        this.optimizer = optimizer;
        this.seed = seed;
        this.random = new SplittableRandom(seed);
    }

    public Network<?> network() {
        return network;
    }

    public Adam optimizer() {
        return optimizer;
    }

    SplittableRandom random() {
        return random;
    }

    /** Re-seeds dropout for {@code epoch} (counting from 1) from the run's seed and the epoch alone. */
    void beginEpoch(int epoch) {
        random = new SplittableRandom(mix(seed ^ mix(epoch)));
    }

    /** SplitMix64's finalizer: nearby seeds (epoch 1, 2, ...) give unrelated streams. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** Epochs completed so far, including those of the run a resumed run continues. */
    public int epochsDone() {
        return epochsDone;
    }

    /** The logs of every epoch so far, including those of the run a resumed run continues. */
    public History history() {
        return history;
    }

    void epochDone(EpochLogs logs) {
        history.add(logs);
        epochsDone++;
    }

    /** Takes over a checkpoint's epoch count, optimizer state, history and stop request. */
    void restore(Checkpoint checkpoint) {
        if (epochsDone != 0) {
            throw new IllegalStateException("a checkpoint is restored before training; expected 0 epochs done, found "
                    + epochsDone);
        }
        optimizer.importState(checkpoint.optimizer());
        for (EpochLogs logs : checkpoint.history()) {
            history.add(logs);
        }
        epochsDone = checkpoint.epoch();
        if (checkpoint.stopReason() != null) {
            stop(checkpoint.stopReason());
        }
    }

    /** Asks the loop to stop at the next batch boundary; the first reason given is kept. */
    public void stop(String reason) {
        if (stopReason == null) {
            stopReason = reason;
        }
    }

    public boolean stopRequested() {
        return stopReason != null;
    }

    /** Why training stopped early, or null. */
    public String stopReason() {
        return stopReason;
    }
}
