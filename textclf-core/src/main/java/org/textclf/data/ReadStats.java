package org.textclf.data;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Counts of one pass: records read (kept), records skipped as malformed, the first few skipped records' messages,
 * and notices about what the pass did not read although it is not a bad record (files a folder corpus ignores),
 * so that nothing is ever dropped silently.
 */
public final class ReadStats {
    /** How many offenders are kept for the report; the count of skipped records is always exact. */
    public static final int MAX_REPORTED_OFFENDERS = 5;

    private long read;
    private long skipped;
    private final List<String> firstOffenders = new ArrayList<>();
    private final List<String> notices = new ArrayList<>();
    private Consumer<BadRecordException> onSkipped = offender -> { };
    private LongSupplier bytesRead = () -> -1;

    public void countRead() {
        read++;
    }

    public void countSkipped(BadRecordException offender) {
        skipped++;
        onSkipped.accept(offender);
        if (firstOffenders.size() < MAX_REPORTED_OFFENDERS) {
            firstOffenders.add(offender.getMessage());
        }
    }

    /**
     * Hears of every record skipped from now on, as it is skipped: in a pass, before the sample that follows it, so
     * that a consumer that answers every record (predict) can keep its output in step with the input.
     */
    public void onSkipped(Consumer<BadRecordException> listener) {
        onSkipped = listener;
    }

    /** Adds a one-line notice, {@code FILE: what was not read}, for the end-of-pass report. */
    public void addNotice(String notice) {
        notices.add(notice);
    }

    /** What the pass did not read, one line each (empty when it read everything there was). */
    public List<String> notices() {
        return List.copyOf(notices);
    }

    /** A record counted as read that a later check (its label against a model's classes) turned out bad. */
    public void reject(BadRecordException offender) {
        read--;
        countSkipped(offender);
    }

    /**
     * Where {@link #bytesRead} comes from: a counter of the file's bytes (before gunzipping) that the pass has taken
     * from the disk, so that the pass's progress is known before its records are.
     */
    void countBytesWith(LongSupplier counter) {
        bytesRead = counter;
    }

    /** How many bytes of its file the pass has read so far (as stored, gzip or not), or -1 when unknown. */
    public long bytesRead() {
        return bytesRead.getAsLong();
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
