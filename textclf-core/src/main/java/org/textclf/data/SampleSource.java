package org.textclf.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A corpus that can be read from the start any number of times, one sample at a time, so that no pass ever holds
 * the corpus in memory. Implementations are immutable and safe to open from several threads at once.
 */
public interface SampleSource {

    /** Starts a new pass over the corpus. The caller closes the reader. */
    SampleReader open() throws IOException;

    /** What to call this source in messages: usually its file path. */
    String name();

    /**
     * The file or folder this source reads, when it reads one: where a {@code classes.txt} beside it names the
     * classes.
     */
    default Optional<Path> file() {
        return Optional.empty();
    }

    /**
     * What its readers do with a bad record; a check made on top of them (a label the model does not know,
     * {@link Labels#restrict}) does the same.
     */
    default BadRecordPolicy onBadRecord() {
        return BadRecordPolicy.FAIL;
    }

    /** How a {@link #decorated} source opens a pass: usually a pass over the source it decorates, wrapped. */
    @FunctionalInterface
    interface Opener {
        SampleReader open() throws IOException;
    }

    /**
     * A source that is {@code source} in name, file and policy, and whose passes {@code open} opens: the one way to
     * wrap a source (watch its passes, filter them) without losing what it says of itself.
     */
    static SampleSource decorated(SampleSource source, Opener open) {
        return new SampleSource() {
            @Override
            public SampleReader open() throws IOException {
                return open.open();
            }

            @Override
            public String name() {
                return source.name();
            }

            @Override
            public Optional<Path> file() {
                return source.file();
            }

            @Override
            public BadRecordPolicy onBadRecord() {
                return source.onBadRecord();
            }

            @Override
            public String toString() {
                return source.toString();
            }
        };
    }
}
