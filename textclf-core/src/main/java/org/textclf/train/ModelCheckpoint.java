package org.textclf.train;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Saves the model at the end of an epoch: every epoch, or only when the monitored metric improves. The path may
 * hold {@code {epoch}}, replaced by the epoch number. How a model is saved is the caller's (the model file lives
 * outside this package), given as a {@link Saver}.
 */
public final class ModelCheckpoint implements Callback {

    /** Writes the model being trained to a file, atomically. */
    @FunctionalInterface
    public interface Saver {
        void save(Path path, TrainingState state, EpochLogs logs) throws IOException;
    }

    private final String pathPattern;
    private final Saver saver;
    private final Monitor monitor;
    private final boolean saveBestOnly;

    public ModelCheckpoint(String pathPattern, Saver saver, Metric monitor, boolean saveBestOnly) {
        this.pathPattern = pathPattern;
        this.saver = saver;
        this.monitor = new Monitor(monitor, 0);
        this.saveBestOnly = saveBestOnly;
    }

    @Override
    public void onEpochEnd(TrainingState state, EpochLogs logs) throws IOException {
        boolean improved = monitor.update(logs);
        if (improved || !saveBestOnly) {
            saver.save(Path.of(pathPattern.replace("{epoch}", Integer.toString(logs.epoch()))), state, logs);
        }
    }
}
