/**
 * textclf as a Spark ML stage: the {@link org.textclf.spark.ml.TextClfClassifier} estimator, whose fit trains on
 * the executors ({@code spark.fit.SparkFit}), and the {@link org.textclf.spark.ml.TextClfClassificationModel} it
 * returns, which scores a DataFrame per partition in batches from one broadcast model file and is saved as Spark's
 * metadata beside an unchanged textclf model file. Uses core's api, config and branch, and spark.fit.
 */
package org.textclf.spark.ml;
