package org.textclf.data;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/** The physical lines of a file (see {@link Utf8Input}), numbered from 1, for the one-record-per-line formats. */
final class LineInput implements Closeable {
    private static final int BUFFER_CHARS = 1 << 16;

    private final String file;
    private final LineProblems problems = new LineProblems();
    private final BufferedReader reader;
    private long line;

    LineInput(Path path) throws IOException {
        this.file = path.toString();
        this.reader = new BufferedReader(Utf8Input.open(path, problems), BUFFER_CHARS);
    }

    /**
     * The next line without its terminator, or null at the end of the file.
     *
     * @throws BadRecordException when the line holds undecodable bytes; the line is consumed, so the caller may go on
     */
    String readLine() throws IOException {
        String text = reader.readLine();
        if (text == null) {
            return null;
        }
        line++;
        String problem = problems.takeUpTo(line, line);
        if (problem != null) {
            throw new BadRecordException(file, line, problem);
        }
        return text;
    }

    /** The next line that is not blank (blank lines separate nothing and hold no record), or null at the end. */
    String readNonBlankLine() throws IOException {
        for (String text = readLine(); text != null; text = readLine()) {
            if (!text.isBlank()) {
                return text;
            }
        }
        return null;
    }

    /** The number of the line {@link #readLine} returned last. */
    long line() {
        return line;
    }

    String file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
