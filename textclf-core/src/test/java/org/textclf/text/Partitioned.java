package org.textclf.text;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.textclf.data.MemorySource;
import org.textclf.data.Sample;

/** Splits test corpora into partitions, and the written vectorizers to compare, for the statistics tests. */
final class Partitioned {
    private Partitioned() {
    }

    /**
     * The samples cut into {@code k} parts of uneven sizes; with three, the middle one is empty.
     */
    static List<MemorySource> split(List<Sample> samples, int k) {
        int n = samples.size();
        int[] cuts = switch (k) {
            case 1 -> new int[] {0, n};
            case 2 -> new int[] {0, n / 7, n};
            case 3 -> new int[] {0, n * 4 / 7, n * 4 / 7, n};
            default -> throw new IllegalArgumentException("k = " + k);
        };
        List<MemorySource> parts = new ArrayList<>();
        for (int p = 0; p < k; p++) {
            parts.add(MemorySource.of(samples.subList(cuts[p], cuts[p + 1])));
        }
        return parts;
    }

    /** What {@link NgramVectorizer#write} writes, but for the fit's time (the report's last field). */
    static byte[] bytes(NgramVectorizer v) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        v.write(new DataOutputStream(out));
        byte[] bytes = out.toByteArray();
        Arrays.fill(bytes, 90, 98, (byte) 0); // version 4, config 26, report fields before fitMillis 60
        return bytes;
    }

    /** What {@link SequenceVectorizer#write} writes, but for the fit's time. */
    static byte[] bytes(SequenceVectorizer v) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        v.write(new DataOutputStream(out));
        byte[] bytes = out.toByteArray();
        Arrays.fill(bytes, 76, 84, (byte) 0); // version 4, config 16, report fields before fitMillis 56
        return bytes;
    }

    /** Where two byte arrays first differ, or -1 when they are equal: a short message where assertj prints both. */
    static int firstDifference(byte[] a, byte[] b) {
        int i = Arrays.mismatch(a, b);
        return i;
    }

    interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    static byte[] written(Writer writer) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(new DataOutputStream(out));
        return out.toByteArray();
    }
}
