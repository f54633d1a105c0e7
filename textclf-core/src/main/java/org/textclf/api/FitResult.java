package org.textclf.api;

import java.util.LinkedHashMap;
import java.util.Map;
import org.textclf.config.TrainOptions;
import org.textclf.train.EpochLogs;
import org.textclf.train.History;
import org.textclf.train.Metric;

/**
 * What {@link TextClassifier#fit} returns: the classifier (with the best epoch's weights, and the run's provenance
 * already in its {@link TextClassifier#info()}, so that {@code classifier().save(path)} needs nothing more) and how
 * training went.
 *
 * @param options the options the run was trained with (a resumed run's are its checkpoint's)
 */
public record FitResult(TextClassifier classifier, History history, int bestEpoch, String stopReason,
        double seconds, TrainOptions options) {

    /** The best epoch's metrics by Keras name, plus {@code best_epoch}, {@code epochs} and {@code train_seconds}. */
    public Map<String, Double> metrics() {
        return metrics(history, bestEpoch, seconds);
    }

    static Map<String, Double> metrics(History history, int bestEpoch, double seconds) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("best_epoch", (double) bestEpoch);
        metrics.put("epochs", (double) history.size());
        if (bestEpoch > 0) {
            EpochLogs best = history.epochs().get(bestEpoch - 1);
            for (Metric m : Metric.values()) {
                if (!m.isValidation() || best.hasValidation()) {
                    metrics.put(m.key(), best.get(m));
                }
            }
        }
        metrics.put("train_seconds", seconds);
        return metrics;
    }
}
