package org.textclf.data;

import java.io.IOException;

/**
 * Samples from Zhang et al.'s CSV files: no header, the class first, then one or more text fields joined with a
 * space, and the two characters {@code \n} (escaped newlines as written in those files) read as a space. The first
 * record fixes the field count; a record with another count is bad.
 */
final class ZhangCsvReader extends RecordReader {
    private final String file;
    private final Rows rows;
    private final StringBuilder text = new StringBuilder();
    private int fieldCount;

    ZhangCsvReader(String file, Rows rows, BadRecordPolicy policy, int classCount) {
        super(file, policy, classCount);
        this.file = file;
        this.rows = rows;
    }

    @Override
    Sample readRecord() throws IOException {
        if (!rows.next()) {
            return null;
        }
        int n = rows.fieldCount();
        if (fieldCount == 0 && n < 2) {
            throw new BadRecordException(file, rows.line(), "wrong number of fields; expected at least 2 (class, "
                    + "text), found " + n);
        }
        if (fieldCount == 0) {
            fieldCount = n;
        } else if (n != fieldCount) {
            throw new BadRecordException(file, rows.line(), "wrong number of fields; expected " + fieldCount
                    + " (as in the first record), found " + n);
        }
        String joined;
        if (n == 2) {
            joined = rows.field(1);
        } else {
            text.setLength(0);
            for (int i = 1; i < n; i++) {
                if (i > 1) {
                    text.append(' ');
                }
                text.append(rows.field(i));
            }
            joined = text.toString();
        }
        if (joined.indexOf('\\') >= 0) {
            joined = joined.replace("\\n", " ");
        }
        return new Sample(rows.field(0), joined, rows.line());
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }
}
