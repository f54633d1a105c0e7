package org.textclf.config;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Everything that decides a training run, in three parts: the model family's hyperparameters ({@link #branch()}),
 * how its network is fitted ({@link #fit()}) and where the run happens ({@link #environment()}). Immutable; each
 * default is declared once, in the record that owns it, and shown by the CLI's help from there.
 */
public record TrainOptions(BranchConfig branch, FitConfig fit, RunEnvironment environment) {
    /** The guide's choice of branch by S/W, each branch and the fit with their defaults. */
    public static final TrainOptions DEFAULTS = new TrainOptions(AutoBranchConfig.DEFAULTS, FitConfig.DEFAULTS,
            RunEnvironment.DEFAULTS);

    public TrainOptions {
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(fit, "fit");
        Objects.requireNonNull(environment, "environment");
    }

    /** The defaults for {@code branch}. */
    public static TrainOptions of(BranchConfig branch) {
        return DEFAULTS.withBranch(branch);
    }

    public TrainOptions withBranch(BranchConfig branch) {
        return new TrainOptions(branch, fit, environment);
    }

    public TrainOptions withFit(FitConfig fit) {
        return new TrainOptions(branch, fit, environment);
    }

    public TrainOptions withEnvironment(RunEnvironment environment) {
        return new TrainOptions(branch, fit, environment);
    }

    /** These options with the fit changed, e.g. {@code withFit(f -> f.epochs(30))}. */
    public TrainOptions withFit(UnaryOperator<FitConfig.Builder> change) {
        return withFit(change.apply(fit.toBuilder()).build());
    }

    /** These options with the environment changed, e.g. {@code withEnvironment(e -> e.withVerbose(0))}. */
    public TrainOptions withEnvironment(UnaryOperator<RunEnvironment> change) {
        return withEnvironment(change.apply(environment));
    }
}
