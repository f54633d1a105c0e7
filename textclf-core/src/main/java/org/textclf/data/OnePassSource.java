package org.textclf.data;

import java.io.IOException;

/**
 * A source read as it streams (a pipe, standard input): its one reader is made when it is opened, so that the format
 * and a header are checked up front; a second pass cannot be, and fails naming the source.
 */
final class OnePassSource implements SampleSource {
    private final String name;
    private final BadRecordPolicy policy;
    private SampleReader reader;

    OnePassSource(String name, BadRecordPolicy policy, SampleReader reader) {
        this.name = name;
        this.policy = policy;
        this.reader = reader;
    }

    @Override
    public synchronized SampleReader open() throws IOException {
        if (reader == null) {
            throw new IOException(name + ": not a regular file (a pipe?) and read already; it can be read only once,"
                    + " give a regular file");
        }
        SampleReader once = reader;
        reader = null;
        return once;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public BadRecordPolicy onBadRecord() {
        return policy;
    }

    @Override
    public String toString() {
        return "one pass over " + name;
    }
}
