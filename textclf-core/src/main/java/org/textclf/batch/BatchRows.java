package org.textclf.batch;

import java.util.List;

/**
 * How a batch type splits into independent {@link Example}s and is put back together: what a batch generator needs
 * to cache vectorized examples once and reshuffle them every epoch instead of re-reading and re-vectorizing text.
 *
 * @param <B> the batch type
 */
public interface BatchRows<B> {

    int size(B batch);

    /** Row {@code i} of {@code batch} as an example. */
    Example row(B batch, int i);

    /** A batch of these examples, in order. */
    B assemble(List<Example> rows);
}
