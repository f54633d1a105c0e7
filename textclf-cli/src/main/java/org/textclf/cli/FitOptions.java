package org.textclf.cli;

import org.textclf.config.FitConfig;
import org.textclf.config.LinearBranchConfig;
import org.textclf.config.MlpBranchConfig;
import org.textclf.config.SepCnnBranchConfig;
import org.textclf.feed.Split;
import org.textclf.nn.AdamConfig;
import org.textclf.train.EarlyStopping;
import org.textclf.train.Metric;
import org.textclf.train.Trainer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The options every branch's training shares: the optimizer, batches, epochs, early stopping, split and seed. */
final class FitOptions {

    @Option(names = "--epochs", defaultValue = "" + Trainer.DEFAULT_EPOCHS,
            description = "The most epochs; early stopping usually ends sooner (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch-size", defaultValue = "" + FitConfig.BRANCH_BATCH_SIZE,
            description = "Examples per step; 0: the branch's default, the guide's "
                    + MlpBranchConfig.DEFAULT_BATCH_SIZE + " for the n-gram models, "
                    + SepCnnBranchConfig.DEFAULT_BATCH_SIZE + " for the sepcnn (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--learning-rate", defaultValue = "" + FitConfig.BRANCH_LEARNING_RATE,
            description = "Adam's learning rate; 0: the branch's default, " + AdamConfig.DEFAULT_LEARNING_RATE
                    + " (Keras') for the mlp and sepcnn, " + LinearBranchConfig.DEFAULT_LEARNING_RATE
                    + " for the linear model (default: ${DEFAULT-VALUE}).")
    float learningRate;

    @Option(names = "--patience", defaultValue = "" + EarlyStopping.DEFAULT_PATIENCE,
            description = "Epochs without improvement before stopping (default: ${DEFAULT-VALUE}).")
    int patience;

    @Option(names = "--monitor", paramLabel = "METRIC", defaultValue = EarlyStopping.DEFAULT_MONITOR_KEY,
            description = "What early stopping watches: val_loss or val_accuracy (default: ${DEFAULT-VALUE}).")
    String monitor;

    @Option(names = "--validation-fraction", paramLabel = "F", defaultValue = "" + Split.DEFAULT_VALIDATION_FRACTION,
            description = "The share of TRAIN held out for validation when --val is not given (default:"
                    + " ${DEFAULT-VALUE}).")
    double validationFraction;

    @Option(names = "--seed", defaultValue = "" + FitConfig.DEFAULT_SEED,
            description = "Seeds the split, weights, dropout and shuffles (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--no-shuffle", description = "Read the training data in file order every epoch.")
    boolean noShuffle;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    FitConfig config() {
        Metric metric;
        try {
            metric = Metric.parse(monitor);
        } catch (IllegalArgumentException e) {
            metric = null;
        }
        if (metric == null || !metric.isValidation()) {
            throw new ParameterException(spec.commandLine(), "--monitor must be val_loss or val_accuracy, found "
                    + monitor);
        }
        return FitConfig.builder().learningRate(learningRate).batchSize(batchSize)
                .epochs(epochs).patience(patience).monitor(metric).validationFraction(validationFraction).seed(seed)
                .shuffle(!noShuffle).build();
    }
}
