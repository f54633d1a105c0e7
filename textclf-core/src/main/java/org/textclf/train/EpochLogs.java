package org.textclf.train;

import org.textclf.nn.BatchMetrics;

/**
 * What one epoch measured: training loss and accuracy (over the epoch's batches, in training mode, as Keras reports
 * them), the validation ones when there is validation data, and the wall time.
 *
 * @param epoch counting from 1, as Keras prints it
 * @param validation null without validation data
 */
public record EpochLogs(int epoch, BatchMetrics training, BatchMetrics validation, double seconds) {

    public boolean hasValidation() {
        return validation != null;
    }

    /**
     * @throws IllegalArgumentException naming the available metrics when {@code metric} needs validation data and
     *     there was none
     */
    public double get(Metric metric) {
        return switch (metric) {
            case LOSS -> training.loss();
            case ACCURACY -> training.accuracy();
            case VAL_LOSS, VAL_ACCURACY -> {
                if (validation == null) {
                    throw new IllegalArgumentException("metric '" + metric + "' not available without validation"
                            + " data; available: " + Metric.keys(Metric.trainingOnly()));
                }
                yield metric == Metric.VAL_LOSS ? validation.loss() : validation.accuracy();
            }
        };
    }

    /** Keras' verbose-2 line: {@code 3s - loss: 0.3112 - accuracy: 0.8821 - val_loss: ... - val_accuracy: ...}. */
    public String summary() {
        StringBuilder line = new StringBuilder(String.format("%.1fs - loss: %.4f - accuracy: %.4f", seconds,
                training.loss(), training.accuracy()));
        if (validation != null) {
            line.append(String.format(" - val_loss: %.4f - val_accuracy: %.4f", validation.loss(),
                    validation.accuracy()));
        }
        return line.toString();
    }
}
