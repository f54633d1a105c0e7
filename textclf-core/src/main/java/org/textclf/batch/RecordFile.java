package org.textclf.batch;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Scratch files of records in a {@link RecordCodec}'s format: written once, read back in order. */
final class RecordFile {
    private static final int BUFFER_BYTES = 1 << 16;

    private RecordFile() {
    }

    /** One pass over records: the shuffle's and the cache's input and output. */
    interface Input<T> extends Closeable {
        /** The next record, or null at the end. */
        T next() throws IOException;
    }

    static final class Writer<T> implements Closeable {
        private final RecordCodec<T> codec;
        private final DataOutputStream out;

        Writer(Path path, RecordCodec<T> codec) throws IOException {
            this.codec = codec;
            this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(path), BUFFER_BYTES));
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
        DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(path), BUFFER_BYTES));
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
