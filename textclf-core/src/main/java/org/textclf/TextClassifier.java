package org.textclf;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import org.textclf.batch.Batch;
import org.textclf.batch.BatchGenerator;
import org.textclf.batch.CacheDirectory;
import org.textclf.batch.CacheKey;
import org.textclf.batch.PassProgress;
import org.textclf.batch.SparseBatch;
import org.textclf.batch.Split;
import org.textclf.data.Labels;
import org.textclf.data.SampleSource;
import org.textclf.eval.Evaluation;
import org.textclf.nn.AdamConfig;
import org.textclf.nn.Mlp;
import org.textclf.nn.StepThreads;
import org.textclf.text.NgramVectorizer;
import org.textclf.train.Callback;
import org.textclf.train.EarlyStopping;
import org.textclf.train.EpochLogs;
import org.textclf.train.History;
import org.textclf.train.Metric;
import org.textclf.train.TerminateOnNaN;
import org.textclf.train.Trainer;

/**
 * A trained text classifier: the classes, the fitted vectorizer and the network. {@link #fit} trains one from
 * streamed data; {@link #predict} and {@link #evaluate} use it. Immutable once built and safe for concurrent
 * predictions.
 */
public final class TextClassifier {
    /** The names of the example caches in a cache directory. */
    private static final String TRAIN_CACHE = "train";
    private static final String VALIDATION_CACHE = "validation";
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
     * Trains the guide's n-gram model: fits the vectorizer in streaming passes over the training data, then the MLP
     * with Adam from a shuffling batch generator, validating every epoch and stopping early, keeping the best epoch.
     * Without {@code options.cacheDir()}; see the overload that keeps caches.
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
        return fit(train, validation, labels, options, callbacks, log, null);
    }

    /**
     * As {@link #fit(SampleSource, SampleSource, Labels, TrainOptions, List, PrintWriter)}; with
     * {@code options.cacheDir()}, the fitted vectorizer and the vectorized train and validation examples are kept
     * there and reused by a later run whose data and options are unchanged (see {@link CacheDirectory}).
     *
     * @param data what the sources read, for the cache key: their files ({@link CacheKey.Builder#file}) and the
     *     options that decide how they are parsed; required with {@code options.cacheDir()}, else ignored
     */
    public static FitResult fit(SampleSource train, SampleSource validation, Labels labels, TrainOptions options,
            List<Callback> callbacks, PrintWriter log, CacheKey data) throws IOException {
        long start = System.nanoTime();
        SampleSource trainPart = train;
        SampleSource validationPart = validation;
        if (validation == null) {
            Split split = new Split(options.seed(), options.validationFraction());
            trainPart = split.train(train);
            validationPart = split.validation(train);
        }
        PassProgress progress = PassProgress.of(log, options.verbose());
        CacheDirectory cache = null;
        if (options.cacheDir() != null) {
            if (data == null) {
                throw new IllegalArgumentException("a cache directory needs a key of the data it caches; expected"
                        + " the train (and validation) files in a CacheKey, found none");
            }
            cache = CacheDirectory.open(options.cacheDir(), fitKey(data, labels, options, validation == null),
                    progress);
        }
        CacheDirectory.Fitted fitted = cache == null ? null : cache.fitted();
        NgramVectorizer vectorizer;
        Labels classes;
        if (fitted != null) {
            vectorizer = NgramVectorizer.read(new DataInputStream(new ByteArrayInputStream(fitted.vectorizer())));
            classes = labels != null ? labels : Labels.of(fitted.labels());
        } else {
            vectorizer = NgramVectorizer.fit(progress.watch(trainPart, "vectorizer fit"), labels, options.ngram(),
                    progress::line);
            classes = vectorizer.labels(); // labels, or those its first pass collected
            if (cache != null) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                vectorizer.write(new DataOutputStream(bytes));
                cache.saveFitted(new CacheDirectory.Fitted(classes.rawLabels(), bytes.toByteArray()));
            }
        }
        Mlp network = Mlp.create(options.mlp(), vectorizer.features(), classes.size(), options.seed());
        Pipeline<SparseBatch> pipeline = new Pipeline<>(ModelInfo.MLP, vectorizer,
                SparseBatch.rows(vectorizer.features()), network);
        try (StepThreads threads = StepThreads.create(options.threads())) {
            network.useThreads(threads);
            EarlyStopping stopping = new EarlyStopping(options.monitor(), options.patience(), 0, true);
            Training training = train(pipeline, trainPart, validationPart, classes, options, options.adam(),
                    stopping, callbacks, log, new Caching(cache, progress, vectorizer.fitReport().documents()));
            network.useThreads(null);
            return new FitResult(new TextClassifier(classes, pipeline, null), training.history(),
                    stopping.bestEpoch(), training.stopReason(), (System.nanoTime() - start) / 1e9);
        }
    }

    /** The data's key plus everything that decides the fit: the vectorizer's format and options, classes, split. */
    private static CacheKey fitKey(CacheKey data, Labels labels, TrainOptions options, boolean split) {
        return data.toBuilder().put("vectorizer_format", "ngram " + NgramVectorizer.FORMAT_VERSION)
                .put("ngram", options.ngram()).put("labels", labels == null ? "collected" : labels.rawLabels())
                .put("split", split ? new Split(options.seed(), options.validationFraction()) : "validation data")
                .build();
    }

    private record Training(History history, String stopReason) {
    }

    /**
     * Where the example caches go: temp files when {@code directory} is null, else kept there.
     *
     * @param trainSamples the training samples when a pass counted them (the bar's total), else -1
     */
    private record Caching(CacheDirectory directory, PassProgress progress, long trainSamples) {
    }

    /** Trains {@code pipeline}'s network from shuffled, cached batches until {@code stopping} ends it. */
    private static <B extends Batch> Training train(Pipeline<B> pipeline, SampleSource trainPart,
            SampleSource validationPart, Labels classes, TrainOptions options, AdamConfig adam,
            EarlyStopping stopping, List<Callback> callbacks, PrintWriter log, Caching caching) throws IOException {
        if (caching.directory() != null) {
            caching.directory().reportExamples(TRAIN_CACHE, VALIDATION_CACHE);
        }
        try (BatchGenerator<B> trainBatches = generator(pipeline, trainPart, classes, options, true, caching);
                BatchGenerator<B> validationBatches = generator(pipeline, validationPart, classes, options, false,
                        caching)) {
            List<Callback> all = new ArrayList<>(List.of(new TerminateOnNaN(), stopping));
            all.addAll(callbacks);
            Trainer<B> trainer = new Trainer<>(pipeline.network(), adam, options.seed() + 1).logTo(log);
            History history = trainer.fit(trainBatches, trainBatches.stepsPerEpoch(), validationBatches,
                    validationBatches.stepsPerEpoch(), all, options.epochs(), options.verbose());
            return new Training(history, trainer.state().stopReason());
        }
    }

    private static <B extends Batch> BatchGenerator<B> generator(Pipeline<B> pipeline, SampleSource source,
            Labels labels, TrainOptions options, boolean training, Caching caching) throws IOException {
        BatchGenerator.Builder<B> builder = pipeline.batches(source, labels).batchSize(options.batchSize())
                .shuffle(training && options.shuffle()).seed(options.seed())
                .shuffleBufferBytes(options.shuffleBufferBytes()).tempDir(options.tempDir())
                .progress(caching.progress());
        if (training && caching.trainSamples() >= 0) {
            builder.samples(caching.trainSamples());
        }
        return (caching.directory() == null ? builder.cache(pipeline.rows()) : builder.cache(pipeline.rows(),
                caching.directory(), training ? TRAIN_CACHE : VALIDATION_CACHE)).build();
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
