package org.textclf.spark.fit;

/**
 * How the partitions train one network together (data parallelism; {@code SparkFit}'s Javadoc has the measured
 * figures behind the default).
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

    /** The scheme a request trains with unless it says otherwise. */
    public static final TrainingScheme DEFAULT = GRADIENT_AVERAGING;
}
