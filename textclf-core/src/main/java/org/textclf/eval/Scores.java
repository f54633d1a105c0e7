package org.textclf.eval;

/**
 * Precision, recall and F1 of one class, or their macro or weighted average over the classes.
 *
 * @param support how many samples truly belong to the class (for an average: all samples)
 */
public record Scores(double precision, double recall, double f1, long support) {
}
