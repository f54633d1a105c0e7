package org.textclf.data;

/**
 * One record read from a corpus: its label as written in the data (null when the data is unlabeled), its text,
 * the 1-based line of the file where the record starts (the record's ordinal for sources without lines), and its id
 * as written in the {@link SourceOptions#idColumn} (null when none is named).
 */
public record Sample(String label, String text, long line, String id) {
    public Sample {
        if (text == null) {
            throw new IllegalArgumentException("text must not be null");
        }
    }

    /** A sample without an id. */
    public Sample(String label, String text, long line) {
        this(label, text, line, null);
    }
}
