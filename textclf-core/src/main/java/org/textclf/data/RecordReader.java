package org.textclf.data;

import java.io.IOException;
import java.math.BigInteger;

/**
 * The bad-record policy, the label checks and the counting, once for every format: a format reader only turns
 * records into samples, throwing {@link BadRecordException} for a malformed one after consuming it.
 */
abstract class RecordReader implements SampleReader {
    private final String name;
    private final BadRecordPolicy policy;
    private final int classCount;
    private final ReadStats stats = new ReadStats();

    /**
     * @param classCount the number of names in a {@code classes.txt} beside the file, so numeric labels must be in
     *     {@code 1..classCount}; 0 when there is none
     */
    RecordReader(String name, BadRecordPolicy policy, int classCount) {
        this.name = name;
        this.policy = policy;
        this.classCount = classCount;
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
                checkLabel(sample);
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

    private void checkLabel(Sample sample) throws BadRecordException {
        String label = sample.label();
        if (label == null) {
            return;
        }
        if (label.isBlank()) {
            throw new BadRecordException(name, sample.line(), "empty label; expected a class label");
        }
        if (classCount > 0 && isInteger(label)) {
            BigInteger value = new BigInteger(label.strip());
            if (value.signum() <= 0 || value.compareTo(BigInteger.valueOf(classCount)) > 0) {
                throw new BadRecordException(name, sample.line(), "unknown label '" + label + "'; expected 1.."
                        + classCount + " (classes.txt beside the file names " + classCount + " classes)");
            }
        }
    }

    private static boolean isInteger(String s) {
        String t = s.strip();
        int start = t.startsWith("-") || t.startsWith("+") ? 1 : 0;
        if (start == t.length() || t.length() > 18) {
            return false;
        }
        for (int i = start; i < t.length(); i++) {
            if (t.charAt(i) < '0' || t.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    @Override
    public final ReadStats stats() {
        return stats;
    }
}
