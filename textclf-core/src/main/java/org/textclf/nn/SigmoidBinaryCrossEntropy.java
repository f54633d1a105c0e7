package org.textclf.nn;

/**
 * {@code Dense(1, sigmoid)} with binary cross-entropy, the guide's output for two classes: from the logit {@code z}
 * and label {@code y} in {0, 1}, {@code loss = max(z, 0) - z y + log(1 + exp(-|z|))} (never overflows), gradient
 * {@code sigmoid(z) - y}. Accuracy counts {@code p >= 0.5}, i.e. {@code z >= 0}, as class 1. Probabilities come out
 * as two columns, {@code 1 - p} and {@code p}, so callers see the same layout as for softmax. With class weights, a
 * row's loss and gradient are multiplied by its label's weight.
 */
final class SigmoidBinaryCrossEntropy implements OutputLoss {
    /** By class id (two); null: both 1. */
    private final float[] weights;

    SigmoidBinaryCrossEntropy() {
        this(null);
    }

    private SigmoidBinaryCrossEntropy(float[] weights) {
        if (weights != null && weights.length != 2) {
            throw new IllegalArgumentException("expected a weight per class, 2, found " + weights.length);
        }
        this.weights = weights == null ? null : weights.clone();
    }

    @Override
    public OutputLoss weighted(float[] classWeights) {
        return new SigmoidBinaryCrossEntropy(classWeights);
    }

    @Override
    public int outputs() {
        return 1;
    }

    @Override
    public BatchMetrics lossAndGradient(float[] logits, int[] labels, int rows, float[] logitGradient,
                                        float gradientScale) {
        double lossSum = 0;
        long correct = 0;
        for (int r = 0; r < rows; r++) {
            double z = logits[r];
            int label = labels[r];
            double weight = weights == null ? 1 : weights[label];
            lossSum += weight * (Math.max(z, 0) - z * label + Math.log1p(Math.exp(-Math.abs(z))));
            if ((z >= 0 ? 1 : 0) == label) {
                correct++;
            }
            if (logitGradient != null) {
                logitGradient[r] = (float) ((sigmoid(z) - label) * gradientScale * weight);
            }
        }
        return new BatchMetrics(lossSum, correct, rows);
    }

    @Override
    public void probabilities(float[] logits, int rows, float[] out) {
        for (int r = 0; r < rows; r++) {
            double p = sigmoid(logits[r]);
            out[2 * r] = (float) (1 - p);
            out[2 * r + 1] = (float) p;
        }
    }

    /** Stable for large |z|: never computes exp of a positive number. */
    static double sigmoid(double z) {
        if (z >= 0) {
            return 1 / (1 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1 + e);
    }
}
