/**
 * Batch and example types only: {@link org.textclf.batch.Batch} and its sparse and sequence forms, the
 * {@link org.textclf.batch.Vectorizer} that makes them, how a batch splits into cacheable
 * {@link org.textclf.batch.Example}s, and the {@link org.textclf.batch.RowSink} a pass writes its rows to. What
 * {@code nn} and {@code text} need, with none of the machinery (threads, temp files, caches: see
 * {@code org.textclf.feed}). Uses data.
 */
package org.textclf.batch;
