/**
 * textclf on Apache Spark. Spark is a provided dependency: the cluster (or {@code bin/textclf-spark}) supplies it.
 */
package org.textclf.spark;
