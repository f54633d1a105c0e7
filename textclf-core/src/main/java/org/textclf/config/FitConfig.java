package org.textclf.config;

import java.util.Objects;
import org.textclf.feed.Split;
import org.textclf.nn.AdamConfig;
import org.textclf.train.EarlyStopping;
import org.textclf.train.Metric;
import org.textclf.train.Trainer;

/**
 * How any branch's network is fitted: the optimizer, the batches, the epochs and early stopping, the validation
 * split and the seed. Each default is declared once, in the class that owns it.
 *
 * @param learningRate Adam's learning rate, or {@value #BRANCH_LEARNING_RATE} for the branch's own default (Adam's
 *     other hyperparameters are Keras' defaults, {@link AdamConfig#DEFAULTS})
 * @param batchSize examples per optimizer step, or {@value #BRANCH_BATCH_SIZE} for the branch's own default
 * @param epochs the most epochs to train; early stopping usually ends sooner
 * @param patience epochs without improvement of {@code monitor} before stopping
 * @param monitor the validation metric early stopping watches
 * @param validationFraction the share of the training data held out when no validation data is given
 * @param seed seeds the split, the initial weights, dropout and the shuffles
 * @param shuffle whether each epoch reads the training data in a new random order
 * @param classWeights how much each class's examples weigh in the training and validation loss (null, as in
 *     checkpoints written before it, is {@link ClassWeights#NONE})
 */
public record FitConfig(float learningRate, int batchSize, int epochs, int patience, Metric monitor,
        double validationFraction, long seed, boolean shuffle, ClassWeights classWeights) {
    public static final long DEFAULT_SEED = 42;
    /** {@link #batchSize()} value that lets each branch use its own default. */
    public static final int BRANCH_BATCH_SIZE = 0;
    /** {@link #learningRate()} value that lets each branch use its own default. */
    public static final float BRANCH_LEARNING_RATE = 0f;

    public static final FitConfig DEFAULTS = builder().build();

    public FitConfig {
        if (!(learningRate >= 0f) || Float.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be a finite number greater than 0, or "
                    + BRANCH_LEARNING_RATE + " for the branch's default; found " + learningRate);
        }
        Objects.requireNonNull(monitor, "monitor");
        classWeights = classWeights == null ? ClassWeights.NONE : classWeights;
        if (batchSize < 0) {
            throw new IllegalArgumentException("batchSize must be at least 1, or " + BRANCH_BATCH_SIZE
                    + " for the branch's default; found " + batchSize);
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1; found " + epochs);
        }
        if (patience < 0) {
            throw new IllegalArgumentException("patience must be at least 0; found " + patience);
        }
        if (!monitor.isValidation()) {
            throw new IllegalArgumentException("monitor must be a validation metric (val_loss or val_accuracy);"
                    + " found " + monitor.key());
        }
        new Split(seed, validationFraction); // validates the fraction with its own message
    }

    /** Adam with {@link #learningRate()}, or the branch's default learning rate. */
    public AdamConfig adam(float branchDefault) {
        return AdamConfig.DEFAULTS.withLearningRate(learningRate == BRANCH_LEARNING_RATE ? branchDefault
                : learningRate);
    }

    /** The examples per step: {@link #batchSize()}, or the branch's default. */
    public int batchSize(int branchDefault) {
        return batchSize == BRANCH_BATCH_SIZE ? branchDefault : batchSize;
    }

    /** The split that holds out {@link #validationFraction()} of the training data. */
    public Split split() {
        return new Split(seed, validationFraction);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().learningRate(learningRate).batchSize(batchSize).epochs(epochs).patience(patience)
                .monitor(monitor)
                .validationFraction(validationFraction).seed(seed).shuffle(shuffle).classWeights(classWeights);
    }

    /** Starts from the defaults; {@link #build()} validates. */
    public static final class Builder {
        private float learningRate = BRANCH_LEARNING_RATE;
        private int batchSize = BRANCH_BATCH_SIZE;
        private int epochs = Trainer.DEFAULT_EPOCHS;
        private int patience = EarlyStopping.DEFAULT_PATIENCE;
        private Metric monitor = EarlyStopping.DEFAULT_MONITOR;
        private double validationFraction = Split.DEFAULT_VALIDATION_FRACTION;
        private long seed = DEFAULT_SEED;
        private boolean shuffle = true;
        private ClassWeights classWeights = ClassWeights.NONE;

        public Builder learningRate(float learningRate) {
            this.learningRate = learningRate;
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

        public Builder classWeights(ClassWeights classWeights) {
            this.classWeights = classWeights;
            return this;
        }

        public FitConfig build() {
            return new FitConfig(learningRate, batchSize, epochs, patience, monitor, validationFraction, seed, shuffle,
                    classWeights);
        }
    }
}
