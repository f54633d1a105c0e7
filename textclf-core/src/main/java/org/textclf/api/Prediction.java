package org.textclf.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A classifier's answer for one text: the most probable class and every class's probability.
 *
 * @param classId the top class's id
 * @param label the top class's name
 * @param probabilities one per class, in class-id order
 * @param names the class names, in class-id order
 */
public record Prediction(int classId, String label, float[] probabilities, List<String> names) {

    public Prediction {
        probabilities = probabilities.clone();
        names = List.copyOf(names);
        if (probabilities.length != names.size()) {
            throw new IllegalArgumentException("expected one probability per class name, found "
                    + probabilities.length + " and " + names.size());
        }
    }

    /** One probability per class, in class-id order (a copy). */
    @Override
    public float[] probabilities() {
        return probabilities.clone();
    }

    /** The top class's probability. */
    public float probability() {
        return probabilities[classId];
    }

    /**
     * The probability of the class named {@code className}.
     *
     * @throws IllegalArgumentException naming the classes when there is no such class
     */
    public float probability(String className) {
        int id = names.indexOf(className);
        if (id < 0) {
            throw new IllegalArgumentException("no class named '" + className + "'; expected one of " + names);
        }
        return probabilities[id];
    }

    /** Every class's probability by name, in class-id order. */
    public Map<String, Float> byClass() {
        Map<String, Float> byName = new LinkedHashMap<>();
        for (int i = 0; i < probabilities.length; i++) {
            byName.put(names.get(i), probabilities[i]);
        }
        return byName;
    }

    /** The {@code k} most probable classes, most probable first (ties by class id). */
    public List<Scored> top(int k) {
        List<Scored> all = new ArrayList<>(probabilities.length);
        for (int i = 0; i < probabilities.length; i++) {
            all.add(new Scored(i, names.get(i), probabilities[i]));
        }
        all.sort((a, b) -> a.probability() != b.probability() ? Float.compare(b.probability(), a.probability())
                : Integer.compare(a.classId(), b.classId()));
        return all.subList(0, Math.min(k, all.size()));
    }

    /** E.g. {@code World 0.9120 (Sports 0.0310, Business 0.0400, Sci/Tech 0.0170)}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%s %.4f (", label, probability()));
        boolean first = true;
        for (int i = 0; i < probabilities.length; i++) {
            if (i != classId) {
                s.append(first ? "" : ", ").append(String.format(Locale.ROOT, "%s %.4f", names.get(i),
                        probabilities[i]));
                first = false;
            }
        }
        return s.append(')').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Prediction p && p.classId == classId && p.label.equals(label)
                && java.util.Arrays.equals(p.probabilities, probabilities) && p.names.equals(names);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(probabilities) + names.hashCode();
    }

    /** One class with its probability. */
    public record Scored(int classId, String label, float probability) {
    }

    static Prediction of(float[] rowMajor, int row, List<String> names) {
        int classes = names.size();
        float[] p = new float[classes];
        System.arraycopy(rowMajor, row * classes, p, 0, classes);
        int best = 0;
        for (int c = 1; c < classes; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        return new Prediction(best, names.get(best), p, names);
    }
}
