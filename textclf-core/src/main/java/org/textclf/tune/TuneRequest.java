package org.textclf.tune;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.textclf.config.TrainOptions;
import org.textclf.data.SampleSource;
import org.textclf.feed.CacheKey;
import org.textclf.model.ModelInfo;

/**
 * What {@link Tuner#tune} searches: the data (as a fit reads it), the base options every trial starts from (its
 * branch's config, the fit, the environment), the search spaces, the budget, the metric, where trials keep their
 * checkpoints and caches, and the log. Built by {@link #builder}; immutable.
 */
public final class TuneRequest {
    /** Two: on 2 cores, faster than one at a time with both (README's Tuning section). */
    public static final int DEFAULT_TRIALS_SIDE_BY_SIDE = 2;

    private final SampleSource train;
    private final SampleSource validation;
    private final TrainOptions options;
    private final List<SearchSpace> spaces;
    private final boolean grid;
    private final Budget budget;
    private final TuneMetric metric;
    private final Path workDir;
    private final Path log;
    private final boolean resume;
    private final List<String> arguments;
    private final CacheKey dataKey;
    private final List<ModelInfo.InputFile> inputs;
    private final Consumer<TrialResult> onResult;
    private final Consumer<String> progress;
    private final int trialsSideBySide;

    private TuneRequest(Builder b) {
        this.train = b.train;
        this.validation = b.validation;
        this.options = b.options;
        this.spaces = List.copyOf(b.spaces);
        this.grid = b.grid;
        this.budget = b.budget;
        this.metric = b.metric;
        this.workDir = Objects.requireNonNull(b.workDir, "workDir");
        this.log = b.log != null ? b.log : workDir.resolve("trials.jsonl");
        this.resume = b.resume;
        this.arguments = List.copyOf(b.arguments);
        this.dataKey = b.dataKey;
        this.inputs = List.copyOf(b.inputs);
        this.onResult = b.onResult;
        this.progress = b.progress;
        this.trialsSideBySide = b.trialsSideBySide;
        if (spaces.isEmpty()) {
            throw new IllegalArgumentException("a tune needs at least one search space; found none");
        }
    }

    /** A tune of {@code train} in {@code workDir} with the defaults: mlp's space, {@link Budget#DEFAULTS}. */
    public static Builder builder(SampleSource train, Path workDir) {
        return new Builder(train, workDir);
    }

    public SampleSource train() {
        return train;
    }

    /** Validation data; when empty, each trial holds out the base options' fraction of train, as train does. */
    public Optional<SampleSource> validation() {
        return Optional.ofNullable(validation);
    }

    public TrainOptions options() {
        return options;
    }

    public List<SearchSpace> spaces() {
        return spaces;
    }

    /** Whether the trials are every combination of the spaces' lists (up to the budget's trials), not draws. */
    public boolean grid() {
        return grid;
    }

    public Budget budget() {
        return budget;
    }

    public TuneMetric metric() {
        return metric;
    }

    /** Where trials keep their checkpoints ({@code trials/N/}) and the shared vectorizer caches ({@code cache/}). */
    public Path workDir() {
        return workDir;
    }

    public Path log() {
        return log;
    }

    /** Whether the tune goes on from {@link #log()}, skipping the trials it holds. */
    public boolean resume() {
        return resume;
    }

    /** Stored in the log's header for the caller (the CLI keeps its command line there). */
    public List<String> arguments() {
        return arguments;
    }

    /** The data's part of the vectorizer caches' key; by default the train and validation files'. */
    public Optional<CacheKey> dataKey() {
        return Optional.ofNullable(dataKey);
    }

    public List<ModelInfo.InputFile> inputs() {
        return inputs;
    }

    /** Called with each trial's result once it is in the log (also for results read back by a resume). */
    public Consumer<TrialResult> onResult() {
        return onResult;
    }

    /** Lines about the tune itself: the rungs, what survived, the branch choice. */
    public Consumer<String> progress() {
        return progress;
    }

    /**
     * How many n-gram trials train at once, each with its share of the processors (at most one per processor; the
     * sepCNN's trials run one at a time).
     */
    public int trialsSideBySide() {
        return trialsSideBySide;
    }

    /** Sets the parts of a {@link TuneRequest}. */
    public static final class Builder {
        private final SampleSource train;
        private final Path workDir;
        private SampleSource validation;
        private TrainOptions options = TrainOptions.DEFAULTS;
        private final List<SearchSpace> spaces = new ArrayList<>();
        private boolean grid;
        private Budget budget = Budget.DEFAULTS;
        private TuneMetric metric = TuneMetric.VAL_ACCURACY;
        private Path log;
        private boolean resume;
        private final List<String> arguments = new ArrayList<>();
        private CacheKey dataKey;
        private final List<ModelInfo.InputFile> inputs = new ArrayList<>();
        private Consumer<TrialResult> onResult = r -> { };
        private Consumer<String> progress = line -> { };
        private int trialsSideBySide = DEFAULT_TRIALS_SIDE_BY_SIDE;

        private Builder(SampleSource train, Path workDir) {
            this.train = Objects.requireNonNull(train, "train");
            this.workDir = Objects.requireNonNull(workDir, "workDir");
        }

        public Builder validation(SampleSource validation) {
            this.validation = Objects.requireNonNull(validation, "validation");
            return this;
        }

        public Builder options(TrainOptions options) {
            this.options = Objects.requireNonNull(options, "options");
            return this;
        }

        /** Adds a space; trials alternate between the spaces given, in order. */
        public Builder space(SearchSpace space) {
            spaces.add(Objects.requireNonNull(space, "space"));
            return this;
        }

        public Builder grid(boolean grid) {
            this.grid = grid;
            return this;
        }

        public Builder budget(Budget budget) {
            this.budget = Objects.requireNonNull(budget, "budget");
            return this;
        }

        public Builder metric(TuneMetric metric) {
            this.metric = Objects.requireNonNull(metric, "metric");
            return this;
        }

        public Builder log(Path log) {
            this.log = Objects.requireNonNull(log, "log");
            return this;
        }

        public Builder resume(boolean resume) {
            this.resume = resume;
            return this;
        }

        public Builder arguments(List<String> arguments) {
            this.arguments.addAll(arguments);
            return this;
        }

        public Builder dataKey(CacheKey dataKey) {
            this.dataKey = Objects.requireNonNull(dataKey, "dataKey");
            return this;
        }

        public Builder inputs(List<ModelInfo.InputFile> inputs) {
            this.inputs.addAll(inputs);
            return this;
        }

        public Builder onResult(Consumer<TrialResult> onResult) {
            this.onResult = Objects.requireNonNull(onResult, "onResult");
            return this;
        }

        public Builder progress(Consumer<String> progress) {
            this.progress = Objects.requireNonNull(progress, "progress");
            return this;
        }

        public Builder trialsSideBySide(int trialsSideBySide) {
            if (trialsSideBySide < 1) {
                throw new IllegalArgumentException("trialsSideBySide must be at least 1; found " + trialsSideBySide);
            }
            this.trialsSideBySide = trialsSideBySide;
            return this;
        }

        public TuneRequest build() {
            if (spaces.isEmpty()) {
                spaces.add(SearchSpace.forBranch("mlp"));
            }
            return new TuneRequest(this);
        }
    }
}
