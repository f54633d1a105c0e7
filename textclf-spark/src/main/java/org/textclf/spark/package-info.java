/**
 * textclf on Apache Spark. Spark is a provided dependency: the cluster (or {@code bin/textclf-spark}) supplies it.
 * Here: {@link org.textclf.spark.Main}, the driver {@code spark-submit} runs ({@code train}: its arguments in
 * {@code TrainArgs}, its inputs read as DataFrames by {@code InputFrames}); {@code spark.ml} holds the Spark ML
 * stages, {@code spark.fit} the distributed fit they train with.
 */
package org.textclf.spark;
