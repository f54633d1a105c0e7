package org.textclf.nn;

import java.util.Arrays;

/**
 * A named trainable tensor, row-major, float32. {@link #values()} is the live array the network computes with, so
 * a caller that writes into it changes the network (that is how {@link Weights} restores a snapshot).
 */
public final class Parameter {

    private final String name;
    private final int[] shape;
    private final float[] values;

    Parameter(String name, int[] shape) {
        long size = 1;
        for (int d : shape) {
            if (d < 1) {
                throw new IllegalArgumentException(name + ": every dimension must be at least 1; found shape "
                        + Arrays.toString(shape));
            }
            size *= d;
        }
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(name + ": too many values for one array; expected at most "
                    + (Integer.MAX_VALUE - 8) + ", found " + size + " for shape " + Arrays.toString(shape));
        }
        this.name = name;
        this.shape = shape.clone();
        this.values = new float[(int) size];
    }

    /** Keras' name, e.g. {@code "dense_1/kernel"}. */
    public String name() {
        return name;
    }

    /** A copy of the dimensions: {@code [inputs, outputs]} for a kernel, {@code [outputs]} for a bias. */
    public int[] shape() {
        return shape.clone();
    }

    /** The live values, row-major. */
    public float[] values() {
        return values;
    }

    /** The number of values. */
    public int size() {
        return values.length;
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape);
    }
}
