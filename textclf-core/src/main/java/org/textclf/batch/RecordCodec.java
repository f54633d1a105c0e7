package org.textclf.batch;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.textclf.data.Sample;

/**
 * How the shuffle and the example cache write records to scratch files and read them back, and what a record costs
 * in memory. Strings are length-prefixed UTF-8, so fields of any size round-trip (writeUTF stops at 64 KB).
 *
 * @param <T> the record type
 */
interface RecordCodec<T> {

    void write(DataOutputStream out, T record) throws IOException;

    /** The next record, or null at the end of the file. */
    T read(DataInputStream in) throws IOException;

    /** Heap bytes a record holds, near enough to keep a buffer within its budget. */
    long memoryOf(T record);

    RecordCodec<Sample> SAMPLES = new RecordCodec<>() {
        @Override
        public void write(DataOutputStream out, Sample s) throws IOException {
            out.writeLong(s.line());
            writeString(out, s.label());
            writeString(out, s.text());
        }

        @Override
        public Sample read(DataInputStream in) throws IOException {
            long line;
            try {
                line = in.readLong();
            } catch (EOFException end) {
                return null;
            }
            String label = readString(in);
            return new Sample(label, readString(in), line);
        }

        @Override
        public long memoryOf(Sample s) {
            return 96 + 2L * s.text().length();
        }
    };

    RecordCodec<Example> EXAMPLES = new RecordCodec<>() {
        @Override
        public void write(DataOutputStream out, Example e) throws IOException {
            out.writeInt(e.label());
            int n = e.indices().length;
            out.writeInt(e.values() == null ? -n - 1 : n);
            for (int i = 0; i < n; i++) {
                out.writeInt(e.indices()[i]);
            }
            if (e.values() != null) {
                for (int i = 0; i < n; i++) {
                    out.writeFloat(e.values()[i]);
                }
            }
        }

        @Override
        public Example read(DataInputStream in) throws IOException {
            int label;
            try {
                label = in.readInt();
            } catch (EOFException end) {
                return null;
            }
            int header = in.readInt();
            int n = header < 0 ? -header - 1 : header;
            int[] indices = new int[n];
            for (int i = 0; i < n; i++) {
                indices[i] = in.readInt();
            }
            float[] values = null;
            if (header >= 0) {
                values = new float[n];
                for (int i = 0; i < n; i++) {
                    values[i] = in.readFloat();
                }
            }
            return new Example(label, indices, values);
        }

        @Override
        public long memoryOf(Example e) {
            return 80 + 8L * e.indices().length;
        }
    };

    private static void writeString(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] utf8 = new byte[length];
        in.readFully(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
