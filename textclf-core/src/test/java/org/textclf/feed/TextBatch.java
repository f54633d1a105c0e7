package org.textclf.feed;

import java.util.List;
import org.textclf.batch.Vectorizer;
import org.textclf.data.Sample;

/**
 * The trivial batch: the samples themselves with their class ids. The generator tests' batch.
 */
record TextBatch(List<Sample> samples, int[] labels) {
    /** The identity vectorizer. */
    static final Vectorizer<TextBatch> VECTORIZER = (samples, labels) -> new TextBatch(List.copyOf(samples),
            labels);

    int size() {
        return samples.size();
    }
}
