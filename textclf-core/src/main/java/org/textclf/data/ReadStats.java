package org.textclf.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Counts of one pass: records read (kept), records skipped as malformed, and the first few skipped records'
 * messages, so that nothing is ever dropped silently.
 */
public final class ReadStats {
    /** How many offenders are kept for the report; the count of skipped records is always exact. */
    public static final int MAX_REPORTED_OFFENDERS = 5;

    private long read;
    private long skipped;
    private final List<String> firstOffenders = new ArrayList<>();

    public void countRead() {
        read++;
    }

    public void countSkipped(BadRecordException offender) {
        skipped++;
        if (firstOffenders.size() < MAX_REPORTED_OFFENDERS) {
            firstOffenders.add(offender.getMessage());
        }
    }

    /** A record counted as read that a later check (its label against a model's classes) turned out bad. */
    public void reject(BadRecordException offender) {
        read--;
        countSkipped(offender);
    }

    public long read() {
        return read;
    }

    public long skipped() {
        return skipped;
    }

    public List<String> firstOffenders() {
        return List.copyOf(firstOffenders);
    }

    /** One line for the user, e.g. {@code read 25,000 records, skipped 0}. */
    public String summary() {
        return String.format("read %,d records, skipped %,d", read, skipped);
    }

    @Override
    public String toString() {
        return summary();
    }
}
