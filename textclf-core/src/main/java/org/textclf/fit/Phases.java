package org.textclf.fit;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.textclf.batch.Batch;
import org.textclf.batch.VectorizedExamples;
import org.textclf.branch.FittedModel;
import org.textclf.branch.Phase;
import org.textclf.config.BranchConfig;
import org.textclf.config.ClassWeights;
import org.textclf.config.FitConfig;
import org.textclf.config.RunEnvironment;
import org.textclf.config.TrainOptions;
import org.textclf.data.Labels;
import org.textclf.data.SampleSource;
import org.textclf.feed.BatchGenerator;
import org.textclf.feed.CacheDirectory;
import org.textclf.nn.Adam;
import org.textclf.nn.AdamConfig;
import org.textclf.nn.StepThreads;
import org.textclf.progress.PassProgress;
import org.textclf.train.BackupAndRestore;
import org.textclf.train.Callback;
import org.textclf.train.Checkpoint;
import org.textclf.train.EarlyStopping;
import org.textclf.train.TerminateOnNaN;
import org.textclf.train.Trainer;

/**
 * Trains a model's network through its branch's {@link Phase}s: a checkpoint at epoch 0 (so that a kill while the
 * caches are built does not refit), the training and validation caches built side by side, then each phase until
 * early stopping ends it, early stopping's best epoch carried across phases.
 */
final class Phases {
    /** The names of the example caches in a cache directory. */
    private static final String TRAIN_CACHE = "train";
    private static final String VALIDATION_CACHE = "validation";

    private final FitConfig fit;
    private final RunEnvironment environment;
    private final List<Callback> callbacks;
    private final PassProgress progress;
    private final CheckpointFile checkpoints;
    private final long start = System.nanoTime();

    Phases(TrainOptions options, List<Callback> callbacks, PassProgress progress,
            CheckpointFile checkpoints) {
        this.fit = options.fit();
        this.environment = options.environment();
        this.callbacks = callbacks;
        this.progress = progress;
        this.checkpoints = checkpoints;
    }

    /**
     * @param config the trained branch's configuration (its phases may depend on it)
     * @param trainSamples the training samples when the fit counted them (the cache bar's total), else -1
     * @param trainExamples the training examples as the fit vectorized them, or null to vectorize the text
     * @param release what holds them, closed once the training cache is built; or null
     */
    <B extends Batch> FitOutcome train(FittedModel<B> model, BranchConfig config, SampleSource trainPart,
            SampleSource validationPart, CacheDirectory cache, long trainSamples, VectorizedExamples trainExamples,
            Closeable release) throws IOException {
        AdamConfig adam = fit.adam(model.branch().defaultLearningRate());
        Checkpoint resumeFrom = null;
        if (checkpoints != null) {
            if (checkpoints.resuming()) {
                resumeFrom = checkpoints.handOver();
            } else {
                Adam fresh = Adam.forNetwork(adam, model.network());
                checkpoints.save(model, config, new Checkpoint(0, fresh.exportState(), EarlyStopping.State.INITIAL,
                        List.of(), null));
            }
        }
        if (cache != null) {
            cache.reportExamples(TRAIN_CACHE, VALIDATION_CACHE);
        }
        // Explicit weights are checked against the classes before the caches are built; balanced ones need them.
        float[] classWeights = fit.classWeights().balanced() ? null : classWeights(model, trainPart, null);
        List<Phase> phases = model.branch().phases(model, config, adam);
        int first = resumeFrom == null ? 0 : model.branch().resumedPhase(model, phases);
        // The validation cache is built beside the training cache: each leaves most of a core idle.
        try (StepThreads threads = StepThreads.create(environment.stepThreads(model.branch().defaultStepThreads()));
                BackgroundBuild<BatchGenerator<B>> validationBuild = BackgroundBuild.start(() -> generator(model,
                        validationPart, false, cache, -1, progress.withoutBars()).build(),
                        "textclf-validation-cache");
                BatchGenerator<B> trainBatches = generator(model, trainPart, true, cache, trainSamples, progress)
                        .vectorized(trainExamples).firstEpoch(resumeFrom == null ? 0 : resumeFrom.epoch())
                        .build();
                BatchGenerator<B> validationBatches = validationBuild.get()) {
            if (release != null) {
                release.close(); // the cache has them now; free the disk for the rest of the run
            }
            model.network().useThreads(threads);
            model.network().useClassWeights(fit.classWeights().balanced() ? classWeights(model, trainPart,
                    trainBatches) : classWeights);
            EarlyStopping stopping = new EarlyStopping(fit.monitor(), fit.patience(), 0, true);
            Trainer<B> trainer = null;
            for (int phase = first; phase < phases.size(); phase++) {
                Phase current = phases.get(phase);
                if (phase > first && current.announcement() != null) {
                    progress.line(current.announcement());
                }
                current.enter().run();
                Trainer<B> next = new Trainer<>(model.network(), current.adam(), fit.seed() + 1).progressTo(progress.listener());
                if (resumeFrom != null) {
                    next.resume(resumeFrom);
                    stopping.restore(resumeFrom.earlyStopping());
                    resumeFrom = null;
                } else if (trainer != null) {
                    // A new optimizer (a new learning rate, fresh moments), the same epoch count and history, and
                    // early stopping carried over: the best epoch so far stays the one to beat and to restore.
                    EarlyStopping.State best = stopping.state();
                    EarlyStopping.State carried = new EarlyStopping.State(best.best(), best.bestEpoch(), 0,
                            best.bestWeights());
                    stopping.restore(carried);
                    next.resume(new Checkpoint(trainer.state().epochsDone(), Adam.forNetwork(current.adam(),
                            model.network()).exportState(), carried, trainer.state().history().epochs(), null));
                }
                trainer = next;
                List<Callback> all = new ArrayList<>(List.of(new TerminateOnNaN(), stopping));
                all.addAll(callbacks);
                if (checkpoints != null) {
                    // Last, so that it saves the other callbacks' state after this epoch.
                    all.add(new BackupAndRestore((state, checkpoint) -> checkpoints.save(model, config, checkpoint),
                            stopping));
                }
                trainer.fit(trainBatches, trainBatches.stepsPerEpoch(), validationBatches,
                        validationBatches.stepsPerEpoch(), all, fit.epochs(), environment.verbose());
            }
            model.network().useThreads(null);
            model.network().useClassWeights(null); // the model saved and tested is the same without them
            return new FitOutcome(model, config, trainer.state().history(), stopping.bestEpoch(),
                    trainer.state().stopReason(), (System.nanoTime() - start) / 1e9);
        }
    }

