/**
 * One training run, the same for every branch: the held-out split, the vectorizer fitted or reused from a cache
 * directory or a checkpoint, the network trained through its branch's phases with early stopping, checkpoints at
 * every epoch's end ({@link org.textclf.fit.CheckpointFile}). Returns a {@link org.textclf.fit.FitOutcome}, never a
 * classifier. Uses model, branch, config, feed, progress, train, nn, io, text, batch and data.
 */
package org.textclf.fit;
