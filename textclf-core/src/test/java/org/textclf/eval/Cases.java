package org.textclf.eval;

import java.util.List;

/**
 * Small hand-made cases whose expected numbers were computed with scikit-learn 1.2.1 and numpy (/usr/bin/python3):
 * {@code pred = np.argmax(p.astype(np.float32), axis=1)}, then {@code classification_report(y, pred,
 * labels=range(k), target_names=names, digits=4, zero_division=0)}, {@code confusion_matrix(y, pred,
 * labels=range(k))}, {@code precision_recall_fscore_support(..., average=None/"macro"/"weighted",
 * zero_division=0)}, and the loss as {@code np.mean(-np.log(np.clip(p[range(n), y], 1e-7, 1 - 1e-7)))}.
 */
final class Cases {
    static final List<String> NAMES = List.of("World", "Sports", "Business", "Sci/Tech");

    /** True classes; class 3 never occurs. */
    static final int[] LABELS = {0, 0, 0, 1, 1, 2, 2, 1, 0};

    /**
     * Row-major 9 x 4. Class 2 is never predicted; rows 1, 5, 6 and 7 have tied maxima (argmax picks the lowest
     * id: 0, 0, 1, 0); row 6 gives its true class probability 0, which the loss clips to 1e-7.
     */
    static final float[] PROBABILITIES = {
        0.7f, 0.2f, 0.1f, 0.0f,
        0.4f, 0.4f, 0.1f, 0.1f,
        0.2f, 0.5f, 0.2f, 0.1f,
        0.1f, 0.8f, 0.05f, 0.05f,
        0.6f, 0.3f, 0.05f, 0.05f,
        0.3f, 0.3f, 0.2f, 0.2f,
        0.1f, 0.45f, 0.0f, 0.45f,
        0.25f, 0.25f, 0.25f, 0.25f,
        0.1f, 0.1f, 0.1f, 0.7f,
    };

    private Cases() {
    }

    static Evaluation handComputed() {
        Evaluator evaluator = new Evaluator(4);
        evaluator.add(LABELS, PROBABILITIES);
        return evaluator.evaluation();
    }
}
