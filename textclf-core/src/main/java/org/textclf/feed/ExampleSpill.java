package org.textclf.feed;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import org.textclf.batch.Example;
import org.textclf.batch.RowSink;
import org.textclf.io.TempFiles;

/**
 * Examples written once, in order, to a temp file (in {@link RecordCodec#EXAMPLES}' format), then read back in that
 * order as often as needed: what one pass computed, kept on disk for a later pass instead of being computed again.
 * Memory is one buffer whatever the number of examples. Deleted on close, or at JVM exit if never closed. Not
 * thread-safe.
 */
public final class ExampleSpill implements RowSink, Closeable {
    private final Path file;
    private RecordOutput out;
    private long examples;
    private boolean closed;

    private ExampleSpill(Path file) throws IOException {
        this.file = file;
        this.out = new RecordOutput(TempFiles.newOutputStream(file));
    }

    /** A new empty spill in {@code tempDir} (the system temp folder when null), open for writing. */
    public static ExampleSpill create(Path tempDir) throws IOException {
        Path file = TempFiles.create(tempDir, "textclf-spill-", ".bin");
        try {
            return new ExampleSpill(file);
        } catch (IOException | RuntimeException e) {
            TempFiles.delete(file);
            throw e;
        }
    }

    /**
     * Appends an example of the first {@code n} indices and values; the arrays are copied, so the caller may reuse
     * them.
     */
    @Override
    public void write(int label, int[] indices, float[] values, int n) throws IOException {
        if (out == null) {
            throw new IllegalStateException(closed ? "the spill is closed" : "the spill was finished: no more writes");
        }
        RecordCodec.writeExample(out, label, indices, values, n);
        examples++;
    }

    /** Ends the writing; only then can the examples be read. Finishing twice does nothing. */
    @Override
    public void finish() throws IOException {
        if (out != null) {
            RecordOutput o = out;
            out = null;
            o.close();
        }
    }

    /** How many examples were written. */
    public long examples() {
        return examples;
    }

    /** Whether it was finished, so that {@link #open} may read it. */
    @Override
    public boolean finished() {
        return out == null && !closed;
    }

    @Override
    public Reader open() throws IOException {
        if (!finished()) {
            throw new IllegalStateException(closed ? "the spill is closed" : "the spill is still being written;"
                    + " finish it first");
        }
        RecordFile.Input<Example> in = RecordFile.reader(file, RecordCodec.EXAMPLES);
        return new Reader() {
            @Override
            public Example next() throws IOException {
                return in.next();
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }

    /** Deletes the file; closing twice does nothing. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (out != null) {
                out.close();
                out = null;
            }
        } finally {
            TempFiles.delete(file);
        }
    }
}
