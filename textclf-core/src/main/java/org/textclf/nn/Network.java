package org.textclf.nn;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A trainable classifier on mini-batches of type {@code B}: one optimizer step per {@link #fitBatch}, inference by
 * {@link #evaluateBatch} and {@link #predictBatch}. The training loop codes against this interface only.
 *
 * <p>A step is also available in its two halves, for a trainer that combines the gradients of several replicas
 * (data parallelism) or of several batches: {@link #computeGradients}, then {@link #applyGradients}. For every
 * network, {@code fitBatch(batch, optimizer, random)} leaves bit for bit the same weights and optimizer state as
 * {@code applyGradients(computeGradients(batch, random), optimizer)}; see {@link Gradients} for what a sum of
 * several replicas' gradients means.
 *
 * @param <B> the batch type, e.g. {@link org.textclf.batch.SparseBatch}
 */
public interface Network<B> {

    /** The number of classes; {@link #predictBatch} returns this many columns per row. */
    int classes();

    /**
     * One optimizer step: forward in training mode (dropout drawn from {@code random}), backward, update. Not
     * thread-safe: one training thread per network. Invalidates the gradients {@link #computeGradients} returned,
     * whose buffers it reuses.
     *
     * @return the batch's loss and accuracy, measured on the training-mode forward (as Keras reports them)
     * @throws IllegalArgumentException when the batch has no rows, or a label is -1 (unlabelled) or not a class id
     */
    BatchMetrics fitBatch(B batch, Optimizer optimizer, RandomGenerator random);

    /**
     * The first half of {@link #fitBatch}: forward in training mode (dropout drawn from {@code random} exactly as
     * {@code fitBatch} draws it) and backward, without any update. Returns the gradients of the batch's mean loss
     * for every parameter, with the batch's metrics ({@link Gradients#metrics}).
     *
     * <p>The result is this network's reusable buffer, not a new object, so that a step allocates nothing: it stays
     * valid until the next {@code computeGradients} or {@code fitBatch} on this network, which overwrite it.
     * {@link Gradients#copy} it to keep it longer; adding into it or scaling it is fine. Not thread-safe.
     *
     * @throws IllegalArgumentException when the batch has no rows, or a label is -1 (unlabelled) or not a class id
     */
    Gradients computeGradients(B batch, RandomGenerator random);

    /**
     * The second half of {@link #fitBatch}: one optimizer step ({@link Optimizer#beginStep}, then an update of every
     * parameter, row-sparse gradients updating only their rows) from {@code gradients}, which may come from this
     * network, from a replica with the same parameters, or from a sum of such ({@link Gradients#add}). Not
     * thread-safe.
     *
     * @throws IllegalArgumentException when the gradients are not for this network's parameters (names, shapes)
     */
    void applyGradients(Gradients gradients, Optimizer optimizer);

    /**
     * Loss and accuracy of a labelled batch in inference mode (no dropout), without any update. Thread-safe.
     *
     * @throws IllegalArgumentException when a label is -1 (unlabelled) or not a class id
     */
    BatchMetrics evaluateBatch(B batch);

    /**
     * Class probabilities, row-major {@code rows x classes()} (two columns, {@code 1 - p} and {@code p}, for the
     * sigmoid model). Labels are ignored. Thread-safe.
     */
    float[] predictBatch(B batch);

    /**
     * Lets later steps split their work across {@code threads} (null: the calling thread alone), for networks that
     * can; the caller keeps owning and closing the pool. Results must not depend on the thread count.
     */
    default void useThreads(StepThreads threads) {
    }

    /**
     * Weighs each example's loss and gradient by its class's weight ({@code classWeights[label]}) in later steps and
     * {@link #evaluateBatch} calls; null weighs every class 1, as a new network does. Call it between steps, never
     * during one.
     *
     * @throws UnsupportedOperationException when this network cannot weigh its loss
     * @throws IllegalArgumentException when there is not one weight per class
     */
    default void useClassWeights(float[] classWeights) {
        if (classWeights != null) {
            throw new UnsupportedOperationException(getClass().getSimpleName() + " does not weigh its loss by class");
        }
    }

    /** Trainable parameters, named like Keras ({@code "dense_1/kernel"}), in a stable order; values are live. */
    List<Parameter> parameters();
}
