package org.textclf.config;

import java.nio.file.Path;
import org.textclf.feed.BatchGenerator;

/**
 * Where and how a run happens, as opposed to what it learns: nothing here changes a trained model (the step threads
 * only to float rounding, for the sepCNN), so none of it is part of a model's provenance.
 *
 * @param tempDir where temp files go, null for the system's
 * @param cacheDir where to keep the fitted vectorizer and the vectorized examples for the next run with the same
 *     data and options ({@code feed.CacheDirectory}); null for temp caches deleted after the fit
 * @param verbose Keras': 0 silent, 1 every pass's and epoch's progress (bars, where the listener draws them), 2 one
 *     line per pass and epoch
 * @param threads threads sharing each training step, or {@value #BRANCH_THREADS} for the branch's measured best
 * @param feedThreads threads vectorizing batches ahead of the training thread, or {@value #ALL_PROCESSORS} for one
 *     per processor; a caller running several fits side by side divides the machine between them here
 * @param shuffleBufferBytes memory for shuffling each epoch before it spills to temp files
 */
public record RunEnvironment(Path tempDir, Path cacheDir, int verbose, int threads, int feedThreads,
        long shuffleBufferBytes) {
    /** {@link #threads()} value that lets each branch use its measured best. */
    public static final int BRANCH_THREADS = 0;
    /** {@link #feedThreads()} value for one thread per available processor. */
    public static final int ALL_PROCESSORS = 0;
    public static final int DEFAULT_VERBOSE = 2;

    public static final RunEnvironment DEFAULTS = new RunEnvironment(null, null, DEFAULT_VERBOSE, BRANCH_THREADS,
            ALL_PROCESSORS, BatchGenerator.DEFAULT_SHUFFLE_BUFFER_BYTES);

    public RunEnvironment {
        if (verbose < 0 || verbose > 2) {
            throw new IllegalArgumentException("verbose must be 0, 1 or 2; found " + verbose);
        }
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be at least 1, or " + BRANCH_THREADS
                    + " for the branch's best; found " + threads);
        }
        if (feedThreads < 0) {
            throw new IllegalArgumentException("feedThreads must be at least 1, or " + ALL_PROCESSORS
                    + " for one per processor; found " + feedThreads);
        }
        if (shuffleBufferBytes < 1) {
            throw new IllegalArgumentException("shuffleBufferBytes must be at least 1; found " + shuffleBufferBytes);
        }
    }

    /** The threads of a training step: {@link #threads()}, or the branch's best. */
    public int stepThreads(int branchDefault) {
        return threads == BRANCH_THREADS ? branchDefault : threads;
    }

    /** The vectorizing threads of a batch generator. */
    public int vectorizerThreads() {
        return feedThreads == ALL_PROCESSORS ? Runtime.getRuntime().availableProcessors() : feedThreads;
    }

    public RunEnvironment withTempDir(Path tempDir) {
        return new RunEnvironment(tempDir, cacheDir, verbose, threads, feedThreads, shuffleBufferBytes);
    }

    public RunEnvironment withCacheDir(Path cacheDir) {
        return new RunEnvironment(tempDir, cacheDir, verbose, threads, feedThreads, shuffleBufferBytes);
    }

    public RunEnvironment withVerbose(int verbose) {
        return new RunEnvironment(tempDir, cacheDir, verbose, threads, feedThreads, shuffleBufferBytes);
    }

    public RunEnvironment withThreads(int threads) {
        return new RunEnvironment(tempDir, cacheDir, verbose, threads, feedThreads, shuffleBufferBytes);
    }

    public RunEnvironment withFeedThreads(int feedThreads) {
        return new RunEnvironment(tempDir, cacheDir, verbose, threads, feedThreads, shuffleBufferBytes);
    }

    public RunEnvironment withShuffleBufferBytes(long shuffleBufferBytes) {
        return new RunEnvironment(tempDir, cacheDir, verbose, threads, feedThreads, shuffleBufferBytes);
    }
}
