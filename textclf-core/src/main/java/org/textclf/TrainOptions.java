package org.textclf;

import java.nio.file.Path;
import org.textclf.batch.BatchGenerator;
import org.textclf.batch.Split;
import org.textclf.nn.AdamConfig;
import org.textclf.nn.MlpConfig;
import org.textclf.text.NgramConfig;
import org.textclf.train.EarlyStopping;
import org.textclf.train.Metric;
import org.textclf.train.Trainer;

/**
 * Everything that decides how a classifier is trained, with the guide's defaults; immutable. Each default is
 * declared once, in the class that owns it, and shown by the CLI's help from there.
 *
 * @param ngram the n-gram tf-idf vectorizer and feature selection
 * @param mlp the network
 * @param adam the optimizer
 * @param batchSize examples per optimizer step
 * @param epochs the most epochs to train; early stopping usually ends sooner
 * @param patience epochs without improvement of {@code monitor} before stopping
 * @param monitor the metric early stopping watches
 * @param validationFraction the share of the training data held out when no validation data is given
 * @param seed seeds the split, the initial weights, dropout and the shuffles
 * @param shuffle whether each epoch reads the training data in a new random order
 * @param shuffleBufferBytes memory for shuffling before it spills to temp files
 * @param tempDir where temp files go, null for the system's
 * @param cacheDir where to keep the fitted vectorizer and the vectorized examples for the next run with the same
 *     data and options (see {@link org.textclf.batch.CacheDirectory}); null to use temp caches deleted after fit
 * @param verbose 0 silent, 1 progress bars, 2 one line per epoch
 * @param threads threads sharing each training step (results are identical for any count)
 */
public record TrainOptions(NgramConfig ngram, MlpConfig mlp, AdamConfig adam, int batchSize, int epochs, int patience,
        Metric monitor, double validationFraction, long seed, boolean shuffle, long shuffleBufferBytes, Path tempDir,
        Path cacheDir, int verbose, int threads) {
    public static final long DEFAULT_SEED = 42;
    /**
     * One: on 2 cores the second is better spent reading and vectorizing ahead. Measured on IMDB with
     * {@code bin/textclf train imdb --threads N}: 7.8–8.7 s with 1 thread, 9.3–9.8 s with 2; per step, 2.1 ms
     * against 2.7 ms ({@code org.textclf.nn.StepTiming}, quiet machine).
     */
    public static final int DEFAULT_THREADS = 1;
    public static final int DEFAULT_VERBOSE = 2;

    public static final TrainOptions DEFAULTS = builder().build();

    public TrainOptions {
        if (batchSize < 1 || epochs < 1 || patience < 0) {
            throw new IllegalArgumentException("expected batchSize >= 1, epochs >= 1 and patience >= 0, found "
                    + batchSize + ", " + epochs + " and " + patience);
        }
        if (verbose < 0 || verbose > 2) {
            throw new IllegalArgumentException("verbose must be 0, 1 or 2, found " + verbose);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, found " + threads);
        }
        new Split(seed, validationFraction); // validates the fraction with its own message
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().ngram(ngram).mlp(mlp).adam(adam).batchSize(batchSize).epochs(epochs).patience(patience)
                .monitor(monitor).validationFraction(validationFraction).seed(seed).shuffle(shuffle)
                .shuffleBufferBytes(shuffleBufferBytes).tempDir(tempDir).cacheDir(cacheDir).verbose(verbose).threads(threads);
    }

    public static final class Builder {
        private NgramConfig ngram = NgramConfig.DEFAULT;
        private MlpConfig mlp = MlpConfig.DEFAULTS;
        private AdamConfig adam = AdamConfig.DEFAULTS;
        private int batchSize = BatchGenerator.DEFAULT_BATCH_SIZE;
        private int epochs = Trainer.DEFAULT_EPOCHS;
        private int patience = EarlyStopping.DEFAULT_PATIENCE;
        private Metric monitor = EarlyStopping.DEFAULT_MONITOR;
        private double validationFraction = Split.DEFAULT_VALIDATION_FRACTION;
        private long seed = DEFAULT_SEED;
        private boolean shuffle = true;
        private long shuffleBufferBytes = BatchGenerator.DEFAULT_SHUFFLE_BUFFER_BYTES;
        private Path tempDir;
        private Path cacheDir;
        private int verbose = DEFAULT_VERBOSE;
        private int threads = DEFAULT_THREADS;

        public Builder ngram(NgramConfig ngram) {
            this.ngram = ngram;
            return this;
        }

        public Builder mlp(MlpConfig mlp) {
            this.mlp = mlp;
            return this;
        }

        public Builder adam(AdamConfig adam) {
            this.adam = adam;
            return this;
        }

        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        public Builder epochs(int epochs) {
            this.epochs = epochs;
            return this;
        }

        public Builder patience(int patience) {
            this.patience = patience;
            return this;
        }

        public Builder monitor(Metric monitor) {
            this.monitor = monitor;
            return this;
        }

        public Builder validationFraction(double validationFraction) {
            this.validationFraction = validationFraction;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder shuffle(boolean shuffle) {
            this.shuffle = shuffle;
            return this;
        }

        public Builder shuffleBufferBytes(long shuffleBufferBytes) {
            this.shuffleBufferBytes = shuffleBufferBytes;
            return this;
        }

        public Builder tempDir(Path tempDir) {
            this.tempDir = tempDir;
            return this;
        }

        public Builder cacheDir(Path cacheDir) {
            this.cacheDir = cacheDir;
            return this;
        }

        public Builder verbose(int verbose) {
            this.verbose = verbose;
            return this;
        }

        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        public TrainOptions build() {
            return new TrainOptions(ngram, mlp, adam, batchSize, epochs, patience, monitor, validationFraction, seed,
                    shuffle, shuffleBufferBytes, tempDir, cacheDir, verbose, threads);
        }
    }
}
