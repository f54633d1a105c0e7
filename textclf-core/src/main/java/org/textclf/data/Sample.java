package org.textclf.data;

/**
 * One record read from a corpus: its label as written in the data (null when the data is unlabeled), its text,
 * and the 1-based line of the file where the record starts (the record's ordinal for sources without lines).
 */
public record Sample(String label, String text, long line) {
    public Sample {
        if (text == null) {
            throw new IllegalArgumentException("text must not be null");
        }
    }
}
