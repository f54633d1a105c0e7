package org.textclf;

import java.nio.file.Path;
import org.textclf.feed.BatchGenerator;
import org.textclf.feed.Split;
import org.textclf.nn.AdamConfig;
import org.textclf.nn.MlpConfig;
import org.textclf.nn.SepCnnConfig;
import org.textclf.text.NgramConfig;
import org.textclf.text.SequenceConfig;
import org.textclf.train.EarlyStopping;
import org.textclf.train.Metric;
import org.textclf.train.Trainer;

/**
 * Everything that decides how a classifier is trained, with the guide's defaults; immutable. Each default is
 * declared once, in the class that owns it, and shown by the CLI's help from there.
 *
 * @param model the branch: {@value #AUTO} (the guide's choice by S/W, measured in the first pass),
 *     {@code mlp} or {@code sepcnn}
 * @param ngram the n-gram tf-idf vectorizer and feature selection (mlp)
 * @param mlp the n-gram branch's network
 * @param sequence the sequence vectorizer (sepcnn)
 * @param sepCnn the sequence branch's network
 * @param embeddings pretrained word vectors for the sepCNN (fastText .vec or GloVe .txt, gzip too), or null; with
 *     {@code auto} they are used when the guide recommends them (S/W below 15,000)
 * @param fineTuneLearningRate the learning rate once a pretrained embedding is unfrozen
 * @param adam the optimizer
 * @param batchSize examples per optimizer step, or {@value #AUTO_BATCH_SIZE} for the branch's default
 *     ({@link #batchSize(String)})
 * @param epochs the most epochs to train; early stopping usually ends sooner
 * @param patience epochs without improvement of {@code monitor} before stopping
 * @param monitor the metric early stopping watches
 * @param validationFraction the share of the training data held out when no validation data is given
 * @param seed seeds the split, the initial weights, dropout and the shuffles
 * @param shuffle whether each epoch reads the training data in a new random order
 * @param shuffleBufferBytes memory for shuffling before it spills to temp files
 * @param tempDir where temp files go, null for the system's
 * @param cacheDir where to keep the fitted vectorizer and the vectorized examples for the next run with the same
 *     data and options (see {@link org.textclf.feed.CacheDirectory}); null to use temp caches deleted after fit
 * @param verbose 0 silent, 1 progress bars, 2 one line per epoch
 * @param threads threads sharing each training step (results do not depend on it), or {@value #AUTO_THREADS} for
 *     the branch's measured best ({@link #stepThreads})
 */
