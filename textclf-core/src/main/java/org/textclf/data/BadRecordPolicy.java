package org.textclf.data;

/** What a reader does with a malformed record. */
public enum BadRecordPolicy {
    /** Stop with a {@link BadRecordException} naming the file and line (the default). */
    FAIL,
    /** Skip it, count it, and remember the first few offenders for the end-of-pass report. */
    SKIP
}
