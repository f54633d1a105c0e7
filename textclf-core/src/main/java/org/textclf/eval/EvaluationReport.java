package org.textclf.eval;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** The human-readable form of an {@link Evaluation}: scikit-learn's classification report, loss, confusion matrix. */
final class EvaluationReport {
    static final int DIGITS = 4;
    /** Wider matrices wrap in a terminal and stop being readable; the JSON form always has the matrix. */
    static final int MATRIX_MAX_CLASSES = 40;
    /** Longer class names make column headers of class ids instead, so columns stay narrow. */
    static final int MATRIX_MAX_NAME_LENGTH = 12;
    private static final String[] HEADERS = {"precision", "recall", "f1-score", "support"};

    private EvaluationReport() {
    }

    static String text(Evaluation e, List<String> names) {
        StringBuilder out = new StringBuilder();
        classificationReport(e, names, out);
        out.append('\n').append("loss ").append(Double.isNaN(e.loss()) ? "NaN" : decimal(e.loss(), DIGITS))
                .append(" (mean cross-entropy over ").append(e.samples()).append(" samples)\n");
        if (e.unlabeled() > 0) {
            out.append(e.unlabeled()).append(" unlabeled samples skipped\n");
        }
        out.append('\n');
        confusionMatrix(e, names, out);
        return out.toString();
    }

    /** Character for character what {@code classification_report(y, p, labels=all, digits=4)} prints. */
    private static void classificationReport(Evaluation e, List<String> names, StringBuilder out) {
        int width = "weighted avg".length();
        for (String name : names) {
            width = Math.max(width, name.length());
        }
        pad(out, "", width).append(' ');
        for (String header : HEADERS) {
            pad(out.append(' '), header, 9);
        }
        out.append("\n\n");
        for (int c = 0; c < e.classes(); c++) {
            row(out, names.get(c), e.scores(c), width);
        }
        out.append('\n');
        pad(out, "accuracy", width).append(' ');
        pad(out.append(' '), "", 9);
        pad(out.append(' '), "", 9);
        pad(out.append(' '), decimal(e.accuracy(), DIGITS), 9);
        pad(out.append(' '), Long.toString(e.samples()), 9).append('\n');
        row(out, "macro avg", e.macroAverage(), width);
        row(out, "weighted avg", e.weightedAverage(), width);
    }

    private static void row(StringBuilder out, String heading, Scores s, int width) {
        pad(out, heading, width).append(' ');
        pad(out.append(' '), decimal(s.precision(), DIGITS), 9);
        pad(out.append(' '), decimal(s.recall(), DIGITS), 9);
        pad(out.append(' '), decimal(s.f1(), DIGITS), 9);
        pad(out.append(' '), Long.toString(s.support()), 9).append('\n');
    }

    private static void confusionMatrix(Evaluation e, List<String> names, StringBuilder out) {
        int n = e.classes();
        if (n > MATRIX_MAX_CLASSES) {
            out.append("confusion matrix omitted for ").append(n).append(" classes (more than ")
                    .append(MATRIX_MAX_CLASSES).append("); the JSON report has it\n");
            return;
        }
        boolean shortNames = true;
        for (String name : names) {
            shortNames &= name.length() <= MATRIX_MAX_NAME_LENGTH;
        }
        String[] rowLabels = new String[n];
        String[] columnLabels = new String[n];
        int rowWidth = 0;
        for (int c = 0; c < n; c++) {
            rowLabels[c] = shortNames ? names.get(c) : c + " " + names.get(c);
            columnLabels[c] = shortNames ? names.get(c) : Integer.toString(c);
            rowWidth = Math.max(rowWidth, rowLabels[c].length());
        }
        int[] columnWidth = new int[n];
        long[][] matrix = e.confusionMatrix();
        for (int p = 0; p < n; p++) {
            columnWidth[p] = columnLabels[p].length();
            for (int t = 0; t < n; t++) {
                columnWidth[p] = Math.max(columnWidth[p], Long.toString(matrix[t][p]).length());
            }
        }
        out.append("confusion matrix (rows: true class, columns: predicted class)\n");
        pad(out, "", rowWidth);
        for (int p = 0; p < n; p++) {
            pad(out.append("  "), columnLabels[p], columnWidth[p]);
        }
        out.append('\n');
        for (int t = 0; t < n; t++) {
            pad(out, rowLabels[t], rowWidth);
            for (int p = 0; p < n; p++) {
                pad(out.append("  "), Long.toString(matrix[t][p]), columnWidth[p]);
            }
            out.append('\n');
        }
    }

    /** Right-aligns {@code text} in {@code width} columns, as Python's {@code {:>width}}; never truncates. */
    private static StringBuilder pad(StringBuilder out, String text, int width) {
        out.append(" ".repeat(Math.max(0, width - text.length())));
        return out.append(text);
    }

    /**
     * Python's {@code {:.4f}}: the exact binary value rounded half to even. {@code String.format("%.4f")} rounds
     * the shortest decimal form half up instead, which differs on values like 0.66665, and depends on the locale.
     */
    static String decimal(double value, int digits) {
        return new BigDecimal(value).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
    }
}
