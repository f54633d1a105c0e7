package org.textclf;

import java.util.ArrayList;
import java.util.List;

/**
 * A classifier's answer for one text: the most probable class and every class's probability.
 *
 * @param classId the top class's id
 * @param label the top class's name
 * @param probabilities one per class, in class-id order
 * @param names the class names, in class-id order
 */
public record Prediction(int classId, String label, float[] probabilities, List<String> names) {

    /** The top class's probability. */
    public float probability() {
        return probabilities[classId];
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
