package org.textclf.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.textclf.batch.Vectorizer;
import org.textclf.branch.Branches;
import org.textclf.branch.FittedModel;
import org.textclf.config.BranchConfig;
import org.textclf.config.FitConfig;
import org.textclf.config.TrainOptions;
import org.textclf.data.Labels;
import org.textclf.data.SampleSource;
import org.textclf.eval.Evaluation;
import org.textclf.fit.CheckpointFile;
import org.textclf.fit.FitOutcome;
import org.textclf.fit.FitRun;
import org.textclf.model.ModelCodec;
import org.textclf.model.ModelInfo;
import org.textclf.nn.Network;

/**
 * A trained text classifier: the classes, the fitted vectorizer and the network of one branch, with its provenance.
 * {@link #fit} trains one from streamed data, {@link #load} reads one, {@link #predict} and {@link #evaluate} use
 * it. Immutable and safe for concurrent predictions.
 */
public final class TextClassifier implements Predictor {
    private final FittedModel<?> model;
    private final ModelInfo info;

    private TextClassifier(FittedModel<?> model, ModelInfo info) {
        this.model = model;
        this.info = info;
    }

    /**
     * Loads a model file, verifying its checksum.
     *
     * @throws IOException with a one-line reason when the file is not a textclf model, is truncated, corrupted, or
     *     from a newer textclf
     */
    public static TextClassifier load(Path path) throws IOException {
        ModelCodec.Loaded loaded = ModelCodec.read(path);
        return new TextClassifier(loaded.model(), loaded.info());
    }

    /**
     * Trains one of the branches from streamed data: fits the vectorizer in streaming passes over the training data,
     * then the network with Adam from a shuffling batch generator, validating every epoch and stopping early,
     * keeping the best epoch. {@code options().branch()} picks the branch; {@code auto} (the default) measures the
     * guide's S/W ratio in the first pass and takes the n-gram MLP below 1,500 and the sepCNN above. Collected
     * classes are named by a {@code classes.txt} beside the training file, as the CLI names them.
     */
    public static FitResult fit(FitRequest request) throws IOException {
        TrainOptions requested = request.options();
        CheckpointFile checkpoints = request.checkpoints().orElse(null);
        FitOutcome outcome = FitRun.run(request.train(), request.validation().orElse(null),
                request.labels().orElse(null), requested, request.callbacks(), request.progress(),
                request.cacheKey().orElse(null), checkpoints);
        TrainOptions options = checkpoints != null && checkpoints.resuming() ? checkpoints.run().options()
                : requested;
        FittedModel<?> model = outcome.model();
        if (request.labels().isEmpty() && request.train().file().isPresent()) {
            model = model.withLabels(model.labels().withNamesBeside(request.train().file().get()));
        }
        ModelInfo info = ModelInfo.of(model, outcome.config(), options.fit(), request.inputs(),
                FitResult.metrics(outcome.history(), outcome.bestEpoch(), outcome.seconds()));
        return new FitResult(new TextClassifier(model, info), outcome.history(), outcome.bestEpoch(),
                outcome.stopReason(), outcome.seconds(), options);
    }

    /**
     * A classifier from a fitted vectorizer and a network trained by the caller's own loop (e.g. {@code
     * train.Trainer.fit} on the caller's own batch generator): savable, loadable and servable like any other, its
     * provenance the parts' own settings.
     *
     * @throws IllegalArgumentException when no branch pairs this vectorizer with this network, or the network's
     *     classes are not {@code labels}'
     */
    public static TextClassifier of(Labels labels, Vectorizer<?> vectorizer, Network<?> network) {
        return of(labels, vectorizer, network, Optional.empty(), Optional.empty());
    }

    /**
     * As {@link #of(Labels, Vectorizer, Network)}, for a loop that trained the network with {@code branch}'s
     * hyperparameters and {@code fit}'s settings (e.g. a distributed one): the provenance records them as
     * {@link #fit} records its own.
     *
     * @param branch the branch's own settings (the one {@code auto} chose, not {@code auto}'s)
     */
    public static TextClassifier of(Labels labels, Vectorizer<?> vectorizer, Network<?> network,
            BranchConfig branch, FitConfig fit) {
        return of(labels, vectorizer, network, Optional.of(branch), Optional.of(fit));
    }

    private static TextClassifier of(Labels labels, Vectorizer<?> vectorizer, Network<?> network,
            Optional<BranchConfig> branch, Optional<FitConfig> fit) {
        if (network.classes() != labels.size()) {
            throw new IllegalArgumentException("the network predicts " + network.classes() + " classes; expected "
                    + labels.size() + " (" + labels.names() + ")");
        }
        FittedModel<?> model = Branches.model(labels, vectorizer, network);
        return new TextClassifier(model, ModelInfo.of(model, branch.orElse(null), fit.orElse(null), List.of(),
                Map.of()));
    }

    /**
     * Saves everything needed to predict, and {@link #info()}, in one file, atomically: on failure an existing file
     * at {@code path} is left as it was.
     */
    public void save(Path path) throws IOException {
        ModelCodec.write(path, model, info);
    }

    /** The provenance: what {@link #fit} recorded, or what the loaded file holds. */
    @Override
    public ModelInfo info() {
        return info;
    }

    /**
     * Accuracy, loss, per-class precision, recall and F1 and the confusion matrix over a labelled source, streamed
     * in batches with vectorizing on the prefetch threads.
     *
     * A label this classifier does not know is a bad record of the source: it fails the evaluation naming the file
     * and line, or is skipped and counted when the source skips bad records ({@link SampleSource#onBadRecord}).
     */
    public Evaluation evaluate(SampleSource source) throws IOException {
        return model.evaluate(model.labels().restrict(source));
    }

    @Override
    public List<Prediction> predict(List<String> texts) {
        float[] p = model.predict(texts);
        List<Prediction> out = new ArrayList<>(texts.size());
        List<String> names = model.labels().names();
        for (int i = 0; i < texts.size(); i++) {
            out.add(Prediction.of(p, i, names));
        }
        return out;
    }

    public Labels labels() {
        return model.labels();
    }

    @Override
    public List<String> classNames() {
        return model.labels().names();
    }

    /**
     * This classifier with other display names for its classes, e.g. {@code labels().withNamesBeside(data)}.
     *
     * @throws IllegalArgumentException when {@code named} has other raw labels than {@link #labels()}
     */
    public TextClassifier withLabels(Labels named) {
        if (!named.rawLabels().equals(labels().rawLabels())) {
            throw new IllegalArgumentException("expected the raw labels " + labels().rawLabels() + ", found "
                    + named.rawLabels());
        }
        return new TextClassifier(model.withLabels(named), info.withClassNames(named.names()));
    }

    /** This classifier with more metrics in its provenance (a test's, say) and the files they were measured on. */
    public TextClassifier withMetrics(Map<String, Double> metrics, List<ModelInfo.InputFile> inputs) {
        return new TextClassifier(model, info.withMetrics(metrics, inputs));
    }

    /** The name of the branch this classifier holds, e.g. {@code mlp} or {@code sepcnn}. */
    public String model() {
        return model.branch().name();
    }

    /** The fitted vectorizer and network, for callers that work below the text level (batch scoring, say). */
    public FittedModel<?> fitted() {
        return model;
    }

    @Override
    public String toString() {
        return "TextClassifier[" + model() + ", " + labels().size() + " classes: " + String.join(", ", classNames())
                + "]";
    }
}
