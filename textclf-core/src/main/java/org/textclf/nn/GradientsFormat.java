package org.textclf.nn;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * The byte format of {@link Gradients#write} and {@link Gradients#read}, with its magic and version so that a
 * receiver of another version fails at once. Every count and row index is checked before it sizes an array or
 * indexes one: the bytes may come from another JVM, over a network.
 */
final class GradientsFormat {
    /** "TCGR": textclf gradients. */
    private static final int MAGIC = 0x54434752;
    private static final int VERSION = 1;
    private static final int MAX_PARAMETERS = 1 << 16;

    private GradientsFormat() {
    }

    static void write(Gradients g, DataOutput out) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(g.parameterCount());
        for (int i = 0; i < g.parameterCount(); i++) {
            out.writeUTF(g.name(i));
            int[] shape = g.shape(i);
            out.writeInt(shape.length);
            for (int d : shape) {
                out.writeInt(d);
            }
            if (g.isRowSparse(i)) {
                out.writeByte(1);
                int count = g.rowCount(i);
                out.writeInt(count);
                FloatArrays.writeInts(out, g.rows(i), count);
                FloatArrays.write(out, g.values(i), count * width(shape));
            } else {
                out.writeByte(0);
                FloatArrays.write(out, g.values(i));
            }
        }
        BatchMetrics metrics = g.metrics();
        out.writeDouble(metrics.lossSum());
        out.writeLong(metrics.correct());
        out.writeLong(metrics.count());
    }

    static Gradients read(DataInput in) throws IOException {
        int magic = in.readInt();
        if (magic != MAGIC) {
            throw new IOException("gradients: not a gradients record; expected magic 0x" + Integer.toHexString(MAGIC)
                    + ", found 0x" + Integer.toHexString(magic));
        }
        int version = in.readInt();
        if (version != VERSION) {
            throw new IOException("gradients: unsupported version; expected " + VERSION + ", found " + version);
        }
        int n = in.readInt();
        if (n < 0 || n > MAX_PARAMETERS) {
            throw new IOException("gradients: impossible parameter count; expected 0.." + MAX_PARAMETERS
                    + ", found " + n);
        }
        String[] names = new String[n];
        int[][] shapes = new int[n][];
        int[] widths = new int[n];
        float[][] values = new float[n][];
        int[][] rows = new int[n][];
        int[] rowCounts = new int[n];
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < n; i++) {
            String name = in.readUTF();
            if (!seen.add(name)) {
                throw new IOException("gradients: parameter " + name + " appears twice");
            }
            String where = "gradients: " + name;
            int[] shape = Weights.readShape(in, where);
            int size = Weights.size(shape, where);
            names[i] = name;
            shapes[i] = shape;
            int kind = in.readByte();
            if (kind == 0) {
                values[i] = new float[size];
                FloatArrays.readFully(in, values[i]);
            } else if (kind == 1) {
                if (shape.length == 0 || shape[0] == 0) {
                    throw new IOException(where + ": a row-sparse gradient needs rows; found shape "
                            + Arrays.toString(shape));
                }
                widths[i] = width(shape);
                rows[i] = readRows(in, shape[0], where);
                rowCounts[i] = rows[i].length;
                values[i] = new float[rowCounts[i] * widths[i]];
                FloatArrays.readFully(in, values[i]);
            } else {
                throw new IOException(where + ": unknown kind; expected 0 (dense) or 1 (row-sparse), found " + kind);
            }
        }
        double lossSum = in.readDouble();
        long correct = in.readLong();
        long count = in.readLong();
        if (count < 0 || correct < 0 || correct > count) {
            throw new IOException("gradients: impossible metrics; expected 0 <= correct <= count, found correct "
                    + correct + " and count " + count);
        }
        BatchMetrics metrics = new BatchMetrics(lossSum, correct, count);
        return new Gradients(names, shapes, widths, values, rows, rowCounts, metrics);
    }

    /** An int32 count in {@code [0, limit]}, then that many rows, ascending, each in {@code [0, limit)}. */
    private static int[] readRows(DataInput in, int limit, String where) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > limit) {
            throw new IOException(where + ": impossible row count; expected 0.." + limit + ", found " + count);
        }
        int[] rows = new int[count];
        FloatArrays.readInts(in, rows);
        for (int k = 0; k < count; k++) {
            int previous = k == 0 ? -1 : rows[k - 1];
            if (rows[k] <= previous || rows[k] >= limit) {
                throw new IOException(where + ": rows must ascend within [0, " + limit + "); found " + rows[k]
                        + " at position " + k + (k == 0 ? "" : ", after " + previous));
            }
        }
        return rows;
    }

    /** The values per row of a row-sparse parameter of {@code shape}: the product of all but the first dimension. */
    private static int width(int[] shape) {
        int width = 1;
        for (int d = 1; d < shape.length; d++) {
            width *= shape[d];
        }
        return width;
    }
}
