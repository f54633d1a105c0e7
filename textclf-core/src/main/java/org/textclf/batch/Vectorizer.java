package org.textclf.batch;

import java.util.List;
import org.textclf.data.Sample;

/**
 * Turns one mini-batch of samples into a model's input. The batch generator calls it on its prefetch threads,
 * several batches at once, so implementations must be thread-safe (fitted vectorizers are immutable).
 *
 * @param <B> the batch type, e.g. {@link SparseBatch}
 */
@FunctionalInterface
public interface Vectorizer<B> {

    B vectorize(List<Sample> samples);
}
