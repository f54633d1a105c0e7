/**
 * Evaluation: accuracy, loss, per-class precision, recall and F1, the confusion matrix. Uses nn, batch, data.
 */
package org.textclf.eval;
