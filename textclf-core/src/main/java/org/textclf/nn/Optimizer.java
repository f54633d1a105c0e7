package org.textclf.nn;

/**
 * What a network's update needs from an optimizer: one {@link #beginStep} per step, then one update per parameter,
 * dense ({@link #updateDense}) or of the rows a batch touched ({@link #updateRows}). The optimizer owns its state
 * (moments, step count); configuration lives elsewhere (e.g. {@link AdamConfig}). {@link Network#fitBatch} and
 * {@link Network#applyGradients} call it; {@link Adam} implements it.
 *
 * <p>Not thread-safe, except as {@link #updateRows} allows: one training thread owns an optimizer.
 */
public interface Optimizer {

    /** Starts step {@code iterations() + 1}: every update until the next call belongs to that step. */
    void beginStep();

    /** The number of steps begun so far (Keras' {@code optimizer.iterations}). */
    long iterations();

    /**
     * Updates every value of {@code p} from its gradient, which has the layout of the values.
     *
     * @throws IllegalStateException before the first {@link #beginStep}
     */
    void updateDense(Parameter p, float[] gradient);

    /**
     * Updates the rows {@code rows[from..to)} of a two-dimensional {@code p} (distinct row indices, fastest in
     * ascending order) and leaves the other rows, and their state, as they are: a lazy update. {@code gradient} has
     * the layout of the values, row {@code r} at {@code [r * width, (r + 1) * width)} with {@code width =
     * p.shape()[1]}; only the listed rows are read. (Not packed as {@link Gradients} keeps a row-sparse gradient: the
     * update reads values, moments and gradient at one index, which is what lets the JIT vectorize it; see
     * {@link Adam}.)
     *
     * <p>Within one step, calls on disjoint ranges of the same list may run on several threads at once, provided
     * the parameter's state exists already; a call with {@code from == to} creates it and updates nothing.
     *
     * @throws IllegalStateException before the first {@link #beginStep}
     */
    void updateRows(Parameter p, float[] gradient, int[] rows, int from, int to);
}
