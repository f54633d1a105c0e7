package org.textclf.nn;

/**
 * Loss and accuracy of some examples, kept as sums so that batches add up exactly ({@link #plus}) and an epoch's
 * mean weights every example once, whatever the batch sizes.
 *
 * @param lossSum the sum of the per-example losses
 * @param correct how many examples were classified right
 * @param count how many examples
 */
public record BatchMetrics(double lossSum, long correct, long count) {

    /** No examples: the identity of {@link #plus}. */
    public static final BatchMetrics EMPTY = new BatchMetrics(0, 0, 0);

    public BatchMetrics {
        if (count < 0 || correct < 0 || correct > count) {
            throw new IllegalArgumentException("expected 0 <= correct <= count, found correct " + correct
                    + " and count " + count);
        }
    }

    /** The mean loss per example; NaN when there are no examples. */
    public double loss() {
        return count == 0 ? Double.NaN : lossSum / count;
    }

    /** The fraction classified right; NaN when there are no examples. */
    public double accuracy() {
        return count == 0 ? Double.NaN : (double) correct / count;
    }

    public BatchMetrics plus(BatchMetrics other) {
        return new BatchMetrics(lossSum + other.lossSum, correct + other.correct, count + other.count);
    }
}
