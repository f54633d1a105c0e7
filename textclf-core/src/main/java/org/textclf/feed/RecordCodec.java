package org.textclf.feed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.textclf.batch.Example;
import org.textclf.data.Sample;

/**
 * How the shuffle and the example cache write records to scratch files and read them back, and what a record costs
 * in memory. The format is {@link java.io.DataOutputStream}'s big-endian one (cache files written before the bulk
 * {@link RecordOutput} and {@link RecordInput} read back unchanged). Strings are length-prefixed UTF-8, so fields of
 * any size round-trip (writeUTF stops at 64 KB).
 *
 * @param <T> the record type
 */
interface RecordCodec<T> {

    void write(RecordOutput out, T record) throws IOException;

    /** The next record, or null at the end of the file. */
    T read(RecordInput in) throws IOException;

    /** Heap bytes a record holds, near enough to keep a buffer within its budget. */
    long memoryOf(T record);

    /** long line, then label and text as {@code int length (-1 for null), UTF-8 bytes}. */
    RecordCodec<Sample> SAMPLES = new RecordCodec<>() {
        @Override
        public void write(RecordOutput out, Sample s) throws IOException {
            out.writeLong(s.line());
            writeString(out, s.label());
            writeString(out, s.text());
        }

        @Override
        public Sample read(RecordInput in) throws IOException {
            if (in.atEnd()) {
                return null;
            }
            long line = in.readLong();
            String label = readString(in);
            return new Sample(label, readString(in), line);
        }

        @Override
        public long memoryOf(Sample s) {
            return 96 + 2L * s.text().length();
        }
    };

    /** int label, int n (or -n - 1 when there are no values), n int indices, n float values. */
    RecordCodec<Example> EXAMPLES = new RecordCodec<>() {
        @Override
        public void write(RecordOutput out, Example e) throws IOException {
            writeExample(out, e.label(), e.indices(), e.values(), e.indices().length);
        }

        @Override
        public Example read(RecordInput in) throws IOException {
            if (in.atEnd()) {
                return null;
            }
            int label = in.readInt();
            int header = in.readInt();
            int n = header < 0 ? -header - 1 : header;
            int[] indices = new int[n];
            in.readInts(indices, n);
            float[] values = null;
            if (header >= 0) {
                values = new float[n];
                in.readFloats(values, n);
            }
            return new Example(label, indices, values);
        }

        @Override
        public long memoryOf(Example e) {
            return 80 + 8L * e.indices().length;
        }
    };

    /** What {@link #EXAMPLES} writes for an example of the first {@code n} indices and values (null for none). */
    static void writeExample(RecordOutput out, int label, int[] indices, float[] values, int n) throws IOException {
        out.writeInt(label);
        out.writeInt(values == null ? -n - 1 : n);
        out.writeInts(indices, n);
        if (values != null) {
            out.writeFloats(values, n);
        }
    }

    private static void writeString(RecordOutput out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readString(RecordInput in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] utf8 = new byte[length];
        in.readFully(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
