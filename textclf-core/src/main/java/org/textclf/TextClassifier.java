package org.textclf;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import org.textclf.batch.BatchGenerator;
import org.textclf.batch.SparseBatch;
import org.textclf.batch.Split;
import org.textclf.data.Labels;
import org.textclf.data.Sample;
import org.textclf.data.SampleSource;
import org.textclf.eval.Evaluation;
import org.textclf.eval.Evaluator;
import org.textclf.nn.Mlp;
import org.textclf.nn.StepThreads;
import org.textclf.text.NgramVectorizer;
import org.textclf.train.BackupAndRestore;
import org.textclf.train.Callback;
import org.textclf.train.Checkpoint;
import org.textclf.train.EarlyStopping;
import org.textclf.train.EpochLogs;
import org.textclf.train.Metric;
import org.textclf.train.History;
import org.textclf.train.TerminateOnNaN;
import org.textclf.train.Trainer;

/**
 * A trained text classifier: the classes, the fitted vectorizer and the network. {@link #fit} trains one from
 * streamed data; {@link #predict} and {@link #evaluate} use it. Immutable once built and safe for concurrent
 * predictions.
 */
public final class TextClassifier {
    private final Labels labels;
    private final NgramVectorizer vectorizer;
    private final Mlp network;
    private final ModelInfo info;

    TextClassifier(Labels labels, NgramVectorizer vectorizer, Mlp network, ModelInfo info) {
        this.labels = labels;
        this.vectorizer = vectorizer;
        this.network = network;
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
     * {@link #fit(SampleSource, SampleSource, Labels, TrainOptions, List, PrintWriter)} with checkpoints: saved at
     * every epoch's end and after the vectorizer's fit, and, when {@code checkpoints} {@link CheckpointFile#resuming
     * resumes} a run, continued from its last one, with the same result as the uninterrupted run (same data and
     * options; {@code labels} and {@code options} are then the checkpoint's, the arguments are ignored).
     *
     * @param checkpoints where checkpoints go and the one to resume from, or null for none
     */
    public static FitResult fit(SampleSource train, SampleSource validation, Labels labels, TrainOptions options,
            List<Callback> callbacks, PrintWriter log, CheckpointFile checkpoints) throws IOException {
        long start = System.nanoTime();
        boolean resuming = checkpoints != null && checkpoints.resuming();
        if (resuming) {
            options = checkpoints.run().options();
        }
        SampleSource trainPart = train;
        SampleSource validationPart = validation;
        if (validation == null) {
            Split split = new Split(options.seed(), options.validationFraction());
            trainPart = split.train(train);
            validationPart = split.validation(train);
        }
        NgramVectorizer vectorizer;
        Labels classes;
        Mlp network;
        if (resuming) {
            vectorizer = checkpoints.model().vectorizer();
            classes = checkpoints.model().labels();
            network = checkpoints.model().network();
        } else {
            vectorizer = NgramVectorizer.fit(trainPart, labels, options.ngram(), options.verbose() > 0 ? line -> {
                log.println(line);
                log.flush();
            } : line -> { });
            classes = vectorizer.labels(); // labels, or those its first pass collected
            network = Mlp.create(options.mlp(), vectorizer.features(), classes.size(), options.seed());
        }
        EarlyStopping stopping = new EarlyStopping(options.monitor(), options.patience(), 0, true);
        List<Callback> all = new ArrayList<>(List.of(new TerminateOnNaN(), stopping));
        all.addAll(callbacks);
        Trainer<SparseBatch> trainer = new Trainer<>(network, options.adam(), options.seed() + 1).logTo(log);
        int firstEpoch = 0;
        if (checkpoints != null) {
            if (resuming) {
                Checkpoint restored = checkpoints.handOver();
                trainer.resume(restored);
                stopping.restore(restored.earlyStopping());
                firstEpoch = restored.epoch();
            } else {
                // Epoch 0, so that a kill while the example cache is built or in epoch 1 does not refit.
                checkpoints.save(classes, vectorizer, network, Checkpoint.of(trainer.state(), stopping));
            }
            // Last, so that it saves the other callbacks' state after this epoch.
            all.add(new BackupAndRestore((state, checkpoint) -> checkpoints.save(classes, vectorizer, network,
                    checkpoint), stopping));
        }
        try (StepThreads threads = StepThreads.create(options.threads());
                BatchGenerator<SparseBatch> trainBatches = generator(trainPart, vectorizer, classes, options, true)
                        .firstEpoch(firstEpoch).build();
                BatchGenerator<SparseBatch> validationBatches = generator(validationPart, vectorizer, classes,
                        options, false).build()) {
            network.useThreads(threads);
            History history = trainer.fit(trainBatches, trainBatches.stepsPerEpoch(), validationBatches,
                    validationBatches.stepsPerEpoch(), all, options.epochs(), options.verbose());
            network.useThreads(null);
            return new FitResult(new TextClassifier(classes, vectorizer, network, null), history, stopping.bestEpoch(),
                    trainer.state().stopReason(), (System.nanoTime() - start) / 1e9);
        }
    }

    private static BatchGenerator.Builder<SparseBatch> generator(SampleSource source, NgramVectorizer vectorizer,
            Labels labels, TrainOptions options, boolean training) {
        return BatchGenerator.builder(source, vectorizer).labels(labels).batchSize(options.batchSize())
                .cache(SparseBatch.rows(vectorizer.features())).shuffle(training && options.shuffle()).seed(options.seed())
                .shuffleBufferBytes(options.shuffleBufferBytes()).tempDir(options.tempDir());
    }

    /**
     * Accuracy, loss, per-class precision, recall and F1 and the confusion matrix over a labelled source, streamed
     * in batches with vectorizing on the prefetch threads.
     *
     * @throws org.textclf.data.BadRecordException (as the cause of an UncheckedIOException) naming the file and
     *     line of a label this classifier does not know
     */
    public Evaluation evaluate(SampleSource source) throws IOException {
        Evaluator evaluator = new Evaluator(labels.size());
        try (BatchGenerator<SparseBatch> batches = BatchGenerator.builder(source, vectorizer).labels(labels)
                .singlePass().build()) {
            while (batches.hasNext()) {
                SparseBatch batch = batches.next();
                evaluator.add(batch.labels(), network.predictBatch(batch));
            }
        }
        return evaluator.evaluation();
    }

    /** The most probable class of {@code text} and all class probabilities. */
    public Prediction predict(String text) {
        return predict(List.of(text)).get(0);
    }

    /** Predictions for several texts at once (faster than one by one). */
    public List<Prediction> predict(List<String> texts) {
        List<Sample> samples = new ArrayList<>(texts.size());
        for (String t : texts) {
            samples.add(new Sample(null, t, samples.size() + 1));
        }
        int[] none = new int[texts.size()];
        java.util.Arrays.fill(none, -1);
        float[] p = network.predictBatch(vectorizer.vectorize(samples, none));
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
        return new TextClassifier(named, vectorizer, network, info);
    }

    public NgramVectorizer vectorizer() {
        return vectorizer;
    }

    public Mlp network() {
        return network;
    }
}
