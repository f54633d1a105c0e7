package org.textclf.cli;

import org.textclf.config.ClassWeights;
import org.textclf.config.FitConfig;
import org.textclf.config.LinearBranchConfig;
import org.textclf.config.MlpBranchConfig;
import org.textclf.config.SepCnnBranchConfig;
import org.textclf.feed.CacheKey;
import org.textclf.feed.Split;
import org.textclf.nn.AdamConfig;
import org.textclf.train.EarlyStopping;
import org.textclf.train.Metric;
import org.textclf.train.Trainer;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The options every branch's training shares: the optimizer, batches, epochs, early stopping, split and seed. */
final class FitOptions {

    @Option(names = "--epochs", converter = Ranges.AtLeastOne.class, defaultValue = "" + Trainer.DEFAULT_EPOCHS,
            description = "The most epochs; early stopping usually ends sooner (default: ${DEFAULT-VALUE}).")
    int epochs;

    // No defaultValue: the field's sentinel lets the branch choose, and the help says what it chooses.
    @Option(names = "--batch-size", paramLabel = "N", converter = Ranges.AtLeastOne.class,
            description = "Examples per step (default: chosen by the branch, the guide's "
                    + MlpBranchConfig.DEFAULT_BATCH_SIZE + " for the n-gram models, "
                    + SepCnnBranchConfig.DEFAULT_BATCH_SIZE + " for the sepcnn).")
    int batchSize = FitConfig.BRANCH_BATCH_SIZE;

    @Option(names = "--learning-rate", paramLabel = "RATE", converter = Ranges.Positive.class,
            description = "Adam's learning rate (default: chosen by the branch, " + AdamConfig.DEFAULT_LEARNING_RATE
                    + " (Keras') for the mlp and sepcnn, " + LinearBranchConfig.DEFAULT_LEARNING_RATE
                    + " for the linear model).")
    float learningRate = FitConfig.BRANCH_LEARNING_RATE;

    @Option(names = "--patience", converter = Ranges.AtLeastZero.class, defaultValue = "" + EarlyStopping.DEFAULT_PATIENCE,
            description = "Epochs without improvement before stopping (default: ${DEFAULT-VALUE}).")
    int patience;

    @Option(names = "--monitor", paramLabel = "METRIC", defaultValue = EarlyStopping.DEFAULT_MONITOR_KEY,
            converter = MonitorConverter.class,
            description = "What early stopping watches: val_loss or val_accuracy (default: ${DEFAULT-VALUE}).")
    Metric monitor;

    @Option(names = "--validation-fraction", paramLabel = "F", converter = Ranges.Fraction.class,
            defaultValue = "" + Split.DEFAULT_VALIDATION_FRACTION,
            description = "The share of TRAIN held out for validation when --val is not given (default:"
                    + " ${DEFAULT-VALUE}).")
    double validationFraction;

    @Option(names = "--seed", defaultValue = "" + FitConfig.DEFAULT_SEED,
            description = "Seeds the split, weights, dropout and shuffles (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--no-shuffle", description = "Read the training data in file order every epoch.")
    boolean noShuffle;

    @Option(names = "--class-weight", paramLabel = "WEIGHTS", converter = ClassWeightsConverter.class,
            defaultValue = "none",
            description = "How much each class weighs in the loss: none; balanced, n_samples / (n_classes *"
                    + " count_c) over the training part (scikit-learn's); or CLASS=WEIGHT,... by label or name,"
                    + " others 1 (e.g. World=2,Sports=1). Weighs the validation loss too (default: ${DEFAULT-VALUE}).")
    ClassWeights classWeights;

    /** {@link ClassWeights#parse}, its message the usage error's. */
    static final class ClassWeightsConverter extends ParsedBy<ClassWeights> {
        ClassWeightsConverter() {
            super(ClassWeights::parse);
        }
    }

    /** A validation metric early stopping can watch. */
    static final class MonitorConverter implements ITypeConverter<Metric> {
        @Override
        public Metric convert(String key) {
            for (Metric metric : Metric.values()) {
                if (metric.isValidation() && metric.key().equals(key.strip())) {
                    return metric;
                }
            }
            throw new TypeConversionException("expected one of val_loss, val_accuracy, found '" + key + "'");
        }
    }

    /** Names the cache key's parts these options decide as the options, for the message of what changed. */
    static void nameKeyParts(CacheKey.Builder key) {
        key.alias("split.seed", "--seed").alias("split.validationFraction", "--validation-fraction");
    }

    FitConfig config() {
        return FitConfig.builder().learningRate(learningRate).batchSize(batchSize)
                .epochs(epochs).patience(patience).monitor(monitor).validationFraction(validationFraction).seed(seed)
                .shuffle(!noShuffle).classWeights(classWeights).build();
    }
}
