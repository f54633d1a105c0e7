package org.textclf;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.textclf.batch.Batch;
import org.textclf.batch.VectorizedExamples;
import org.textclf.data.Labels;
import org.textclf.data.SampleSource;
import org.textclf.feed.BatchGenerator;
import org.textclf.feed.CacheDirectory;
import org.textclf.feed.CacheKey;
import org.textclf.feed.ExampleSpill;
import org.textclf.feed.Split;
import org.textclf.feed.SplitParts;
import org.textclf.nn.Adam;
import org.textclf.nn.StepThreads;
import org.textclf.progress.PassProgress;
import org.textclf.train.BackupAndRestore;
import org.textclf.train.Callback;
import org.textclf.train.Checkpoint;
import org.textclf.train.EarlyStopping;
import org.textclf.train.History;
import org.textclf.train.TerminateOnNaN;
import org.textclf.train.Trainer;

/**
 * One run of {@link TextClassifier#fit}: the vectorizer (fitted, or taken from the cache directory or the checkpoint
 * being resumed), the network, then training from shuffled cached batches with early stopping, in one or two
 * phases (see {@link Phase}), checkpointed at every epoch's end when asked.
 */
final class Fitting {
    /** The names of the example caches in a cache directory. */
    private static final String TRAIN_CACHE = "train";
    private static final String VALIDATION_CACHE = "validation";

    private final TrainOptions options;
    private final List<Callback> callbacks;
    private final PrintWriter log;
    private final PassProgress progress;
    private final CheckpointFile checkpoints;
    private final long start = System.nanoTime();

    private Fitting(TrainOptions options, List<Callback> callbacks, PrintWriter log, CheckpointFile checkpoints) {
        this.options = options;
        this.callbacks = callbacks;
        this.log = log;
        this.progress = PassProgress.of(log, options.verbose());
        this.checkpoints = checkpoints;
    }

    static TextClassifier.FitResult run(SampleSource train, SampleSource validation, Labels labels,
            TrainOptions options, List<Callback> callbacks, PrintWriter log, CacheKey data,
            CheckpointFile checkpoints) throws IOException {
        boolean resuming = checkpoints != null && checkpoints.resuming();
        Fitting fitting = new Fitting(resuming ? checkpoints.run().options() : options, callbacks, log, checkpoints);
        return fitting.run(train, validation, labels, data);
    }

    private TextClassifier.FitResult run(SampleSource train, SampleSource validation, Labels labels, CacheKey data)
            throws IOException {
        if (validation != null) {
            return run(train, validation, labels, data, false);
        }
        try (SplitParts parts = new SplitParts(new Split(options.seed(), options.validationFraction()), train,
                options.tempDir())) {
            return run(parts.train(), parts.validation(), labels, data, true);
        }
    }

    /** @param split whether the two parts are a split of one source (part of the cache key) */
    private TextClassifier.FitResult run(SampleSource trainPart, SampleSource validationPart, Labels labels,
            CacheKey data, boolean split) throws IOException {
        if (checkpoints != null && checkpoints.resuming()) {
            TextClassifier resumed = checkpoints.model();
            return train(resumed.pipeline(), resumed.labels(), trainPart, validationPart, null, -1, null, null);
        }
        CacheDirectory cache = null;
        if (options.cacheDir() != null) {
            if (data == null) {
                throw new IllegalArgumentException("a cache directory needs a key of the data it caches; expected"
                        + " the train (and validation) files in a CacheKey, found none");
            }
            cache = CacheDirectory.open(options.cacheDir(), Branches.fitKey(data, labels, options, split), progress);
        }
        CacheDirectory.Fitted cached = cache == null ? null : cache.fitted();
        // The n-gram fit's rows, from which the training cache is built rather than from the text once more.
        ExampleSpill rows = cached == null && !ModelInfo.SEPCNN.equals(options.model())
                ? ExampleSpill.create(options.tempDir()) : null;
        try (rows) {
            Branches.Fitted fitted;
            if (cached != null) {
                fitted = Branches.read(new DataInputStream(new ByteArrayInputStream(cached.vectorizer())),
                        labels != null ? labels : Labels.of(cached.labels()));
            } else {
                fitted = Branches.fitVectorizer(trainPart, labels, options, progress, rows);
                if (cache != null) {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    fitted.write(new DataOutputStream(bytes));
                    cache.saveFitted(new CacheDirectory.Fitted(fitted.labels().rawLabels(), bytes.toByteArray()));
                }
            }
            return train(Branches.pipeline(fitted, options, progress), fitted.labels(), trainPart, validationPart,
                    cache, fitted.documents(), fitted.trainExamples(), rows);
        }
    }

