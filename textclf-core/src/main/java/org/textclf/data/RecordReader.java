package org.textclf.data;

import java.io.IOException;

/**
 * The bad-record policy, the label rule and the counting, once for every format: a format reader only turns records
 * into samples, throwing {@link BadRecordException} for a malformed one after consuming it. Every sample leaves with
 * its label in {@link Labels#canonical} form, checked against the {@code classes.txt} beside the file.
 */
abstract class RecordReader implements SampleReader {
    private final String name;
    private final BadRecordPolicy policy;
    private final ClassesFile classes;
    private final ReadStats stats = new ReadStats();

    /** @param classes the {@code classes.txt} beside the file, or {@link ClassesFile#NONE} */
    RecordReader(String name, BadRecordPolicy policy, ClassesFile classes) {
        this.name = name;
        this.policy = policy;
        this.classes = classes;
    }

    /**
     * The next record as a sample, or null at the end of the pass.
     *
     * @throws BadRecordException for a malformed record, after consuming it
     */
    abstract Sample readRecord() throws IOException;

    @Override
    public final Sample next() throws IOException {
        while (true) {
            try {
                Sample sample = readRecord();
                if (sample == null) {
                    return null;
                }
                sample = checkLabel(sample);
                stats.countRead();
                return sample;
            } catch (BadRecordException e) {
                if (policy == BadRecordPolicy.FAIL) {
                    throw e;
                }
                stats.countSkipped(e);
            }
        }
    }

    /** Whether {@code label}, as written, is a label of these classes: for telling a header row from data. */
    final boolean isLabel(String label) {
        try {
            return classes.allows(Labels.canonical(label));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether a classes.txt beside the file names the classes. */
    final boolean hasClassesFile() {
        return !classes.names().isEmpty();
    }

    /** Counts a record that is not a sample (a header row) as skipped whatever the policy, so the user hears of it. */
    final void skip(BadRecordException notice) {
        stats.countSkipped(notice);
    }

    private Sample checkLabel(Sample sample) throws BadRecordException {
        String label = sample.label();
        if (label == null) {
            return sample;
        }
        String canonical;
        try {
            canonical = Labels.canonical(label);
        } catch (IllegalArgumentException e) {
            throw new BadRecordException(name, sample.line(), e.getMessage());
        }
        if (!classes.allows(canonical)) {
            throw new BadRecordException(name, sample.line(), "unknown label " + Labels.quote(canonical)
                    + "; expected " + classes.expected());
        }
        return canonical.equals(label) ? sample : new Sample(canonical, sample.text(), sample.line(), sample.id());
    }

    @Override
    public final ReadStats stats() {
        return stats;
    }
}
