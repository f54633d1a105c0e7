/**
 * Text to features: the tokenizers (scikit-learn's for n-grams, Keras' for sequences), word counts, n-gram tf-idf and
 * sequence vectorizers, vocabularies, pretrained word vectors, feature selection. Uses data and batch.
 */
package org.textclf.text;
