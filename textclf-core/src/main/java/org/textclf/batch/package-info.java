/**
 * Mini-batches: the batch generator (stepsPerEpoch, epochs cycling forever), per-epoch external shuffling with bounded memory (the next epoch scattered while this one is read), the record codec on reusable buffers, temp files deleted at JVM exit, train/validation splits, prefetch threads, the vectorizer interface, the example cache (temporary, or kept in a {@link org.textclf.batch.CacheDirectory} under a {@link org.textclf.batch.CacheKey} for the next run), and the progress bars of the passes before training. Uses data.
 */
package org.textclf.batch;
