package org.textclf.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.textclf.api.FitResult;
import org.textclf.api.TextClassifier;
import org.textclf.eval.Evaluation;
import org.textclf.eval.Scores;
import org.textclf.io.AtomicFiles;
import org.textclf.model.ModelInfo;
import org.textclf.train.History;
import org.textclf.train.Metric;

/**
 * {@code train --report DIR} and {@code evaluate --report DIR}: learning curves, the confusion matrix and per-class
 * scores as PNGs, and {@code index.html}, one page that embeds them (so the single file can be mailed) with the
 * metrics, the History and the model's provenance. Every file is written atomically.
 *
 * @param model the model file the report is about
 * @param info the model's provenance
 * @param classNames the classes' display names, in class order
 * @param evaluation the test or evaluation metrics, or null when there was no test data
 * @param evaluatedOn the data {@code evaluation} was measured on, or null with it
 * @param history the training run's epochs, or null when the report is not of a run ({@code evaluate})
 * @param bestEpoch the epoch whose weights were kept, counting from 1 (0 without a history)
 */
record TrainingReport(Path model, ModelInfo info, List<String> classNames, Evaluation evaluation, String evaluatedOn, History history,
        int bestEpoch) {
    static final String PAGE = "index.html";
    static final String LOSS = "loss.png";
    static final String ACCURACY = "accuracy.png";
    static final String CONFUSION_MATRIX = "confusion_matrix.png";
    static final String CLASS_SCORES = "class_scores.png";

    /** The report of a training run, tested on {@code testData} (null with {@code evaluation}). */
    static TrainingReport ofRun(Path model, TextClassifier classifier, FitResult result, Evaluation evaluation,
            Path testData) {
        return new TrainingReport(model, classifier.info(), classifier.classNames(), evaluation, testData == null ? null : testData.toString(),
                result.history(), result.bestEpoch());
    }

    /** The report of {@code evaluate}: a model file keeps its final metrics, not its epochs. */
    static TrainingReport ofEvaluation(Path model, TextClassifier classifier, Evaluation evaluation, String data) {
        return new TrainingReport(model, classifier.info(), classifier.classNames(), evaluation, data, null,
                0);
    }

    /** Writes the PNGs then the page into {@code dir} (created if missing); returns the page's path. */
    Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<String, byte[]> images = new LinkedHashMap<>();
        if (history != null && history.size() > 0) {
            images.put(LOSS, LearningCurves.png(history, bestEpoch, Metric.LOSS, Metric.VAL_LOSS));
            images.put(ACCURACY, LearningCurves.png(history, bestEpoch, Metric.ACCURACY, Metric.VAL_ACCURACY));
        }
        if (evaluation != null) {
            images.put(CONFUSION_MATRIX, ConfusionHeatmap.png(evaluation.confusionMatrix(), classNames()));
            images.put(CLASS_SCORES, ClassScoresChart.png(classNames(), scores()));
        }
        for (Map.Entry<String, byte[]> image : images.entrySet()) {
            Charts.save(image.getValue(), dir.resolve(image.getKey()));
        }
        byte[] page = ReportPage.html(this, images).getBytes(StandardCharsets.UTF_8);
        Path target = dir.resolve(PAGE);
        AtomicFiles.write(target, out -> out.write(page));
        return target;
    }

    List<Scores> scores() {
        List<Scores> scores = new ArrayList<>();
        for (int c = 0; c < evaluation.classes(); c++) {
            scores.add(evaluation.scores(c));
        }
        return scores;
    }
}
