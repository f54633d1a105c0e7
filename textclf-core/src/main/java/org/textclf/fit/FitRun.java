package org.textclf.fit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.textclf.batch.Batch;
import org.textclf.branch.Branch;
import org.textclf.branch.Branches;
import org.textclf.branch.FitContext;
import org.textclf.branch.Fitted;
import org.textclf.branch.FittedModel;
import org.textclf.branch.ModelBranch;
import org.textclf.config.BranchConfig;
import org.textclf.config.TrainOptions;
import org.textclf.data.Labels;
import org.textclf.data.SampleSource;
import org.textclf.feed.CacheDirectory;
import org.textclf.feed.CacheKey;
import org.textclf.feed.SplitParts;
import org.textclf.progress.PassProgress;
import org.textclf.progress.ProgressListener;
import org.textclf.text.FirstPass;
import org.textclf.train.Callback;

/**
 * One training run: the held-out split, the vectorizer (fitted, or taken from the cache directory or the checkpoint
 * being resumed), a new network, then {@link Phases} of training from shuffled cached batches with early stopping,
 * checkpointed at every epoch's end when asked.
 */
public final class FitRun {
    private final TrainOptions options;
    private final List<Callback> callbacks;
    private final PassProgress progress;
    private final CheckpointFile checkpoints;

    private FitRun(TrainOptions options, List<Callback> callbacks, ProgressListener listener,
            CheckpointFile checkpoints) {
        this.options = options;
        this.callbacks = callbacks;
        this.progress = PassProgress.of(listener, options.environment().verbose());
        this.checkpoints = checkpoints;
    }

    /**
     * Trains as {@code options} say.
     *
     * @param validation validation data, or null to hold out {@code options.fit().validationFraction()} of train
     * @param labels the classes, or null to collect them in the fit's first pass
     * @param progress where the run's progress goes, at {@code options}' verbosity
     * @param data the cache key of what the sources read; required with a cache directory, else ignored
     * @param checkpoints where checkpoints go and the one to resume from (whose options are then used), or null;
     *     its folder is released when the run ends
     */
    public static FitOutcome run(SampleSource train, SampleSource validation, Labels labels, TrainOptions options,
            List<Callback> callbacks, ProgressListener progress, CacheKey data, CheckpointFile checkpoints)
            throws IOException {
        boolean resuming = checkpoints != null && checkpoints.resuming();
        FitRun run = new FitRun(resuming ? checkpoints.run().options() : options, callbacks, progress, checkpoints);
        try {
            if (validation != null) {
                return run.run(train, validation, labels, data, null);
            }
            try (SplitParts parts = new SplitParts(run.options.fit().split(), train,
                    run.options.environment().tempDir())) {
                return run.run(parts.train(), parts.validation(), labels, data, parts);
            }
        } finally {
            if (checkpoints != null) {
                checkpoints.close(); // the run is over: its checkpoint folder is free for the next one
            }
        }
    }

    /**
     * @param split the split the two parts come from (its classes are the whole source's, so the fit need not
     *     collect them), or null for validation data of its own
     */
    private FitOutcome run(SampleSource trainPart, SampleSource validationPart, Labels labels, CacheKey data,
            SplitParts split) throws IOException {
        Branch requested = Branches.of(options.branch());
        Phases phases = new Phases(options, callbacks, progress, checkpoints);
        CacheDirectory cache = null;
        if (options.environment().cacheDir() != null) {
            if (data == null) {
                throw new IllegalArgumentException("a cache directory needs a key of the data it caches; expected"
                        + " the train (and validation) files in a CacheKey, found none");
            }
            cache = CacheDirectory.open(options.environment().cacheDir(), fitKey(requested, data, labels,
                    split != null), progress);
        }
        CacheDirectory.Fitted cached = cache == null ? null : cache.fitted();
        if (checkpoints != null && checkpoints.resuming()) {
            FittedModel<?> resumed = checkpoints.model();
            // The cached examples are the checkpoint's only when its vectorizer is the cached one, byte for byte
            // (a tune continuing a trial, or a resume with the same --cache-dir); else they are vectorized anew.
            BranchConfig part = requested.partFor(options.branch(), resumed.branch());
            CacheDirectory examples = cached != null && Arrays.equals(cached.vectorizer(), write(resumed, part))
                    ? cache : null;
            return phases.train(resumed, part, trainPart,
                    split == null ? resumed.labels().restrict(validationPart) : validationPart, examples, -1, null,
                    null);
        }
        Fitted<?> fitted = cached != null ? readCached(requested, cached, labels)
                : requested.fit(options.branch(), new FitContext(trainPart, labels != null || split == null ? labels
                        : split.labels(), options.environment().tempDir(), progress, FirstPass.NONE)).orElseThrow(
                                () -> new IllegalStateException(requested.name() + " stopped its own fit"));
        try (fitted) {
            if (cached == null && cache != null) {
                cache.saveFitted(new CacheDirectory.Fitted(fitted.labels().rawLabels(), write(fitted)));
            }
            // Validation data of its own may hold a class training lacks: a bad record of that file, skipped when it
            // skips them. A held-out part's classes are training's.
            return train(fitted, phases, trainPart, split == null ? fitted.labels().restrict(validationPart)
                    : validationPart, cache);
        }
    }

    private <B extends Batch> FitOutcome train(Fitted<B> fitted, Phases phases, SampleSource trainPart,
            SampleSource validationPart, CacheDirectory cache) throws IOException {
        return phases.train(fitted.branch().newModel(fitted, options.fit().seed(), progress::line), fitted.config(),
                trainPart, validationPart, cache, fitted.documents(), fitted.trainExamples(), fitted);
    }

    /** The data's key plus everything that decides the fit: the branch and its options, the classes, the split. */
    private CacheKey fitKey(Branch branch, CacheKey data, Labels labels, boolean split) {
        CacheKey.Builder key = data.toBuilder().put("model", branch.name());
        branch.fitKey(options.branch(), key);
        key.put("labels", labels == null ? "collected" : labels.rawLabels())
                .put("split", split ? "stratified" : "validation data");
        if (split) {
            key.fields("split", options.fit().split());
        }
        return key.build();
    }

    /** A resumed model's vectorizer as {@link #write(Fitted)} caches it. */
    private static <B extends Batch> byte[] write(FittedModel<B> model, BranchConfig config) throws IOException {
        return write(Fitted.of(model.branch(), config, model.labels(), model.vectorizer()));
    }

    /** A cached vectorizer: the name of the branch that fitted it, then the branch's own bytes. */
    private static <B extends Batch> byte[] write(Fitted<B> fitted) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeUTF(fitted.branch().name());
        fitted.branch().writeFitted(fitted, out);
        out.flush();
        return bytes.toByteArray();
    }

    private Fitted<?> readCached(Branch requested, CacheDirectory.Fitted cached, Labels labels)
            throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(cached.vectorizer()));
        try {
            ModelBranch<?> branch = Branches.model(in.readUTF());
            BranchConfig config = requested.partFor(options.branch(), branch);
            return branch.readFitted(in, config, labels != null ? labels : Labels.of(cached.labels()));
        } catch (IOException | RuntimeException e) {
            // Its checksum held, so the file was written so: by another textclf, or by hand.
            throw new IOException(options.environment().cacheDir().resolve(CacheDirectory.VECTORIZER_FILE)
                    + ": the cached vectorizer cannot be read (" + (e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse(""))
                    + "); delete it and the run fits the vectorizer again", e);
        }
    }
}
