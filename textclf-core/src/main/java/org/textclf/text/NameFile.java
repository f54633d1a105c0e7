package org.textclf.text;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.textclf.io.TempFiles;

/**
 * The n-gram names the fit's second pass meets, each with its feature id, in a temp file: written once per feature,
 * then read back once to name the selected features, so that naming costs no third pass over the corpus and no
 * memory per vocabulary feature. Records: int id, int byte length, the name's UTF-8 bytes (big-endian). Deleted on
 * close, or at JVM exit if never closed. Not thread-safe.
 */
final class NameFile implements Closeable {
    private static final int BUFFER_BYTES = 1 << 16;

    private final Path file;
    private final OutputStream out;
    private final byte[] bytes = new byte[BUFFER_BYTES];
    private final ByteBuffer buffer = ByteBuffer.wrap(bytes);
    private boolean writing = true;

    /** A new empty file in {@code tempDir} (the system temp folder when null). */
    NameFile(Path tempDir) throws IOException {
        file = TempFiles.create(tempDir, "textclf-names-", ".bin");
        try {
            out = TempFiles.newOutputStream(file);
        } catch (IOException | RuntimeException e) {
            TempFiles.delete(file);
            throw e;
        }
    }

    void write(int id, String name) throws IOException {
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        if (buffer.remaining() < 8 + utf8.length) {
            flush();
        }
        buffer.putInt(id).putInt(utf8.length);
        if (utf8.length > buffer.remaining()) {
            flush();
            out.write(utf8); // longer than the buffer
        } else {
            buffer.put(utf8);
        }
    }

    private void flush() throws IOException {
        out.write(bytes, 0, buffer.position());
        buffer.clear();
    }

    /** Ends the writing; afterwards {@link #read} changes nothing, so that several threads may read at once. */
    void finish() throws IOException {
        if (writing) {
            writing = false;
            flush();
            out.close();
        }
    }

    /** Ends the writing and reads the names back, in the order they were written. */
    Reader read() throws IOException {
        finish();
        return new Reader(new DataInputStream(new BufferedInputStream(Files.newInputStream(file), BUFFER_BYTES)));
    }

    /** One pass over the names. */
    final class Reader implements Closeable {
        private final DataInputStream in;
        private int id;
        private byte[] name = new byte[64];
        private int length;

        private Reader(DataInputStream in) {
            this.in = in;
        }

        /** Moves to the next name; false at the end. */
        boolean next() throws IOException {
            int first = in.read();
            if (first < 0) {
                return false;
            }
            try {
                id = first << 24 | in.readUnsignedByte() << 16 | in.readUnsignedShort();
                length = in.readInt();
                if (length < 0) {
                    throw new IOException(file + ": bad name length " + length);
                }
                if (length > name.length) {
                    name = new byte[Math.max(length, name.length * 2)];
                }
                in.readFully(name, 0, length);
            } catch (EOFException e) {
                throw new IOException(file + ": ends inside a name record; was it changed while fitting?", e);
            }
            return true;
        }

        int id() {
            return id;
        }

        String name() {
            return new String(name, 0, length, StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** Deletes the file. */
    @Override
    public void close() throws IOException {
        try {
            if (writing) {
                writing = false;
                out.close();
            }
        } finally {
            TempFiles.delete(file);
        }
    }
}
