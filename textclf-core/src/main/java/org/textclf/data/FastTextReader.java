package org.textclf.data;

import java.io.IOException;

/**
 * Samples from fastText's supervised format: {@code __label__X the text}. When a line starts with several labels
 * (fastText's multi-label form) the first is the sample's label and the others are dropped, since a sample here has
 * one class. A non-blank line that does not start with {@code __label__} is bad; blank lines are skipped.
 */
final class FastTextReader extends RecordReader {
    static final String PREFIX = "__label__";

    private final LineInput lines;

    FastTextReader(LineInput lines, BadRecordPolicy policy, ClassesFile classes) {
        super(lines.file(), policy, classes);
        this.lines = lines;
    }

    @Override
    Sample readRecord() throws IOException {
        String line = lines.readNonBlankLine();
        if (line == null) {
            return null;
        }
        int pos = skipSpaces(line, 0);
        if (!line.startsWith(PREFIX, pos)) {
            String start = line.length() > 40 ? line.substring(0, 40) + "..." : line;
            throw new BadRecordException(lines.file(), lines.line(), "no label; expected a line starting with "
                    + PREFIX + ", found '" + start + "'");
        }
        String label = null;
        while (line.startsWith(PREFIX, pos)) {
            int end = pos + PREFIX.length();
            while (end < line.length() && !Character.isWhitespace(line.charAt(end))) {
                end++;
            }
            if (label == null) {
                label = line.substring(pos + PREFIX.length(), end);
            }
            pos = skipSpaces(line, end);
        }
        return new Sample(label, line.substring(pos), lines.line());
    }

    private static int skipSpaces(String line, int from) {
        int i = from;
        while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        return i;
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
