package org.textclf.batch;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.textclf.data.Sample;

/**
 * The shuffle's scratch format: samples as (line, label, text) with length-prefixed UTF-8, so that fields of any
 * size round-trip (DataOutput.writeUTF stops at 64 KB).
 */
final class SampleFile {
    private static final int BUFFER_BYTES = 1 << 16;

    private SampleFile() {
    }

    static final class Writer implements Closeable {
        private final DataOutputStream out;
        private long bytes;

        Writer(Path path) throws IOException {
            out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(path), BUFFER_BYTES));
        }

        void write(Sample sample) throws IOException {
            out.writeLong(sample.line());
            bytes += 8 + writeString(sample.label()) + writeString(sample.text());
        }

        private int writeString(String s) throws IOException {
            if (s == null) {
                out.writeInt(-1);
                return 4;
            }
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            out.writeInt(utf8.length);
            out.write(utf8);
            return 4 + utf8.length;
        }

        /** Bytes written so far. */
        long bytes() {
            return bytes;
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    static final class Reader implements Closeable {
        private final DataInputStream in;

        Reader(Path path) throws IOException {
            in = new DataInputStream(new BufferedInputStream(Files.newInputStream(path), BUFFER_BYTES));
        }

        /** The next sample, or null at the end of the file. */
        Sample read() throws IOException {
            long line;
            try {
                line = in.readLong();
            } catch (EOFException end) {
                return null;
            }
            String label = readString();
            return new Sample(label, readString(), line);
        }

        private String readString() throws IOException {
            int length = in.readInt();
            if (length < 0) {
                return null;
            }
            byte[] utf8 = new byte[length];
            in.readFully(utf8);
            return new String(utf8, StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
