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

    /** Whether a sample stays in a {@link #filtered} pass; may count it as a skipped bad record instead. */
    @FunctionalInterface
    interface Keep {
        boolean test(Sample sample, ReadStats stats) throws IOException;
    }

    /** The samples of {@code reader} that {@code keep} accepts; its stats and close are the reader's. */
    static SampleReader filtered(SampleReader reader, Keep keep) {
        return new SampleReader() {
            @Override
            public Sample next() throws IOException {
                for (Sample s = reader.next(); s != null; s = reader.next()) {
                    if (keep.test(s, reader.stats())) {
                        return s;
                    }
                }
                return null;
            }

            @Override
            public ReadStats stats() {
                return reader.stats();
            }

            @Override
            public void close() throws IOException {
                reader.close();
            }
        };
    }
}
