package org.textclf.nn;

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

    /** The parameter names, in the network's order. */
    public List<String> names() {
        return names;
    }

    /** A copy of the values of parameter {@code index}. */
    public float[] values(int index) {
        return values.get(index).clone();
    }
}
