package org.textclf.nn;

/**
 * {@code Dense(classes, softmax)} with sparse categorical cross-entropy: {@code loss = logsumexp(z) - z[y]},
 * gradient {@code softmax(z) - onehot(y)}. The max is subtracted before exponentiating, so no logit overflows.
 * Accuracy takes the argmax (the first one on ties, as numpy). With class weights, a row's loss and gradient are
 * multiplied by its label's weight.
 */
final class SoftmaxCrossEntropy implements OutputLoss {

    private final int classes;
    /** By class id; null: every class 1. */
    private final float[] weights;

    SoftmaxCrossEntropy(int classes) {
        this(classes, null);
    }

    private SoftmaxCrossEntropy(int classes, float[] weights) {
        if (weights != null && weights.length != classes) {
            throw new IllegalArgumentException("expected a weight per class, " + classes + ", found " + weights.length);
        }
        this.classes = classes;
        this.weights = weights == null ? null : weights.clone();
    }

    @Override
    public OutputLoss weighted(float[] classWeights) {
        return new SoftmaxCrossEntropy(classes, classWeights);
    }

    @Override
    public int outputs() {
        return classes;
    }

    @Override
    public BatchMetrics lossAndGradient(float[] logits, int[] labels, int rows, float[] logitGradient,
                                        float gradientScale) {
        double lossSum = 0;
        long correct = 0;
        for (int r = 0; r < rows; r++) {
            int start = r * classes;
            int best = argmax(logits, start);
            float max = logits[start + best];
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                sum += Math.exp(logits[start + c] - max);
            }
            int label = labels[r];
            double weight = weights == null ? 1 : weights[label];
            lossSum += weight * (max + Math.log(sum) - logits[start + label]);
            if (best == label) {
                correct++;
            }
            if (logitGradient != null) {
                double inverse = 1 / sum;
                double scale = gradientScale * weight;
                for (int c = 0; c < classes; c++) {
                    double p = Math.exp(logits[start + c] - max) * inverse;
                    logitGradient[start + c] = (float) ((c == label ? p - 1 : p) * scale);
                }
            }
        }
        return new BatchMetrics(lossSum, correct, rows);
    }

    @Override
    public void probabilities(float[] logits, int rows, float[] out) {
        for (int r = 0; r < rows; r++) {
            int start = r * classes;
            float max = logits[start + argmax(logits, start)];
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                sum += Math.exp(logits[start + c] - max);
            }
            double inverse = 1 / sum;
            for (int c = 0; c < classes; c++) {
                out[start + c] = (float) (Math.exp(logits[start + c] - max) * inverse);
            }
        }
    }

    private int argmax(float[] logits, int start) {
        int best = 0;
        for (int c = 1; c < classes; c++) {
            if (logits[start + c] > logits[start + best]) {
                best = c;
            }
        }
        return best;
    }
}
