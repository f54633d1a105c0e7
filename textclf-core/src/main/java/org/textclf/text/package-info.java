/**
 * Text to features: the tokenizers (scikit-learn's for n-grams, Keras' for sequences), word counts, n-gram tf-idf and
 * sequence vectorizers, vocabularies, pretrained word vectors, feature selection. Uses data and batch.
 *
 * <p>The vectorizer fits are built from public, mergeable, serializable statistics, so that a fit over partitions
 * (Spark executors, say) merged is exactly the fit over the whole corpus, and the local fit is its one-partition
 * case: {@link org.textclf.text.NgramDocumentStatistics} (first pass: document frequencies, labels) finishes into an
 * {@link org.textclf.text.NgramVocabulary} (min_df, idf), which every partition's second pass,
 * {@link org.textclf.text.NgramFeatureStatistics} (exact ANOVA F sums, feature names), needs; merged, these finish
 * into the {@link org.textclf.text.NgramVectorizer}. {@link org.textclf.text.SequenceStatistics} (word counts)
 * finishes into the {@link org.textclf.text.SequenceVectorizer}. Each has {@code merge}, {@code write} and
 * {@code read}.
 */
package org.textclf.text;
