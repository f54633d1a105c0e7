package org.textclf.io;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A section written straight into the model file instead of buffered as a {@link Section}: for large state that
 * is already in memory (optimizer moments, weights), so that saving it does not hold a second copy. The file stores
 * each payload's length first, so {@link #of} runs the writer once into a byte counter to learn it, and
 * {@link ModelFile#write(java.nio.file.Path, java.util.List, java.util.List)} runs it again into the file and checks
 * it wrote as many bytes: the writer must write the same bytes both times.
 *
 * @param name as for {@link Section}
 * @param bytes the payload's exact length
 * @param writer writes the payload
 */
public record SectionWriter(String name, long bytes, IOConsumer<? super DataOutputStream> writer) {

    public SectionWriter {
        new Section(name, new byte[0]); // the same name rules
        if (bytes < 0) {
            throw new IllegalArgumentException("section '" + name + "' length must be >= 0, found " + bytes);
        }
    }

    /** Measures the payload by running {@code writer} into a counter (no bytes kept). */
    public static SectionWriter of(String name, IOConsumer<? super DataOutputStream> writer) throws IOException {
        Counter counter = new Counter();
        try (DataOutputStream out = new DataOutputStream(counter)) {
            writer.accept(out);
        }
        return new SectionWriter(name, counter.bytes, writer);
    }

    static SectionWriter of(Section section) {
        return new SectionWriter(section.name(), section.payload().length, out -> out.write(section.payload()));
    }

    /** Counts what is written, keeps nothing. */
    static final class Counter extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