    /**
     * Trains {@code pipeline}'s network: a checkpoint at epoch 0 (so that a kill while the caches are built does not
     * refit), then each {@link Phase} until early stopping ends it.
     *
     * @param trainSamples the training samples when the fit counted them (the cache bar's total), else -1
     * @param trainExamples the training examples as the fit vectorized them, or null to vectorize the text
     * @param release what holds them, closed once the training cache is built
     */
    private <B extends Batch> TextClassifier.FitResult train(Pipeline<B> pipeline, Labels classes,
            SampleSource trainPart, SampleSource validationPart, CacheDirectory cache, long trainSamples,
            VectorizedExamples trainExamples, Closeable release) throws IOException {
        TextClassifier classifier = new TextClassifier(classes, pipeline, null);
        Checkpoint resumeFrom = null;
        if (checkpoints != null) {
            if (checkpoints.resuming()) {
                resumeFrom = checkpoints.handOver();
            } else {
                checkpoints.save(classifier, new Checkpoint(0, Adam.forNetwork(options.adam(), pipeline.network())
                        .exportState(), EarlyStopping.State.INITIAL, List.of(), null));
            }
        }
        if (cache != null) {
            cache.reportExamples(TRAIN_CACHE, VALIDATION_CACHE);
        }
        List<Phase> phases = Phase.of(pipeline, options);
        int phase = resumeFrom == null ? 0 : Phase.resumedPhase(pipeline, phases);
        // The validation cache is built beside the training cache: each leaves most of a core idle.
        try (StepThreads threads = StepThreads.create(options.stepThreads(pipeline.model()));
                BackgroundBuild<BatchGenerator<B>> validationBuild = BackgroundBuild.start(() -> generator(pipeline,
                        validationPart, classes, false, cache, -1, progress.withoutBars()).build(),
                        "textclf-validation-cache");
                BatchGenerator<B> trainBatches = generator(pipeline, trainPart, classes, true, cache, trainSamples,
                        progress).vectorized(trainExamples).firstEpoch(resumeFrom == null ? 0 : resumeFrom.epoch())
                        .build();
                BatchGenerator<B> validationBatches = validationBuild.get()) {
            if (release != null) {
                release.close(); // the cache has them now; free the disk for the rest of the run
            }
            pipeline.useThreads(threads);
            EarlyStopping stopping = new EarlyStopping(options.monitor(), options.patience(), 0, true);
            Trainer<B> trainer = null;
            for (; phase < phases.size(); phase++) {
                Phase current = phases.get(phase);
                current.enter(pipeline, log, options.verbose());
                Trainer<B> next = new Trainer<>(pipeline.network(), current.adam(), options.seed() + 1).logTo(log);
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
                            pipeline.network()).exportState(), carried, trainer.state().history().epochs(), null));
                }
                trainer = next;
                List<Callback> all = new ArrayList<>(List.of(new TerminateOnNaN(), stopping));
                all.addAll(callbacks);
                if (checkpoints != null) {
                    // Last, so that it saves the other callbacks' state after this epoch.
                    all.add(new BackupAndRestore((state, checkpoint) -> checkpoints.save(classifier, checkpoint),
                            stopping));
                }
                trainer.fit(trainBatches, trainBatches.stepsPerEpoch(), validationBatches,
                        validationBatches.stepsPerEpoch(), all, options.epochs(), options.verbose());
            }
            pipeline.useThreads(null);
            History history = trainer.state().history();
            return new TextClassifier.FitResult(classifier, history, stopping.bestEpoch(),
                    trainer.state().stopReason(), (System.nanoTime() - start) / 1e9);
        }
    }

    private <B extends Batch> BatchGenerator.Builder<B> generator(Pipeline<B> pipeline, SampleSource source,
            Labels labels, boolean training, CacheDirectory cache, long samples, PassProgress progress) {
        BatchGenerator.Builder<B> builder = pipeline.batches(source, labels)
                .batchSize(options.batchSize(pipeline.model()))
                .shuffle(training && options.shuffle()).seed(options.seed())
                .shuffleBufferBytes(options.shuffleBufferBytes()).tempDir(options.tempDir()).progress(progress);
        if (samples >= 0) {
            builder.samples(samples);
        }
        return cache == null ? builder.cache(pipeline.rows())
                : builder.cache(pipeline.rows(), cache, training ? TRAIN_CACHE : VALIDATION_CACHE);
    }
}
