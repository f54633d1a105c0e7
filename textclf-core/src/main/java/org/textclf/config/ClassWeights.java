package org.textclf.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How much each class's examples weigh in the training loss, as Keras' {@code class_weight} and scikit-learn's: none
 * (every class 1), balanced ({@code n_samples / (n_classes * count_c)} over the training part, so that the mean weight
 * of an example stays 1), or explicit weights by class (a class not named weighs 1). Immutable.
 *
 * @param balanced whether the weights come from the training part's class counts
 * @param explicit the weight of each named class (its label or display name), in the order given; empty for none
 *     and for balanced
 */
public record ClassWeights(boolean balanced, Map<String, Double> explicit) {
    /** Every class weighs 1. */
    public static final ClassWeights NONE = new ClassWeights(false, Map.of());
    public static final ClassWeights BALANCED = new ClassWeights(true, Map.of());

    public ClassWeights {
        explicit = explicit == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(explicit));
        if (balanced && !explicit.isEmpty()) {
            throw new IllegalArgumentException("class weights are either balanced or explicit; found both");
        }
        for (Map.Entry<String, Double> e : explicit.entrySet()) {
            if (e.getKey() == null || e.getKey().isBlank()) {
                throw new IllegalArgumentException("a class weight needs a class; found an empty class name");
            }
            double w = e.getValue() == null ? Double.NaN : e.getValue();
            if (!(w > 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("the weight of class '" + e.getKey()
                        + "' must be a finite number greater than 0; found " + number(w));
            }
        }
    }

    /**
     * {@code balanced}, {@code none}, or {@code CLASS=WEIGHT,...} (a class by its label or its display name).
     *
     * @throws IllegalArgumentException saying what is wrong with {@code text}
     */
    public static ClassWeights parse(String text) {
        String s = text.strip();
        if (s.equals("balanced")) {
            return BALANCED;
        }
        if (s.equals("none")) {
            return NONE;
        }
        Map<String, Double> weights = new LinkedHashMap<>();
        for (String pair : s.split(",", -1)) {
            int eq = pair.lastIndexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("expected balanced, none or CLASS=WEIGHT,... (e.g. World=2,Sports=1),"
                        + " found '" + text + "'");
            }
            String name = pair.substring(0, eq).strip();
            String value = pair.substring(eq + 1).strip();
            double weight;
            try {
                weight = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the weight of class '" + name + "' must be a number; found '"
                        + value + "'");
            }
            if (weights.put(name, weight) != null) {
                throw new IllegalArgumentException("class '" + name + "' is given two weights; expected each class"
                        + " once");
            }
        }
        return new ClassWeights(false, weights);
    }

    /** Whether every class weighs 1. */
    public boolean uniform() {
        return !balanced && explicit.isEmpty();
    }

    /**
     * The weight of each class id.
     *
     * @param labels the classes' labels, by class id
     * @param names their display names, by class id
     * @param counts the training part's examples of each class, by class id; needed only when {@link #balanced()}
     *     (a class without any weighs as if it had one)
     * @throws UnknownClass when an explicit weight names no class
     */
    public float[] weights(List<String> labels, List<String> names, long[] counts) {
        int classes = labels.size();
        float[] weights = new float[classes];
        if (balanced) {
            long total = 0;
            for (long c : counts) {
                total += c;
            }
            for (int c = 0; c < classes; c++) {
                weights[c] = (float) ((double) total / ((double) classes * Math.max(1, counts[c])));
            }
            return weights;
        }
        Arrays.fill(weights, 1f);
        for (Map.Entry<String, Double> e : explicit.entrySet()) {
            int id = labels.indexOf(e.getKey());
            if (id < 0) {
                id = names.indexOf(e.getKey());
            }
            if (id < 0) {
                throw new UnknownClass("'" + e.getKey() + "' is not a class of the data; expected one of "
                        + String.join(", ", names));
            }
            weights[id] = e.getValue().floatValue();
        }
        return weights;
    }

    /** As {@link #parse} reads it. */
    @Override
    public String toString() {
        if (balanced) {
            return "balanced";
        }
        if (explicit.isEmpty()) {
            return "none";
        }
        List<String> pairs = new ArrayList<>();
        explicit.forEach((k, v) -> pairs.add(k + "=" + number(v)));
        return String.join(",", pairs);
    }

    /** 2 rather than 2.0, as a user writes it. */
    private static String number(double v) {
        return v == Math.rint(v) && !Double.isInfinite(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    /** An explicit weight for a class the data does not have: known only once the classes are. */
    public static final class UnknownClass extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        UnknownClass(String message) {
            super(message);
        }
    }
}
