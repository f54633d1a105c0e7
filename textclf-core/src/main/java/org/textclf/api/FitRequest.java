package org.textclf.api;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.textclf.config.TrainOptions;
import org.textclf.data.Labels;
import org.textclf.data.SampleSource;
import org.textclf.feed.CacheKey;
import org.textclf.fit.CheckpointFile;
import org.textclf.model.ModelInfo;
import org.textclf.progress.ProgressListener;
import org.textclf.train.Callback;

/**
 * What {@link TextClassifier#fit} trains from: the training data and, each optional, validation data, the classes,
 * the options, more callbacks, where progress goes, a cache key, checkpoints and the input files to record. Built by
 * {@link #builder}; immutable.
 */
public final class FitRequest {
    private final SampleSource train;
    private final SampleSource validation;
    private final Labels labels;
    private final TrainOptions options;
    private final List<Callback> callbacks;
    private final ProgressListener progress;
    private final CacheKey cacheKey;
    private final CheckpointFile checkpoints;
    private final List<ModelInfo.InputFile> inputs;

    private FitRequest(Builder b) {
        this.train = b.train;
        this.validation = b.validation;
        this.labels = b.labels;
        this.options = b.options;
        this.callbacks = List.copyOf(b.callbacks);
        this.progress = b.progress;
        this.cacheKey = b.cacheKey;
        this.checkpoints = b.checkpoints;
        this.inputs = List.copyOf(b.inputs);
    }

    /** A request to train on {@code train} with the defaults ({@link TrainOptions#DEFAULTS}). */
    public static Builder builder(SampleSource train) {
        return new Builder(train);
    }

    public SampleSource train() {
        return train;
    }

    /** Validation data; when empty, {@code options().fit().validationFraction()} of {@link #train()} is held out. */
    public Optional<SampleSource> validation() {
        return Optional.ofNullable(validation);
    }

    /** The classes; when empty, collected from the training data in the vectorizer's first pass. */
    public Optional<Labels> labels() {
        return Optional.ofNullable(labels);
    }

    public TrainOptions options() {
        return options;
    }

    /** Callbacks run after the built-in TerminateOnNaN and EarlyStopping. */
    public List<Callback> callbacks() {
        return callbacks;
    }

    /**
     * Where progress goes (passes, epochs, the vectorizer's report) at the options' verbosity; plain lines on standard
     * error by default ({@link ProgressListener#lines}).
     */
    public ProgressListener progress() {
        return progress;
    }

    /** What the sources read, for a cache directory's key; required with {@code options().environment().cacheDir()}. */
    public Optional<CacheKey> cacheKey() {
        return Optional.ofNullable(cacheKey);
    }

    /** Where checkpoints go, and the one to resume from. */
    public Optional<CheckpointFile> checkpoints() {
        return Optional.ofNullable(checkpoints);
    }

    /** The input files recorded in the model's provenance. */
    public List<ModelInfo.InputFile> inputs() {
        return inputs;
    }

    /** Sets the parts of a {@link FitRequest}; only the training data is required. */
    public static final class Builder {
        private final SampleSource train;
        private SampleSource validation;
        private Labels labels;
        private TrainOptions options = TrainOptions.DEFAULTS;
        private final List<Callback> callbacks = new ArrayList<>();
        private ProgressListener progress = ProgressListener.lines(new PrintWriter(System.err, true));
        private CacheKey cacheKey;
        private CheckpointFile checkpoints;
        private final List<ModelInfo.InputFile> inputs = new ArrayList<>();

        private Builder(SampleSource train) {
            this.train = Objects.requireNonNull(train, "train");
        }

        public Builder validation(SampleSource validation) {
            this.validation = Objects.requireNonNull(validation, "validation");
            return this;
        }

        public Builder labels(Labels labels) {
            this.labels = Objects.requireNonNull(labels, "labels");
            return this;
        }

        public Builder options(TrainOptions options) {
            this.options = Objects.requireNonNull(options, "options");
            return this;
        }

        public Builder callback(Callback callback) {
            callbacks.add(Objects.requireNonNull(callback, "callback"));
            return this;
        }

        public Builder callbacks(List<Callback> callbacks) {
            callbacks.forEach(this::callback);
            return this;
        }

        /** Progress as plain lines on {@code log}. */
        public Builder log(PrintWriter log) {
            return progress(ProgressListener.lines(Objects.requireNonNull(log, "log")));
        }

        /** See {@link FitRequest#progress()}. */
        public Builder progress(ProgressListener progress) {
            this.progress = Objects.requireNonNull(progress, "progress");
            return this;
        }

        /** See {@link FitRequest#cacheKey()}. */
        public Builder cacheKey(CacheKey cacheKey) {
            this.cacheKey = Objects.requireNonNull(cacheKey, "cacheKey");
            return this;
        }

        /**
         * Saves a checkpoint after the vectorizer's fit and at every epoch's end; when {@code checkpoints}
         * {@link CheckpointFile#resuming resumes} a run, training continues from its last one with the same result
         * as the uninterrupted run (same data; labels and options are then the checkpoint's).
         */
        public Builder checkpoints(CheckpointFile checkpoints) {
            this.checkpoints = Objects.requireNonNull(checkpoints, "checkpoints");
            return this;
        }

        /** Input files for the model's provenance (e.g. {@code ModelInfo.InputFile.of("train", path)}). */
        public Builder inputs(List<ModelInfo.InputFile> inputs) {
            this.inputs.addAll(inputs);
            return this;
        }

        public FitRequest build() {
            return new FitRequest(this);
        }
    }
}
