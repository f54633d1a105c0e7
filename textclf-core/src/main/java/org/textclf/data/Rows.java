package org.textclf.data;

import java.io.Closeable;
import java.io.IOException;
import java.io.BufferedInputStream;

/** The records of a delimited file as fields, one record at a time (CSV through FastCSV, or TSV lines). */
interface Rows extends Closeable {

    /**
     * Moves to the next record; false at the end of the file.
     *
     * @throws BadRecordException for a malformed record, after consuming it, so the caller may go on
     */
    boolean next() throws IOException;

    int fieldCount();

    String field(int index);

    /** The physical line where the current record starts. */
    long line();

    /**
     * The rows of a CSV (quoted, RFC 4180) or TSV (one record per line, no quoting) file: {@code bytes}, its bytes
     * from the start, named {@code file} in messages.
     */
    static Rows of(String file, BufferedInputStream bytes, DataFormat format, int maxRecordBytes) throws IOException {
        return format == DataFormat.TSV ? new TsvRows(LineInput.of(file, bytes, maxRecordBytes))
                : new CsvRecords(file, bytes, ',', maxRecordBytes);
    }
}
