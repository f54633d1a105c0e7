package org.textclf.text;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.textclf.data.Labels;

/**
 * Checked reading for the fit statistics' formats: every count is checked against its rule before anything is
 * allocated by it, so that malformed input gives an IOException that names the field, never an OutOfMemoryError or a
 * NegativeArraySizeException. Writing mirrors it.
 */
final class StatisticsIO {
    /** The longest name or label we accept, in UTF-8 bytes. */
    static final int MAX_STRING_BYTES = 1 << 24;

    private StatisticsIO() {
    }

    /** Reads the format's magic number and version. */
    static void header(DataInput in, String what, int magic, int version) throws IOException {
        int found = in.readInt();
        if (found != magic) {
            throw new IOException(what + ": not " + what + "; expected magic 0x" + Integer.toHexString(magic)
                    + ", found 0x" + Integer.toHexString(found));
        }
        int v = in.readInt();
        if (v != version) {
            throw new IOException(what + ": unsupported format version; expected " + version + ", found " + v);
        }
    }

    static int count(DataInput in, String what, String field, long min, long max) throws IOException {
        return (int) number(in.readInt(), what, field, min, max);
    }

    static long longCount(DataInput in, String what, String field, long min, long max) throws IOException {
        return number(in.readLong(), what, field, min, max);
    }

    static long number(long found, String what, String field, long min, long max) throws IOException {
        if (found < min || found > max) {
            throw new IOException(what + ": bad " + field + "; expected " + min + " to " + max + ", found " + found);
        }
        return found;
    }

    static void writeString(DataOutput out, String s) throws IOException {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    static String readString(DataInput in, String what, String field, int minBytes) throws IOException {
        byte[] utf8 = new byte[count(in, what, field + " length", minBytes, MAX_STRING_BYTES)];
        in.readFully(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    /** Longs per bulk write or read: one call through the streams below per chunk rather than per long. */
    private static final int CHUNK_LONGS = 4096;

    static void writeLongs(DataOutput out, long[] values) throws IOException {
        java.nio.ByteBuffer chunk = java.nio.ByteBuffer.allocate(CHUNK_LONGS * Long.BYTES);
        for (int from = 0; from < values.length; from += CHUNK_LONGS) {
            int n = Math.min(CHUNK_LONGS, values.length - from);
            chunk.clear();
            chunk.asLongBuffer().put(values, from, n);
            out.write(chunk.array(), 0, n * Long.BYTES);
        }
    }

    /** Fills {@code values}, whose length the caller has checked, from {@code in}. */
    static void readLongs(DataInput in, long[] values) throws IOException {
        java.nio.ByteBuffer chunk = java.nio.ByteBuffer.allocate(CHUNK_LONGS * Long.BYTES);
        for (int from = 0; from < values.length; from += CHUNK_LONGS) {
            int n = Math.min(CHUNK_LONGS, values.length - from);
            in.readFully(chunk.array(), 0, n * Long.BYTES);
            chunk.clear();
            chunk.asLongBuffer().get(values, from, n);
        }
    }

    /** The classes: their raw labels and display names. */
    static void writeLabels(DataOutput out, Labels labels) throws IOException {
        out.writeInt(labels.size());
        for (int i = 0; i < labels.size(); i++) {
            writeString(out, labels.raw(i));
            writeString(out, labels.name(i));
        }
    }

    static Labels readLabels(DataInput in, String what) throws IOException {
        int n = count(in, what, "class count", 0, Labels.MAX_CLASSES);
        java.util.List<String> raw = new java.util.ArrayList<>(n);
        java.util.List<String> names = new java.util.ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            raw.add(readString(in, what, "label", 1));
            names.add(readString(in, what, "class name", 0));
        }
        Labels labels = Labels.of(raw);
        if (!labels.rawLabels().equals(raw)) {
            throw new IOException(what + ": bad labels; expected distinct labels in Labels.of order, found " + raw);
        }
        return labels.withNames(names);
    }
}
