package org.textclf.eval;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What {@code evaluate} reports for a model on labeled data: accuracy, mean loss, per-class precision, recall and F1
 * with their macro and weighted averages, and the confusion matrix. Immutable; built by {@link Evaluator}.
 *
 * <p>Definitions follow scikit-learn's {@code classification_report} and {@code confusion_matrix} with
 * {@code labels} = every class and {@code zero_division=0}: a class never predicted has precision 0, a class absent
 * from the data has recall 0 (both are 0/0), and such classes still count in the macro average. The confusion
 * matrix has one row per true class and one column per predicted class.
 */
public final class Evaluation {
    private final int classes;
    private final long[] confusion;
    private final double lossSum;
    private final long samples;
    private final long unlabeled;

    Evaluation(int classes, long[] confusion, double lossSum, long samples, long unlabeled) {
        this.classes = classes;
        this.confusion = confusion;
        this.lossSum = lossSum;
        this.samples = samples;
        this.unlabeled = unlabeled;
    }

    public int classes() {
        return classes;
    }

    /** The labeled samples evaluated. */
    public long samples() {
        return samples;
    }

    /** Samples without a label, skipped. */
    public long unlabeled() {
        return unlabeled;
    }

    /** The fraction of samples whose predicted class is their label. */
    public double accuracy() {
        long correct = 0;
        for (int c = 0; c < classes; c++) {
            correct += count(c, c);
        }
        return (double) correct / samples;
    }

    /** The mean cross-entropy per sample (see {@link Evaluator} for its exact definition); NaN if a model gave NaN. */
    public double loss() {
        return lossSum / samples;
    }

    /** How many samples of class {@code label} were predicted as {@code predicted}. */
    public long count(int label, int predicted) {
        return confusion[label * classes + predicted];
    }

    /** A copy of the confusion matrix: {@code [label][predicted]}. */
    public long[][] confusionMatrix() {
        long[][] matrix = new long[classes][classes];
        for (int c = 0; c < classes; c++) {
            System.arraycopy(confusion, c * classes, matrix[c], 0, classes);
        }
        return matrix;
    }

    /** How many samples truly belong to class {@code c}: the sum of its row. */
    public long support(int c) {
        long sum = 0;
        for (int k = 0; k < classes; k++) {
            sum += count(c, k);
        }
        return sum;
    }

    /** How many samples were predicted as class {@code c}: the sum of its column. */
    public long predicted(int c) {
        long sum = 0;
        for (int k = 0; k < classes; k++) {
            sum += count(k, c);
        }
        return sum;
    }

    /** Precision, recall, F1 and support of class {@code c}. */
    public Scores scores(int c) {
        long truePositives = count(c, c);
        long support = support(c);
        long predicted = predicted(c);
        // 0/0 -> 0, as scikit-learn's zero_division=0: no prediction of c means no correct one to credit.
        double precision = ratio(truePositives, predicted);
        double recall = ratio(truePositives, support);
        // 2tp / (2tp + fp + fn) equals the harmonic mean of precision and recall, and is 0 where both are 0.
        double f1 = ratio(2 * truePositives, support + predicted);
        return new Scores(precision, recall, f1, support);
    }

    /** The unweighted mean over all classes, including those absent from the data. */
    public Scores macroAverage() {
        double precision = 0;
        double recall = 0;
        double f1 = 0;
        for (int c = 0; c < classes; c++) {
            Scores s = scores(c);
            precision += s.precision();
            recall += s.recall();
            f1 += s.f1();
        }
        return new Scores(precision / classes, recall / classes, f1 / classes, samples);
    }

    /** The mean over classes weighted by support, so frequent classes count more. */
    public Scores weightedAverage() {
        double precision = 0;
        double recall = 0;
        double f1 = 0;
        for (int c = 0; c < classes; c++) {
            Scores s = scores(c);
            precision += s.precision() * s.support();
            recall += s.recall() * s.support();
            f1 += s.f1() * s.support();
        }
        return new Scores(precision / samples, recall / samples, f1 / samples, samples);
    }

    /**
     * A text report in the layout of scikit-learn's {@code classification_report(digits=4)}, followed by the loss
     * and the confusion matrix with aligned columns.
     *
     * @param classNames one display name per class, in class id order
     */
    public String report(List<String> classNames) {
        return EvaluationReport.text(this, checkNames(classNames));
    }

    /**
     * The same numbers as JSON: {@code samples}, {@code unlabeled}, {@code accuracy}, {@code loss},
     * {@code per_class} (name to {@code precision, recall, f1, support}), {@code macro_avg}, {@code weighted_avg},
     * {@code labels} (the class names in id order) and {@code confusion_matrix} (rows = true class in
     * {@code labels} order, columns = predicted).
     */
    public String toJson(List<String> classNames) {
        return EvaluationJson.write(this, checkNames(classNames));
    }

    private List<String> checkNames(List<String> classNames) {
        if (classNames.size() != classes) {
            throw new IllegalArgumentException("expected one class name per class, " + classes + " names, found "
                    + classNames.size());
        }
        Set<String> seen = new HashSet<>();
        for (String name : classNames) {
            if (!seen.add(name)) {
                throw new IllegalArgumentException("class names must be distinct; expected one '" + name
                        + "', found two");
            }
        }
        return List.copyOf(classNames);
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 0 : (double) numerator / denominator;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Evaluation[samples=%d, accuracy=%.4f, loss=%.4f]", samples, accuracy(), loss());
    }
}
