/**
 * Mini-batches: the batch generator (stepsPerEpoch, epochs cycling forever), per-epoch external shuffling with bounded memory, train/validation splits, prefetch threads, and the vectorizer interface. Uses data.
 */
package org.textclf.batch;