    /**
     * The weight of each class, or null when every class weighs 1; printed when it is not ({@code trainBatches} counts
     * the classes for balanced weights, else may be null). The same weights are in
     * the validation loss, so that early stopping watches the loss being minimized (with unweighted validation, as
     * Keras', balanced weights would be judged by the majority classes they are meant to discount).
     */
    private <B extends Batch> float[] classWeights(FittedModel<B> model, SampleSource trainPart,
            BatchGenerator<B> trainBatches) throws IOException {
        ClassWeights spec = fit.classWeights();
        if (spec.uniform()) {
            return null;
        }
        // The names the saved model will have (a classes.txt beside the data), so that weights may use them.
        Labels labels = trainPart.file().isPresent() ? model.labels().withNamesBeside(trainPart.file().get())
                : model.labels();
        int classes = labels.size();
        float[] weights = spec.weights(labels.rawLabels(), labels.names(),
                spec.balanced() ? trainBatches.classCounts(classes) : null);
        StringBuilder line = new StringBuilder("class weights (" + spec + "):");
        for (int c = 0; c < classes; c++) {
            line.append(c == 0 ? " " : ", ").append(labels.name(c)).append(' ')
                    .append(String.format("%.4g", weights[c]));
        }
        progress.line(line.toString());
        return weights;
    }

    private <B extends Batch> BatchGenerator.Builder<B> generator(FittedModel<B> model, SampleSource source,
            boolean training, CacheDirectory cache, long samples, PassProgress progress) {
        BatchGenerator.Builder<B> builder = model.batches(source)
                .batchSize(fit.batchSize(model.branch().defaultBatchSize()))
                .shuffle(training && fit.shuffle()).seed(fit.seed())
                .shuffleBufferBytes(environment.shuffleBufferBytes()).tempDir(environment.tempDir())
                .vectorizerThreads(environment.vectorizerThreads()).progress(progress);
        if (samples >= 0) {
            builder.samples(samples);
        }
        return cache == null ? builder.cache(model.rows())
                : builder.cache(model.rows(), cache, training ? TRAIN_CACHE : VALIDATION_CACHE);
    }
}
