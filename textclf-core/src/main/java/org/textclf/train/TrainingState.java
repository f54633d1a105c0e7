package org.textclf.train;

import java.util.SplittableRandom;
import org.textclf.nn.Adam;
import org.textclf.nn.Network;

/**
 * The state of one training run, apart from its configuration: the network being trained, the optimizer and its
 * moments, the dropout random generator, the epochs done, and whether a callback asked to stop.
 */
public final class TrainingState {
    private final Network<?> network;
    private final Adam optimizer;
    private final SplittableRandom random;
    private int epochsDone;
    private String stopReason;

    TrainingState(Network<?> network, Adam optimizer, SplittableRandom random) {
        this.network = network;
        this.optimizer = optimizer;
        this.random = random;
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

    /** Epochs completed so far. */
    public int epochsDone() {
        return epochsDone;
    }

    void epochDone() {
        epochsDone++;
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
