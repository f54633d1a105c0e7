/**
 * Evaluation: accuracy, loss, per-class precision, recall and F1, macro and weighted averages, the confusion
 * matrix, as a text report (scikit-learn's layout) and as JSON. {@link org.textclf.eval.Evaluator} takes plain
 * arrays (class ids and the network's probabilities), so this package depends on no other textclf package; the
 * caller (train, the {@code evaluate} command) runs the model over batches and feeds it.
 */
package org.textclf.eval;
