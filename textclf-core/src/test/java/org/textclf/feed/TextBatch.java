package org.textclf.feed;

import java.util.List;
import org.textclf.batch.Batch;
import org.textclf.batch.Vectorizer;
import org.textclf.data.Sample;

/**
 * The trivial batch: the samples themselves with their class ids. The generator tests' batch.
 */
record TextBatch(List<Sample> samples, int[] labels) implements Batch {
    /** The identity vectorizer. */
    static final Vectorizer<TextBatch> VECTORIZER = (samples, labels) -> new TextBatch(List.copyOf(samples),
            labels);

    @Override
    public int rows() {
        return samples.size();
    }
}
