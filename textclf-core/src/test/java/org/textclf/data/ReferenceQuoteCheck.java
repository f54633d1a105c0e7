package org.textclf.data;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * {@link QuoteCheck} as it was before its run-at-a-time scan, char by char: the reference that
 * {@link QuoteCheckTest} holds the fast one to. Watches the characters FastCSV reads for the two malformations FastCSV accepts silently (with
 * {@code acceptCharsAfterQuotes(true)}, the only setting under which it can go on after one): text after a closing
 * quote, and a quote still open at the end of the file. The first is reported by physical line to
 * {@link LineProblems}; the second is a flag the reader checks after the last record. Lines end as in
 * {@link Utf8Input}, so both count the same lines as FastCSV. It also counts each record's UTF-8 bytes (without the
 * line end that ends it) and reports a record over the limit by its first line.
 */
final class ReferenceQuoteCheck extends FilterReader {
    private static final int FIELD_START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    private static final int QUOTE_IN_QUOTED = 3;

    private final char separator;
    /** Bit c set for the chars below 64 that may change the state: quote, CR, LF, and the separator if below 64. */
    private final long special;
    private final LineProblems problems;
    private int state = FIELD_START;
    private long line = 1;
    private boolean lastWasCr;
    private boolean unclosedAtEnd;
    private final int maxRecordBytes;
    private long recordBytes;
    private long recordLine = 1;

    ReferenceQuoteCheck(Reader in, char separator, LineProblems problems, int maxRecordBytes) {
        super(in);
        this.maxRecordBytes = maxRecordBytes;
        this.separator = separator;
        this.special = 1L << '"' | 1L << '\n' | 1L << '\r' | (separator < 64 ? 1L << separator : 0);
        this.problems = problems;
    }

    /** The physical line of the next char to be read, counted as {@link Utf8Input} does. */
    long line() {
        return line;
    }

    /** Whether the last char read was a CR (so that a LF next ends no new line). */
    boolean lastWasCr() {
        return lastWasCr;
    }

    /** True once the end of the file was reached inside a quoted field. */
    boolean unclosedAtEnd() {
        return unclosedAtEnd;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        int n = in.read(cbuf, off, len);
        if (n < 0) {
            unclosedAtEnd = state == QUOTED;
            return n;
        }
        scan(cbuf, off, off + n);
        return n;
    }

    @Override
    public int read() throws IOException {
        char[] one = new char[1];
        return read(one, 0, 1) < 0 ? -1 : one[0];
    }

    /** Reports the current record when it has grown over the limit (once: a line keeps its first problem). */
    private void checkRecord(long bytes) {
        if (bytes > maxRecordBytes) {
            problems.add(recordLine, RecordLimit.tooLong("record", maxRecordBytes));
        }
    }

    private void scan(char[] cbuf, int from, int to) {
        int s = state;
        long l = line;
        boolean cr = lastWasCr;
        char sep = separator;
        long specials = special;
        long bytes = recordBytes;
        for (int i = from; i < to; i++) {
            char c = cbuf[i];
            if (c < 64 ? (specials & 1L << c) == 0 : c != sep) {
                bytes += RecordLimit.utf8Bytes(c);
                // Most chars: neither quote, separator nor line end. Inside a field they change nothing, so a run of
                // them costs one test each (QuoteCheck was the reader's top frame in TextPasses read before this).
                cr = false;
                if (s == QUOTE_IN_QUOTED) {
                    problems.add(l, QuoteCheck.TEXT_AFTER_QUOTE);
                    s = UNQUOTED;
                } else if (s == FIELD_START) {
                    s = UNQUOTED;
                }
                continue;
            }
            boolean newline = false;
            if (c == '\n') {
                newline = !cr;
                cr = false;
                if (!newline) {
                    continue;
                }
            } else if (c == '\r') {
                newline = true;
                cr = true;
            } else {
                cr = false;
            }
            switch (s) {
                case QUOTED -> s = c == '"' ? QUOTE_IN_QUOTED : QUOTED;
                case QUOTE_IN_QUOTED -> {
                    if (c == '"') {
                        s = QUOTED;
                    } else if (c == sep || newline) {
                        s = FIELD_START;
                    } else {
                        problems.add(l, QuoteCheck.TEXT_AFTER_QUOTE);
                        s = UNQUOTED;
                    }
                }
                case FIELD_START -> s = c == '"' ? QUOTED : (c == sep || newline) ? FIELD_START : UNQUOTED;
                default -> s = (c == sep || newline) ? FIELD_START : UNQUOTED;
            }
            if (newline && s == FIELD_START) {
                // the record ends here (a line end inside quotes does not end it)
                checkRecord(bytes);
                bytes = 0;
                recordLine = l + 1;
            } else {
                bytes += RecordLimit.utf8Bytes(c);
            }
            if (newline) {
                l++;
            }
        }
        checkRecord(bytes);
        recordBytes = bytes;
        state = s;
        line = l;
        lastWasCr = cr;
    }
}
