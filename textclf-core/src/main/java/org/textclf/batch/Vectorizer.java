package org.textclf.batch;

import java.util.List;
import org.textclf.data.Sample;

/**
 * Turns one mini-batch of samples into a model's input. The batch generator maps labels to class ids (reporting
 * unknown ones with their file and line) and hands them over, so a vectorizer only computes features. It is called
 * on prefetch threads, several batches at once, so implementations must be thread-safe (fitted vectorizers are
 * immutable).
 *
 * @param <B> the batch type, e.g. {@link SparseBatch}
 */
@FunctionalInterface
public interface Vectorizer<B> {

    /**
     * @param labels the class id of each sample, or -1 for an unlabeled sample; owned by the batch from now on
     */
    B vectorize(List<Sample> samples, int[] labels);
}
