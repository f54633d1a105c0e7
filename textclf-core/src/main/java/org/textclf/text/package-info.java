/**
 * Text to features: the tokenizer, word counts, n-gram tf-idf and sequence vectorizers, vocabularies, feature selection. Uses data and batch.
 */
package org.textclf.text;
