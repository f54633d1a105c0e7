package org.textclf.batch;

import java.util.List;
import org.textclf.data.Sample;

/**
 * The trivial batch: the samples themselves with their class ids. What tests and text-level consumers need.
 */
public record TextBatch(List<Sample> samples, int[] labels) {
    /** The identity vectorizer. */
    public static final Vectorizer<TextBatch> VECTORIZER = (samples, labels) -> new TextBatch(List.copyOf(samples),
            labels);

    public int size() {
        return samples.size();
    }
}
