package org.textclf.feed;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

/**
 * Decodes what {@link RecordOutput} (or a {@link java.io.DataOutputStream}) wrote, from a reusable array refilled by
 * one bulk read of the stream at a time instead of one synchronized call per byte. Arrays of any length come through
 * in array-sized chunks, so the array never grows. Not thread-safe.
 */
final class RecordInput implements Closeable {
    private final InputStream in;
    private final byte[] bytes;
    private final ByteBuffer buffer;
    private int position;
    private int limit;

    RecordInput(InputStream in) {
        this(in, RecordOutput.DEFAULT_BUFFER_BYTES);
    }

    /** @param bufferBytes at least 8, the widest value */
    RecordInput(InputStream in, int bufferBytes) {
        if (bufferBytes < 8) {
            throw new IllegalArgumentException("bufferBytes must be at least 8, found " + bufferBytes);
        }
        this.in = in;
        this.bytes = new byte[bufferBytes];
        this.buffer = ByteBuffer.wrap(bytes);
    }

    /** Whether the stream has no byte left: a record boundary at the end of the file. */
    boolean atEnd() throws IOException {
        return position == limit && !fill();
    }

    int readInt() throws IOException {
        need(4);
        int value = buffer.getInt(position);
        position += 4;
        return value;
    }

    long readLong() throws IOException {
        need(8);
        long value = buffer.getLong(position);
        position += 8;
        return value;
    }

    float readFloat() throws IOException {
        return Float.intBitsToFloat(readInt());
    }

    /** Fills {@code values[0..n)}. */
    void readInts(int[] values, int n) throws IOException {
        for (int i = 0; i < n; ) {
            need(4);
            int end = i + Math.min(n - i, (limit - position) >>> 2);
            for (; i < end; i++, position += 4) {
                values[i] = buffer.getInt(position);
            }
        }
    }

    /** Fills {@code values[0..n)}. */
    void readFloats(float[] values, int n) throws IOException {
        for (int i = 0; i < n; ) {
            need(4);
            int end = i + Math.min(n - i, (limit - position) >>> 2);
            for (; i < end; i++, position += 4) {
                values[i] = Float.intBitsToFloat(buffer.getInt(position));
            }
        }
    }

    void readFully(byte[] target) throws IOException {
        int done = 0;
        while (done < target.length) {
            if (position == limit) {
                int rest = target.length - done;
                if (rest >= bytes.length) { // no point in copying twice
                    if (in.readNBytes(target, done, rest) < rest) {
                        throw new EOFException("ended inside a record");
                    }
                    return;
                }
                need(1);
            }
            int copied = Math.min(target.length - done, limit - position);
            System.arraycopy(bytes, position, target, done, copied);
            position += copied;
            done += copied;
        }
    }

    /** Makes {@code n} bytes available from position, reading more as needed. */
    private void need(int n) throws IOException {
        while (limit - position < n) {
            if (!fill()) {
                throw new EOFException("ended inside a record");
            }
        }
    }

    /** Moves the unread bytes to the front and reads more after them; false at the end of the stream. */
    private boolean fill() throws IOException {
        if (position > 0) {
            System.arraycopy(bytes, position, bytes, 0, limit - position);
            limit -= position;
            position = 0;
        }
        int read = in.read(bytes, limit, bytes.length - limit);
        if (read < 0) {
            return false;
        }
        limit += read;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
