package org.textclf.feed;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.textclf.io.TempFiles;

/**
 * Scratch files of records in a {@link RecordCodec}'s format: written once, read back in order. Both sides buffer
 * in a reusable array ({@link RecordOutput}, {@link RecordInput}) over an unbuffered file stream, one array each.
 */
final class RecordFile {
    private RecordFile() {
    }

    /** One pass over records: the shuffle's and the cache's input and output. */
    interface Input<T> extends Closeable {
        /** The next record, or null at the end. */
        T next() throws IOException;
    }

    /** Opens a new pass over the same records each time: the example cache, or a source wrapped as records. */
    @FunctionalInterface
    interface Passes<T> {
        Input<T> open() throws IOException;
    }

    static final class Writer<T> implements Closeable {
        private final RecordCodec<T> codec;
        private final RecordOutput out;

        Writer(Path path, RecordCodec<T> codec) throws IOException {
            this.codec = codec;
            this.out = new RecordOutput(TempFiles.newOutputStream(path));
        }

        void write(T record) throws IOException {
            codec.write(out, record);
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    static <T> Input<T> reader(Path path, RecordCodec<T> codec) throws IOException {
        RecordInput in = new RecordInput(Files.newInputStream(path));
        return new Input<>() {
            @Override
            public T next() throws IOException {
                return codec.read(in);
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }
}
