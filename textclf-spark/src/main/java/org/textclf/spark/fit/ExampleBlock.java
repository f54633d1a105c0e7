package org.textclf.spark.fit;

import java.io.Serializable;
import java.util.Arrays;
import org.textclf.batch.Example;

/**
 * Up to {@value #SIZE} vectorized examples of one partition packed into a few primitive arrays: what the cached
 * training and validation RDDs hold. Primitive arrays are about as small in memory as serialized and serialize in
 * bulk, so the partitions are cached deserialized (MEMORY_AND_DISK) at the serialized size, and a step reads its
 * examples without decoding the partition again.
 */
final class ExampleBlock implements Serializable {
    private static final long serialVersionUID = 1L;
    static final int SIZE = 1024;

    private final int[] labels;
    private final int[] starts;
    private final int[] indices;
    /** Null for token sequences. */
    private final float[] values;

    private ExampleBlock(int[] labels, int[] starts, int[] indices, float[] values) {
        this.labels = labels;
        this.starts = starts;
        this.indices = indices;
        this.values = values;
    }

    int size() {
        return labels.length;
    }

    Example example(int i) {
        int from = starts[i];
        int to = starts[i + 1];
        return new Example(labels[i], Arrays.copyOfRange(indices, from, to),
                values == null ? null : Arrays.copyOfRange(values, from, to));
    }

    /** Packs examples as they come. */
    static final class Builder {
        private int[] labels = new int[SIZE];
        private int[] starts = new int[SIZE + 1];
        private int[] indices = new int[SIZE * 64];
        private float[] values = new float[SIZE * 64];
        private boolean sequences;
        private int n;

        boolean full() {
            return n == SIZE;
        }

        boolean isEmpty() {
            return n == 0;
        }

        void add(Example e) {
            int from = starts[n];
            int to = from + e.indices().length;
            if (to > indices.length) {
                int grown = Math.max(to, indices.length * 2);
                indices = Arrays.copyOf(indices, grown);
                values = Arrays.copyOf(values, grown);
            }
            System.arraycopy(e.indices(), 0, indices, from, e.indices().length);
            sequences = e.values() == null;
            if (!sequences) {
                System.arraycopy(e.values(), 0, values, from, e.values().length);
            }
            labels[n] = e.label();
            starts[++n] = to;
        }

        ExampleBlock build() {
            int end = starts[n];
            ExampleBlock block = new ExampleBlock(Arrays.copyOf(labels, n), Arrays.copyOf(starts, n + 1),
                    Arrays.copyOf(indices, end), sequences ? null : Arrays.copyOf(values, end));
            n = 0;
            return block;
        }
    }
}
