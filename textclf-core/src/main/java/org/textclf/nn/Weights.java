package org.textclf.nn;

import java.io.ByteArrayInputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A detached copy of a network's parameter values, e.g. the best weights EarlyStopping restores. Restoring checks
 * that names and shapes match, so a snapshot never lands in a network of another shape.
 */
public final class Weights {

    private final List<String> names;
    private final List<int[]> shapes;
    private final List<float[]> values;

    private Weights(List<String> names, List<int[]> shapes, List<float[]> values) {
        this.names = names;
        this.shapes = shapes;
        this.values = values;
    }

    /** Copies every parameter of {@code network}. */
    public static Weights copyOf(Network<?> network) {
        List<String> names = new ArrayList<>();
        List<int[]> shapes = new ArrayList<>();
        List<float[]> values = new ArrayList<>();
        for (Parameter p : network.parameters()) {
            names.add(p.name());
            shapes.add(p.shape());
            values.add(p.values().clone());
        }
        return new Weights(List.copyOf(names), List.copyOf(shapes), List.copyOf(values));
    }

    /** Writes this snapshot into the live parameters of {@code network}, which must have the same names and shapes. */
    public void restoreInto(Network<?> network) {
        List<Parameter> parameters = network.parameters();
        if (parameters.size() != names.size()) {
            throw new IllegalArgumentException("the network has a different number of parameters; expected "
                    + names.size() + " " + names + ", found " + parameters.size());
        }
        for (int i = 0; i < parameters.size(); i++) {
            Parameter p = parameters.get(i);
            if (!p.name().equals(names.get(i)) || !Arrays.equals(p.shape(), shapes.get(i))) {
                throw new IllegalArgumentException("parameter " + i + " differs; expected " + names.get(i)
                        + Arrays.toString(shapes.get(i)) + ", found " + p);
            }
        }
        for (int i = 0; i < parameters.size(); i++) {
            float[] source = values.get(i);
            System.arraycopy(source, 0, parameters.get(i).values(), 0, source.length);
        }
    }

    /**
     * Writes the snapshot field by field, from its own arrays (no copy): int32 parameter count, then per parameter
     * its UTF name, int32 rank, int32 dimensions and float32 values in row-major order.
     */
    public void write(DataOutputStream out) throws IOException {
        out.writeInt(names.size());
        for (int i = 0; i < names.size(); i++) {
            out.writeUTF(names.get(i));
            int[] shape = shapes.get(i);
            out.writeInt(shape.length);
            for (int d : shape) {
                out.writeInt(d);
            }
            FloatArrays.write(out, values.get(i));
        }
    }

    /**
     * Reads what {@link #write} wrote, from a payload in memory: every count and shape is checked against the bytes
     * that remain in {@code in} before anything is allocated for it, so a forged count is refused, not allocated.
     *
     * @throws IOException naming {@code where} when a count or dimension is impossible
     */
    public static Weights read(ByteArrayInputStream bytes, String where) throws IOException {
        DataInputStream in = new DataInputStream(bytes); // unbuffered: bytes.available() stays what is left
        int count = in.readInt();
        // a parameter takes at least its name's length and its rank
        checkRoom("weight count", count, bytes.available() / (Short.BYTES + Integer.BYTES), bytes, where);
        List<String> names = new ArrayList<>(count);
        List<int[]> shapes = new ArrayList<>(count);
        List<float[]> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            names.add(in.readUTF());
            int[] shape = readShape(in, where);
            int size = size(shape, where);
            checkRoom("shape " + Arrays.toString(shape) + " of weight " + i, size, bytes.available() / Float.BYTES,
                    bytes, where);
            float[] v = new float[size];
            FloatArrays.readFully(in, v);
            shapes.add(shape);
            values.add(v);
        }
        return new Weights(List.copyOf(names), List.copyOf(shapes), List.copyOf(values));
    }

    /**
     * Refuses a count read from {@code bytes} that is negative or more than the {@code max} its remaining bytes can
     * hold, before anything is allocated for it.
     */
    public static void checkRoom(String what, long found, long max, ByteArrayInputStream bytes, String where)
            throws IOException {
        if (found < 0 || found > max) {
            throw new IOException(where + ": impossible " + what + "; expected 0 to " + max + " for the "
                    + bytes.available() + " bytes left, found " + found);
        }
    }

    /** An int32 rank (0..8) then that many int32 dimensions, as {@link #write} writes a shape. */
    public static int[] readShape(DataInput in, String where) throws IOException {
        int rank = in.readInt();
        if (rank < 0 || rank > 8) {
            throw new IOException(where + ": impossible rank; expected 0..8, found " + rank);
        }
        int[] shape = new int[rank];
        for (int d = 0; d < rank; d++) {
            shape[d] = in.readInt();
        }
        size(shape, where);
        return shape;
    }

    /** The number of values of {@code shape}, checked to fit an array. */
    public static int size(int[] shape, String where) throws IOException {
        long size = 1;
        for (int d : shape) {
            size *= d;
            if (d < 0 || size > Integer.MAX_VALUE - 8) {
                throw new IOException(where + ": impossible shape; expected dimensions >= 0 and at most "
                        + (Integer.MAX_VALUE - 8) + " values, found " + Arrays.toString(shape));
            }
        }
        return (int) size;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Weights w) || !names.equals(w.names) || shapes.size() != w.shapes.size()) {
            return false;
        }
        for (int i = 0; i < shapes.size(); i++) {
            if (!Arrays.equals(shapes.get(i), w.shapes.get(i)) || !Arrays.equals(values.get(i), w.values.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return names.hashCode();
    }

    /** The parameter names, in the network's order. */
    public List<String> names() {
        return names;
    }

    /** A copy of the values of parameter {@code index}. */
    public float[] values(int index) {
        return values.get(index).clone();
    }
}
