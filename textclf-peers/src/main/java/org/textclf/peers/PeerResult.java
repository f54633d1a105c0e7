package org.textclf.peers;

import java.util.Locale;

/**
 * One peer run: what it trained on, its test accuracy and the seconds of each stage (reading both files, training
 * from the texts, predicting the test texts). {@code fallbackPredictions} counts test texts without a known feature,
 * given the most frequent training label; they count in the accuracy like any other prediction.
 */
record PeerResult(String tool, String settings, int trainExamples, int skippedTrainExamples, int testExamples,
        int classes, double accuracy, int fallbackPredictions, double readSeconds, double trainSeconds,
        double testSeconds) {

    /** One line of JSON, the keys {@code bench/peers} reads. */
    String toJson() {
        return String.format(Locale.ROOT, "{\"tool\": \"%s\", \"settings\": \"%s\", \"train_examples\": %d, "
                + "\"skipped_train_examples\": %d, \"test_examples\": %d, \"classes\": %d, \"test_accuracy\": %.4f, "
                + "\"fallback_predictions\": %d, \"read_seconds\": %.2f, \"train_seconds\": %.2f, "
                + "\"test_seconds\": %.2f}", tool, settings.replace("\"", "'"), trainExamples, skippedTrainExamples,
                testExamples, classes, accuracy, fallbackPredictions, readSeconds, trainSeconds, testSeconds);
    }
}
