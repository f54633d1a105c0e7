/**
 * textclf's fit on a Spark cluster: {@link org.textclf.spark.fit.SparkFit#fit} takes a
 * {@link org.textclf.spark.fit.SparkFitRequest} (DataFrames, columns, core's train options, a
 * {@link org.textclf.spark.fit.TrainingScheme}) and returns core's {@code api.FitResult}, whose classifier is an
 * ordinary one.
 *
 * <p>Every pass runs on the executors, one task per partition. The held-out split is the local one
 * ({@code HeldOutSplit}: mergeable per-class hash summaries, then core's thresholds). The vectorizer fit
 * ({@code VectorizerFit}) computes core's mergeable statistics per partition, sends them as their own bytes
 * ({@code Shared}) and merges them by {@code treeReduce} into exactly the local fit's vectorizer. Each partition is
 * vectorized once with the broadcast model ({@code ModelBytes}) into packed blocks ({@code ExampleBlock}) cached on
 * its executor. Training ({@code DistributedNetwork}) is core's {@code train.Trainer} over a network whose step runs
 * on the partitions: synchronous gradient averaging, or parameter averaging of weights and Adam's moments; every
 * draw is seeded by the seed, epoch, step and partition and every sum taken in partition order, so a run is a
 * function of its seed and partitioning, and a recomputed task returns what the lost one would have
 * ({@code FaultInjection} lets tests lose one). {@link org.textclf.spark.fit.StageTimes} is the one line of per-stage
 * times a fit prints. Uses core's api, branch, config, data, batch, nn, text, train, progress and explore.
 */
package org.textclf.spark.fit;
