package org.textclf.data;

import java.io.IOException;

/**
 * Samples from a CSV or TSV file with a header: the text columns joined with a space, the label column (or no
 * label). Every record must have as many fields as the header.
 */
final class TableReader extends RecordReader {
    private final String file;
    private final Rows rows;
    private final SourceOptions options;
    private Columns columns;
    private final StringBuilder text = new StringBuilder();

    TableReader(String file, Rows rows, SourceOptions options, ClassesFile classes) {
        super(file, options.onBadRecord(), classes);
        this.file = file;
        this.rows = rows;
        this.options = options;
    }

    /**
     * Reads the header and finds the columns; null for an empty file.
     *
     * @throws BadRecordException when the header is malformed or lacks a wanted column (whatever the policy)
     */
    static Columns readHeader(String file, Rows rows, SourceOptions options) throws IOException {
        if (!rows.next()) {
            return null;
        }
        return Columns.of(file, rows.line(), Columns.fieldsOf(rows), options);
    }

    /** Reads the header now rather than at the first record, so that a one-pass source fails as early as a file. */
    void readHeaderNow() throws IOException {
        columns = readHeader(file, rows, options);
    }

    @Override
    Sample readRecord() throws IOException {
        if (columns == null) {
            columns = readHeader(file, rows, options);
            if (columns == null) {
                return null;
            }
        }
        if (!rows.next()) {
            return null;
        }
        if (rows.fieldCount() != columns.fieldCount()) {
            throw new BadRecordException(file, rows.line(), "wrong number of fields; expected "
                    + columns.fieldCount() + " (as in the header), found " + rows.fieldCount());
        }
        int[] textColumns = columns.text();
        String joined;
        if (textColumns.length == 1) {
            joined = rows.field(textColumns[0]);
        } else {
            text.setLength(0);
            for (int i = 0; i < textColumns.length; i++) {
                if (i > 0) {
                    text.append(' ');
                }
                text.append(rows.field(textColumns[i]));
            }
            joined = text.toString();
        }
        String label = columns.label() < 0 ? null : rows.field(columns.label());
        return new Sample(label, joined, rows.line(), columns.id() < 0 ? null : rows.field(columns.id()));
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }
}
