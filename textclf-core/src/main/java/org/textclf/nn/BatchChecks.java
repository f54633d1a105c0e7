package org.textclf.nn;

/**
 * The label checks every network makes before it fits or evaluates a batch, with one wording for all of them:
 * {@code "fitBatch: batch row 1 has no label (-1); expected a class id in [0, 3), found -1. ..."}.
 */
final class BatchChecks {

    private BatchChecks() {
    }

    /** Every label is a class id in {@code [0, classes)}. */
    static void labels(String method, int[] labels, int classes) {
        for (int r = 0; r < labels.length; r++) {
            label(method, r, labels[r], classes);
        }
    }

    /** Batch row {@code row}'s {@code label} is a class id in {@code [0, classes)}. */
    static void label(String method, int row, int label, int classes) {
        if (label < 0 || label >= classes) {
            throw new IllegalArgumentException(method + ": batch row " + row + " has "
                    + (label == -1 ? "no label (-1)" : "a label out of range")
                    + "; expected a class id in [0, " + classes + "), found " + label
                    + (label == -1 ? ". Only labelled batches can be fitted or evaluated" : ""));
        }
    }

    /** A training step needs at least one row: its gradient is a mean over the rows. */
    static void notEmpty(String method, int rows) {
        if (rows == 0) {
            throw new IllegalArgumentException(method + ": the batch has no rows; expected at least 1");
        }
    }
}
