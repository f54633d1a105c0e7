package org.textclf.data;

import java.io.IOException;

/** Plain text, one unlabeled sample per line, blank lines included (so that output lines match input lines). */
final class PlainLinesReader extends RecordReader {
    private final LineInput lines;

    PlainLinesReader(LineInput lines, BadRecordPolicy policy) {
        super(lines.file(), policy, ClassesFile.NONE);
        this.lines = lines;
    }

    @Override
    Sample readRecord() throws IOException {
        String line = lines.readLine();
        return line == null ? null : new Sample(null, line, lines.line());
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
