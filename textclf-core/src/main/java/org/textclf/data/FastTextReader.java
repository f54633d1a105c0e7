package org.textclf.data;

import java.io.IOException;

/**
 * Samples from fastText's supervised format: {@code __label__X the text}. A line with several labels (fastText's
 * multi-label form) is bad, since a sample here has one class and keeping one label would drop the others silently;
 * so is a non-blank line that does not start with {@code __label__}. Blank lines are skipped.
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
        int end = labelEnd(line, pos);
        String label = line.substring(pos + PREFIX.length(), end);
        int textStart = skipSpaces(line, end);
        if (line.startsWith(PREFIX, textStart)) {
            throw new BadRecordException(lines.file(), lines.line(), "several labels (" + line.substring(pos, end)
                    + " " + line.substring(textStart, labelEnd(line, textStart)) + "); multi-label classification is"
                    + " not supported; give each line one label");
        }
        return new Sample(label, line.substring(textStart), lines.line());
    }

    private static int labelEnd(String line, int start) {
        int end = start + PREFIX.length();
        while (end < line.length() && !Character.isWhitespace(line.charAt(end))) {
            end++;
        }
        return end;
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
