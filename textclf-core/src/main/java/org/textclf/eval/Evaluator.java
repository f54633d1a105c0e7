package org.textclf.eval;

/**
 * Accumulates a model's predictions batch by batch into an {@link Evaluation}: a confusion matrix and a loss sum,
 * so memory is O(classes²) whatever the number of samples. Not thread-safe: one evaluating thread, or one
 * evaluator per thread.
 *
 * <p>The prediction for a row is the class of highest probability, the lowest class id on a tie (as numpy's
 * {@code argmax}). The loss is the mean categorical cross-entropy {@code -ln p[label]}, with {@code p} clipped to
 * {@code [1e-7, 1 - 1e-7]} as Keras does, so one certain mistake costs ln(1e7) ≈ 16.12 rather than infinity. It is
 * computed here from the probabilities rather than passed in, so training's validation loss and {@code evaluate}'s
 * loss are the same number by construction. Keras also divides by the row's sum first; softmax rows already sum to
 * one, so this does not.
 */
public final class Evaluator {
    /** Keras' {@code backend.epsilon()}. */
    public static final double EPSILON = 1e-7;

    private final int classes;
    /** Row-major: {@code confusion[label * classes + predicted]}. */
    private final long[] confusion;
    private double lossSum;
    private long samples;
    private long unlabeled;

    public Evaluator(int classes) {
        if (classes < 1) {
            throw new IllegalArgumentException("classes must be at least 1, found " + classes);
        }
        this.classes = classes;
        this.confusion = new long[Math.multiplyExact(classes, classes)];
    }

    /**
     * Adds one batch.
     *
     * @param labels the true class id of each row, or -1 for an unlabeled sample, which is skipped and counted in
     *     {@link Evaluation#unlabeled()} (nothing to score it against)
     * @param probabilities row-major {@code labels.length x classes}, each row the model's class probabilities
     * @throws IllegalArgumentException if the sizes disagree or a label is not -1 or a class id
     */
    public void add(int[] labels, float[] probabilities) {
        int rows = labels.length;
        if (probabilities.length != (long) rows * classes) {
            throw new IllegalArgumentException("probabilities must hold rows x classes = " + rows + " x " + classes
                    + " = " + (long) rows * classes + " values, found " + probabilities.length);
        }
        for (int r = 0; r < rows; r++) {
            int label = labels[r];
            if (label < -1 || label >= classes) {
                throw new IllegalArgumentException("labels[" + r + "] must be a class id in 0.." + (classes - 1)
                        + " or -1 for unlabeled, found " + label);
            }
        }
        for (int r = 0; r < rows; r++) {
            int label = labels[r];
            if (label < 0) {
                unlabeled++;
                continue;
            }
            int base = r * classes;
            int predicted = 0;
            float best = probabilities[base];
            for (int k = 1; k < classes; k++) {
                if (probabilities[base + k] > best) {
                    best = probabilities[base + k];
                    predicted = k;
                }
            }
            confusion[label * classes + predicted]++;
            double p = probabilities[base + label];
            // Written as comparisons, not Math.min/max, so that a NaN probability stays NaN and shows in the loss.
            double clipped = p < EPSILON ? EPSILON : p > 1 - EPSILON ? 1 - EPSILON : p;
            lossSum -= Math.log(clipped);
            samples++;
        }
    }

    /** Labeled samples added so far. */
    public long samples() {
        return samples;
    }

    /**
     * The numbers for everything added so far; the evaluator can keep accumulating afterwards.
     *
     * @throws IllegalStateException if no labeled sample was added: accuracy and loss of nothing are undefined
     */
    public Evaluation evaluation() {
        if (samples == 0) {
            throw new IllegalStateException("nothing to evaluate; expected at least one labeled sample, found 0 ("
                    + unlabeled + " unlabeled skipped)");
        }
        return new Evaluation(classes, confusion.clone(), lossSum, samples, unlabeled);
    }
}
