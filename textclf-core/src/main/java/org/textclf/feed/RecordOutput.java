package org.textclf.feed;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/**
 * Encodes records big-endian, byte for byte as {@link java.io.DataOutputStream} would, into a reusable array that
 * goes to the stream in one write when full. A {@code DataOutputStream} over a {@code BufferedOutputStream} makes
 * one synchronized call per byte: the top frame of the 20x scale profile (bench/README.md, "Scale: what grows").
 * Arrays of any length go through in array-sized chunks, so the array never grows.
 */
final class RecordOutput implements Closeable {
    static final int DEFAULT_BUFFER_BYTES = 1 << 16;

    private final OutputStream out;
    private final byte[] bytes;
    private final ByteBuffer buffer;
    private int position;

    RecordOutput(OutputStream out) {
        this(out, DEFAULT_BUFFER_BYTES);
    }

    /** @param bufferBytes at least 8, the widest value */
    RecordOutput(OutputStream out, int bufferBytes) {
        if (bufferBytes < 8) {
            throw new IllegalArgumentException("bufferBytes must be at least 8, found " + bufferBytes);
        }
        this.out = out;
        this.bytes = new byte[bufferBytes];
        this.buffer = ByteBuffer.wrap(bytes); // big-endian, as DataOutputStream
    }

    void writeInt(int value) throws IOException {
        room(4);
        buffer.putInt(position, value);
        position += 4;
    }

    void writeLong(long value) throws IOException {
        room(8);
        buffer.putLong(position, value);
        position += 8;
    }

    /** As {@code DataOutputStream.writeFloat}: {@code floatToIntBits}, so every NaN is written as the canonical one. */
    void writeFloat(float value) throws IOException {
        writeInt(Float.floatToIntBits(value));
    }

    /** The first {@code n} values. */
    void writeInts(int[] values, int n) throws IOException {
        for (int i = 0; i < n; ) {
            room(4);
            int end = i + Math.min(n - i, (bytes.length - position) >>> 2);
            for (; i < end; i++, position += 4) {
                buffer.putInt(position, values[i]);
            }
        }
    }

    /** The first {@code n} values, as {@link #writeFloat} writes each. */
    void writeFloats(float[] values, int n) throws IOException {
        for (int i = 0; i < n; ) {
            room(4);
            int end = i + Math.min(n - i, (bytes.length - position) >>> 2);
            for (; i < end; i++, position += 4) {
                buffer.putInt(position, Float.floatToIntBits(values[i]));
            }
        }
    }

    void write(byte[] source) throws IOException {
        if (source.length > bytes.length - position) {
            spill();
            if (source.length >= bytes.length) {
                out.write(source);
                return;
            }
        }
        System.arraycopy(source, 0, bytes, position, source.length);
        position += source.length;
    }

    private void room(int needed) throws IOException {
        if (bytes.length - position < needed) {
            spill();
        }
    }

    private void spill() throws IOException {
        if (position > 0) {
            out.write(bytes, 0, position);
            position = 0;
        }
    }

    /** Passes everything written so far on to the stream and flushes it; the stream stays open. */
    void flush() throws IOException {
        spill();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        try (out) {
            spill();
        }
    }
}
