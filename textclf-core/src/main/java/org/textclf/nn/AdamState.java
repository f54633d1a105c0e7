package org.textclf.nn;

import java.util.Arrays;
import java.util.List;

/**
 * A detached copy of {@link Adam}'s training state: the step count and each parameter's first and second moments,
 * for a checkpoint to save and {@link Adam#importState} to restore. The arrays are copies; nothing here is live.
 *
 * @param iterations the number of steps taken (Keras' {@code optimizer.iterations})
 * @param slots one entry per parameter the optimizer has updated, in the order they were first seen
 */
public record AdamState(long iterations, List<Slot> slots) {

    public AdamState {
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations must be at least 0; found " + iterations);
        }
        slots = List.copyOf(slots);
    }

    /**
     * The moments of one parameter.
     *
     * @param name the parameter's name
     * @param shape the parameter's shape
     * @param m the first moment, one value per parameter value
     * @param v the second moment, one value per parameter value
     */
    public record Slot(String name, int[] shape, float[] m, float[] v) {

        public Slot {
            long size = 1;
            for (int d : shape) {
                size *= d;
            }
            if (m.length != size || v.length != size) {
                throw new IllegalArgumentException(name + ": moments must hold " + size + " values for shape "
                        + Arrays.toString(shape) + "; found " + m.length + " and " + v.length);
            }
            shape = shape.clone();
        }

        @Override
        public int[] shape() {
            return shape.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Slot s && name.equals(s.name) && Arrays.equals(shape, s.shape)
                    && Arrays.equals(m, s.m) && Arrays.equals(v, s.v);
        }

        @Override
        public int hashCode() {
            return name.hashCode() * 31 + Arrays.hashCode(shape);
        }

        @Override
        public String toString() {
            return "Slot[" + name + Arrays.toString(shape) + "]";
        }
    }
}
