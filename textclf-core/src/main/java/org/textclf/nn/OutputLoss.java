package org.textclf.nn;

/**
 * The output activation and its loss, fused and computed from the logits for numerical stability (the loss owns
 * the output layer, as in fastText).
 */
interface OutputLoss {

    /** The width of the last Dense layer for {@code classes} classes. */
    int outputs();

    /**
     * The loss and accuracy of {@code rows} rows of logits against their labels; when {@code logitGradient} is not
     * null, also writes {@code gradientScale * dLoss_r/dLogits} per row (the scale makes it the gradient of the
     * batch mean). Labels must already be valid class ids.
     */
    BatchMetrics lossAndGradient(float[] logits, int[] labels, int rows, float[] logitGradient, float gradientScale);

    /**
     * This loss with each example's loss and gradient multiplied by its class's weight (Keras' {@code class_weight}:
     * the batch's loss stays the mean over its rows, of weighted losses); null weighs every class 1.
     */
    OutputLoss weighted(float[] classWeights);

    /** Class probabilities, {@code rows x classes}, row-major. */
    void probabilities(float[] logits, int rows, float[] out);
}
