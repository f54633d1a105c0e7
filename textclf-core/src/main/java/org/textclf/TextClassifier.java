package org.textclf;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.textclf.data.Labels;
import org.textclf.data.SampleSource;
import org.textclf.eval.Evaluation;
import org.textclf.feed.CacheDirectory;
import org.textclf.feed.CacheKey;
import org.textclf.train.Callback;
import org.textclf.train.EpochLogs;
import org.textclf.train.History;
import org.textclf.train.Metric;

/**
 * A trained text classifier: the classes, the fitted vectorizer and the network. {@link #fit} trains one from
 * streamed data; {@link #predict} and {@link #evaluate} use it. Immutable once built and safe for concurrent
 * predictions.
 */
public final class TextClassifier {
    private final Labels labels;
    private final Pipeline<?> pipeline;
    private final ModelInfo info;

    TextClassifier(Labels labels, Pipeline<?> pipeline, ModelInfo info) {
        this.labels = labels;
        this.pipeline = pipeline;
        this.info = info;
    }

    /**
     * Loads a model file, verifying its checksum.
     *
     * @throws IOException with a one-line reason when the file is not a textclf model, is truncated, corrupted, or
     *     from a newer textclf
     */
    public static TextClassifier load(Path path) throws IOException {
        return ModelSections.read(path);
    }

    /**
     * Saves everything needed to predict, and {@code info}'s provenance, in one file, atomically: on failure an
     * existing file at {@code path} is left as it was.
     */
    public void save(Path path, ModelInfo info) throws IOException {
        ModelSections.write(path, this, info);
    }

    /**
     * Provenance for saving this freshly trained classifier.
     *
     * @param inputs the files it was trained (and tested) on
     * @param metrics final metrics, e.g. from {@link FitResult#metrics()}
     */
    public ModelInfo describe(TrainOptions options, List<ModelInfo.InputFile> inputs, Map<String, Double> metrics) {
        return ModelInfo.of(this, options, inputs, metrics);
    }

    /** The provenance read from the model file; null for a classifier that was trained and not yet loaded. */
    public ModelInfo info() {
        return info;
    }

    /** What {@link #fit} returns: the classifier (with the best epoch's weights) and how training went. */
    public record FitResult(TextClassifier classifier, History history, int bestEpoch, String stopReason,
            double seconds) {

        /** The best epoch's metrics by Keras name, plus {@code best_epoch}, {@code epochs} and {@code seconds}. */
        public Map<String, Double> metrics() {
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

    /**
     * Trains one of the guide's models from streamed data: fits the vectorizer in streaming passes over the training
     * data, then the network with Adam from a shuffling batch generator, validating every epoch and stopping early,
     * keeping the best epoch. {@code options.model()} picks the branch; {@code auto} measures the guide's S/W ratio
     * in the first pass and takes the n-gram MLP below 1,500 and the sepCNN above (from pretrained embeddings, when
     * given and S/W is below 15,000).
     *
     * @param validation validation data, or null to hold out {@code options.validationFraction()} of {@code train}
     * @param labels the classes, or null to collect them from the training data in the vectorizer's first pass
     *     (with no {@code validation}, from the part not held out: a class only in the held-out part is then an
     *     unknown label there); {@link #withLabels} can name them afterwards
     * @param callbacks more callbacks, after the built-in TerminateOnNaN and EarlyStopping
     * @param log where progress goes (verbose output and the vectorizer's report)
     */
    public static FitResult fit(SampleSource train, SampleSource validation, Labels labels, TrainOptions options,
            List<Callback> callbacks, PrintWriter log) throws IOException {
        return fit(train, validation, labels, options, callbacks, log, null, null);
    }

    /**
     * As {@link #fit(SampleSource, SampleSource, Labels, TrainOptions, List, PrintWriter)}, with two options for long
     * runs:
     * <ul>
     *   <li>with {@code options.cacheDir()}, the fitted vectorizer and the vectorized train and validation examples
     *       are kept there and reused by a later run whose data and options are unchanged (see
     *       {@link CacheDirectory});</li>
     *   <li>with {@code checkpoints}, a checkpoint is saved after the vectorizer's fit and at every epoch's end, and
     *       when {@code checkpoints} {@link CheckpointFile#resuming resumes} a run, training continues from its last
     *       one with the same result as the uninterrupted run (same data; {@code labels} and {@code options} are
     *       then the checkpoint's, the arguments are ignored).</li>
     * </ul>
     *
     * @param data what the sources read, for the cache key: their files ({@link CacheKey.Builder#file}) and the
     *     options that decide how they are parsed; required with {@code options.cacheDir()}, else ignored
     * @param checkpoints where checkpoints go and the one to resume from, or null for none
     */
    public static FitResult fit(SampleSource train, SampleSource validation, Labels labels, TrainOptions options,
            List<Callback> callbacks, PrintWriter log, CacheKey data, CheckpointFile checkpoints) throws IOException {
        return Fitting.run(train, validation, labels, options, callbacks, log, data, checkpoints);
    }

    /**
     * Accuracy, loss, per-class precision, recall and F1 and the confusion matrix over a labelled source, streamed
     * in batches with vectorizing on the prefetch threads.
     *
     * @throws org.textclf.data.BadRecordException (as the cause of an UncheckedIOException) naming the file and
     *     line of a label this classifier does not know
     */
    public Evaluation evaluate(SampleSource source) throws IOException {
        return pipeline.evaluate(source, labels);
    }

    /** The most probable class of {@code text} and all class probabilities. */
    public Prediction predict(String text) {
        return predict(List.of(text)).get(0);
    }

    /** Predictions for several texts at once (faster than one by one). */
    public List<Prediction> predict(List<String> texts) {
        float[] p = pipeline.predict(texts);
        List<Prediction> out = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            out.add(Prediction.of(p, i, labels.names()));
        }
        return out;
    }

    public Labels labels() {
        return labels;
    }

    /**
     * This classifier with other display names for its classes, e.g. {@code labels().withNamesBeside(data)}.
     *
     * @throws IllegalArgumentException when {@code named} has other raw labels than {@link #labels()}
     */
    public TextClassifier withLabels(Labels named) {
        if (!named.rawLabels().equals(labels.rawLabels())) {
            throw new IllegalArgumentException("expected the raw labels " + labels.rawLabels() + ", found "
                    + named.rawLabels());
        }
        return new TextClassifier(named, pipeline, info);
    }

    /** The branch this classifier holds: {@link ModelInfo#MLP} or {@link ModelInfo#SEPCNN}. */
    public String model() {
        return pipeline.model();
    }

    Pipeline<?> pipeline() {
        return pipeline;
    }
}
