package org.textclf.train;

import java.io.IOException;

/**
 * Keras' {@code BackupAndRestore}: saves the run's {@link Checkpoint} at the end of every epoch, so a run killed at
 * any moment can go on from its last completed epoch ({@link Trainer#resume}). Where and how the checkpoint is
 * written, with the model's own sections, is the caller's (the model file lives outside this package), given as a
 * {@link Saver} that must write atomically. Put it after the callbacks whose state it saves (EarlyStopping), so the
 * checkpoint holds their state after this epoch.
 */
public final class BackupAndRestore implements Callback {

    /** Writes a checkpoint with the network's current weights, atomically, replacing the previous one. */
    @FunctionalInterface
    public interface Saver {
        /**
         * @param checkpoint shares the live optimizer moments: write it before returning, keep no reference
         */
        void save(TrainingState state, Checkpoint checkpoint) throws IOException;
    }

    private final Saver saver;
    private final EarlyStopping stopping;

    /** @param stopping the early stopping whose state to save, or null for none */
    public BackupAndRestore(Saver saver, EarlyStopping stopping) {
        this.saver = saver;
        this.stopping = stopping;
    }

    @Override
    public void onEpochEnd(TrainingState state, EpochLogs logs) throws IOException {
        saver.save(state, Checkpoint.of(state, stopping));
    }
}
