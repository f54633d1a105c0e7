package org.textclf.data;

import java.io.Closeable;
import java.io.IOException;

/** One pass over a {@link SampleSource}. Not thread-safe. */
public interface SampleReader extends Closeable {

    /**
     * Returns the next sample, or null at the end of the pass.
     *
     * @throws BadRecordException when a record is malformed and the source's policy is to stop
     */
    Sample next() throws IOException;

    /** How many records this pass has read and skipped so far. */
    ReadStats stats();
}
