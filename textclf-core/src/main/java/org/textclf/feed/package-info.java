/**
 * The machinery that feeds training: the batch generator (stepsPerEpoch, epochs cycling forever) built from its
 * checked options, the producer thread that reads and cuts each epoch, the vectorizer pool, the count of samples
 * per epoch, per-epoch external shuffling with bounded memory (the next epoch scattered while this one is read), the
 * record codec on reusable buffers, the stratified train/validation split (a counting pass, then per-class hash
 * thresholds), the example cache and the policy that reuses or builds
 * it before the first epoch (temporary, or kept in a {@link org.textclf.feed.CacheDirectory} under a
 * {@link org.textclf.feed.CacheKey} for the next run) and the rows spilled by a fit pass. Uses batch, data, io and
 * progress.
 */
package org.textclf.feed;
