package org.textclf.batch;

import java.io.Closeable;
import java.io.IOException;

/**
 * A source's examples as an earlier pass over it already vectorized them, in the source's order, readable as often
 * as needed: the n-gram fit's second pass computes every training document's tf-idf row anyway, so a generator
 * builds its example cache from those rows instead of reading, parsing and tokenizing the text once more (see
 * {@code feed.BatchGenerator.Builder#vectorized}).
 */
@FunctionalInterface
public interface VectorizedExamples {

    /** A new pass over the examples, from the first. */
    Reader open() throws IOException;

    /** One pass over examples. */
    interface Reader extends Closeable {
        /** The next example, or null at the end. */
        Example next() throws IOException;
    }
}
