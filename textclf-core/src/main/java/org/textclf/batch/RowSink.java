package org.textclf.batch;

import java.io.IOException;

/**
 * Where a pass writes the examples it computes on its way, in order, to be read back later as often as needed: the
 * n-gram fit's second pass computes every training document's tf-idf row anyway, and writes it here so that the
 * training cache is built from the rows instead of from the text once more.
 */
public interface RowSink extends VectorizedExamples {

    /** Appends an example of the first {@code n} indices and values; the arrays are copied. */
    void write(int label, int[] indices, float[] values, int n) throws IOException;

    /** Ends the writing; only then can the examples be read. Finishing twice does nothing. */
    void finish() throws IOException;

    /** Whether it was finished, so that {@link #open} may read it. */
    boolean finished();
}