public record TrainOptions(String model, NgramConfig ngram, MlpConfig mlp, SequenceConfig sequence,
        SepCnnConfig sepCnn, Path embeddings, float fineTuneLearningRate, AdamConfig adam, int batchSize, int epochs,
        int patience,
        Metric monitor, double validationFraction, long seed, boolean shuffle, long shuffleBufferBytes, Path tempDir,
        Path cacheDir, int verbose, int threads) {
    public static final long DEFAULT_SEED = 42;
    /** {@link #batchSize()} value that lets each branch use its own default; see {@link #batchSize(String)}. */
    public static final int AUTO_BATCH_SIZE = 0;
    /**
     * The sepCNN's default examples per step. On SST-2 (train -> dev, {@code bin/textclf train sst2 --batch-size N
     * --seed S}) the guide's 128 reached 0.807 and 0.817 (seeds 42 and 7), 32 reached 0.830, 0.819 and 0.807 (seeds
     * 42, 7 and 1): four times the updates per epoch, each noisier, for a model that overfits SST-2's phrases within
     * three epochs. The spread between seeds is as large as the gain, which is why both figures are given.
     */
    public static final int SEPCNN_BATCH_SIZE = 32;

    /** {@link #threads()} value that lets each branch use its measured best; see {@link #stepThreads}. */
    public static final int AUTO_THREADS = 0;
    public static final int DEFAULT_THREADS = AUTO_THREADS;
    public static final int DEFAULT_VERBOSE = 2;

    /** The model name that lets the first pass choose by the guide's S/W rule. */
    public static final String AUTO = "auto";
    /**
     * A tenth of Adam's default: the pretrained vectors are already good, and large steps would undo them before the
     * rest of the network has adapted to them.
     */
    public static final float DEFAULT_FINE_TUNE_LEARNING_RATE = 1e-4f;

    public static final TrainOptions DEFAULTS = builder().build();

    public TrainOptions {
        if (!AUTO.equals(model) && !ModelInfo.MLP.equals(model) && !ModelInfo.SEPCNN.equals(model)) {
            throw new IllegalArgumentException("model must be " + AUTO + ", " + ModelInfo.MLP + " or "
                    + ModelInfo.SEPCNN + ", found " + model);
        }
        if (!(fineTuneLearningRate > 0f) || Float.isInfinite(fineTuneLearningRate)) {
            throw new IllegalArgumentException("fineTuneLearningRate must be a finite number greater than 0; found "
                    + fineTuneLearningRate);
        }
        if (batchSize < 0 || epochs < 1 || patience < 0) {
            throw new IllegalArgumentException("expected batchSize >= 1 (or 0 for the branch's default), epochs >= 1"
                    + " and patience >= 0, found "
                    + batchSize + ", " + epochs + " and " + patience);
        }
        if (verbose < 0 || verbose > 2) {
            throw new IllegalArgumentException("verbose must be 0, 1 or 2, found " + verbose);
        }
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be at least 1, or 0 for the branch's best; found "
                    + threads);
        }
        new Split(seed, validationFraction); // validates the fraction with its own message
    }

    /**
     * The examples per step for {@code model}: {@link #batchSize()}, or with {@value #AUTO_BATCH_SIZE} the guide's
     * 128 for the MLP and {@value #SEPCNN_BATCH_SIZE} for the sepCNN (measured better on SST-2, see
     * {@link #SEPCNN_BATCH_SIZE}).
     */
    public int batchSize(String model) {
        if (batchSize != AUTO_BATCH_SIZE) {
            return batchSize;
        }
        return ModelInfo.SEPCNN.equals(model) ? SEPCNN_BATCH_SIZE : BatchGenerator.DEFAULT_BATCH_SIZE;
    }

    /**
     * The threads a training step of {@code model} uses: {@link #threads()}, or with {@value #AUTO_THREADS} two for
     * the sepCNN, whose steps are long and compute-bound (1.5x faster on this project's 2 cores), and one for the MLP,
     * whose steps are so short (~2 ms) that the second core is better spent reading and vectorizing ahead. Two, not
     * one per core: the sepCNN sums its threads' gradients, so its results follow the thread count (to float
     * rounding), and a default must give the same figures on every machine.
     */
    public int stepThreads(String model) {
        if (threads != AUTO_THREADS) {
            return threads;
        }
        return ModelInfo.SEPCNN.equals(model) ? 2 : 1;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().model(model).ngram(ngram).mlp(mlp).sequence(sequence).sepCnn(sepCnn)
                .embeddings(embeddings).fineTuneLearningRate(fineTuneLearningRate).adam(adam)
                .batchSize(batchSize).epochs(epochs).patience(patience)
                .monitor(monitor).validationFraction(validationFraction).seed(seed).shuffle(shuffle)
                .shuffleBufferBytes(shuffleBufferBytes).tempDir(tempDir).cacheDir(cacheDir).verbose(verbose).threads(threads);
    }

    public static final class Builder {
        private String model = AUTO;
        private NgramConfig ngram = NgramConfig.DEFAULT;
        private MlpConfig mlp = MlpConfig.DEFAULTS;
        private SequenceConfig sequence = SequenceConfig.DEFAULTS;
        private SepCnnConfig sepCnn = SepCnnConfig.DEFAULTS;
        private Path embeddings;
        private float fineTuneLearningRate = DEFAULT_FINE_TUNE_LEARNING_RATE;
        private AdamConfig adam = AdamConfig.DEFAULTS;
        private int batchSize = AUTO_BATCH_SIZE;
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

        public Builder model(String model) {
            this.model = model;
            return this;
        }

        public Builder sequence(SequenceConfig sequence) {
            this.sequence = sequence;
            return this;
        }

        public Builder sepCnn(SepCnnConfig sepCnn) {
            this.sepCnn = sepCnn;
            return this;
        }

        public Builder embeddings(Path embeddings) {
            this.embeddings = embeddings;
            return this;
        }

        public Builder fineTuneLearningRate(float fineTuneLearningRate) {
            this.fineTuneLearningRate = fineTuneLearningRate;
            return this;
        }

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
            return new TrainOptions(model, ngram, mlp, sequence, sepCnn, embeddings, fineTuneLearningRate, adam,
                    batchSize, epochs, patience, monitor, validationFraction, seed, shuffle, shuffleBufferBytes,
                    tempDir, cacheDir, verbose, threads);
        }
    }
}
