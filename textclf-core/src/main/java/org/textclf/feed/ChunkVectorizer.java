package org.textclf.feed;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import org.textclf.batch.Vectorizer;
import org.textclf.data.Labels;
import org.textclf.data.Sample;

/**
 * A chunk of samples made a batch, as the cache pass and the epochs both do it on the vectorizer threads: the labels
 * mapped to class ids first (an unknown one named with its file and line, which a {@link Vectorizer} cannot do), then
 * the vectorizer.
 */
final class ChunkVectorizer<B> {
    private final Vectorizer<B> vectorizer;
    private final Labels labels;
    private final String sourceName;

    /** @param labels null for samples without labels (prediction): every class id is -1 */
    ChunkVectorizer(Vectorizer<B> vectorizer, Labels labels, String sourceName) {
        this.vectorizer = vectorizer;
        this.labels = labels;
        this.sourceName = sourceName;
    }

    /** The work of vectorizing {@code chunk}, to run on a vectorizer thread. */
    Callable<B> task(List<Sample> chunk) {
        return () -> vectorizer.vectorize(chunk, labelIds(chunk));
    }

    private int[] labelIds(List<Sample> chunk) throws IOException {
        int[] ids = new int[chunk.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = labels == null ? -1 : labels.idOf(chunk.get(i), sourceName);
        }
        return ids;
    }
}
