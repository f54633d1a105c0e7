package org.textclf.spark.fit;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How the partitions train one network together (data parallelism). Both reach the single process' test accuracy
 * within 0.5 points on IMDB and AG News with 2 and 4 partitions; gradient averaging, the default, in fewer epochs
 * and less time ({@code bench/results/spark-fit-2026-12-02.md}).
 */
public enum TrainingScheme {
    /**
     * Synchronous gradient averaging, as Spark's own MLP trains: every step, the weights go to every partition, each
     * computes the gradients of its share of the global batch, the driver sums them weighted by rows and takes one
     * Adam step. The same updates as one process training on the union batch (but for each partition's own dropout
     * masks), at one Spark job per step.
     */
    GRADIENT_AVERAGING,
    /**
     * Parameter averaging, as DL4J on Spark trains: each partition trains a replica with its own Adam for
     * {@code averagingSteps} local steps on its shares of those steps' batches, then the driver averages the
     * weights and Adam's moments (weighted by the examples each replica saw) and sends them out again. One job per
     * {@code averagingSteps} steps.
     */
    PARAMETER_AVERAGING;

    /**
     * The scheme a request trains with unless it says otherwise: gradient averaging (AG News, 4 partitions: 11
     * epochs to early stopping against 19, 8-11 s an epoch against 24-33 s; IMDB, 2 partitions: 321 s against
     * 451 s; the same accuracy to 0.2 points).
     */
    public static final TrainingScheme DEFAULT = GRADIENT_AVERAGING;

    /** How the driver's {@code --scheme} and the estimator's {@code trainingScheme} spell it: the name in lowercase. */
    public String paramName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Every scheme's {@link #paramName}, in declaration order. */
    public static List<String> paramNames() {
        return Arrays.stream(values()).map(TrainingScheme::paramName).toList();
    }

    /** The scheme {@code paramName} (any case) spells; IllegalArgumentException when none. */
    public static TrainingScheme ofParamName(String paramName) {
        return valueOf(paramName.toUpperCase(Locale.ROOT));
    }
}
