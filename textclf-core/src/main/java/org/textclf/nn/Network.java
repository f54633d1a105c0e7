package org.textclf.nn;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A trainable classifier on mini-batches of type {@code B}: one optimizer step per {@link #fitBatch}, inference by
 * {@link #evaluateBatch} and {@link #predictBatch}. The training loop codes against this interface only.
 *
 * @param <B> the batch type, e.g. {@link org.textclf.batch.SparseBatch}
 */
public interface Network<B> {

    /** The number of classes; {@link #predictBatch} returns this many columns per row. */
    int classes();

    /**
     * One optimizer step: forward in training mode (dropout drawn from {@code random}), backward, Adam update. Not
     * thread-safe: one training thread per network.
     *
     * @return the batch's loss and accuracy, measured on the training-mode forward (as Keras reports them)
     * @throws IllegalArgumentException when a label is -1 (unlabelled) or not a class id
     */
    BatchMetrics fitBatch(B batch, Adam optimizer, RandomGenerator random);

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

    /** Trainable parameters, named like Keras ({@code "dense_1/kernel"}), in a stable order; values are live. */
    List<Parameter> parameters();
}
