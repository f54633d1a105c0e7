package org.textclf.data;

import java.io.Closeable;
import java.io.IOException;
import java.io.BufferedInputStream;
import java.io.Reader;

/**
 * The physical lines of a file (see {@link Utf8Input}), numbered from 1, for the one-record-per-line formats. Lines
 * end at LF, CR LF or a lone CR, as in {@link java.io.BufferedReader#readLine}, which this replaces because it
 * buffers a line however long: here a line over {@link SourceOptions#maxRecordBytes} is read on to its end without
 * being kept, then reported as a bad record.
 */
final class LineInput implements Closeable {
    private static final int BUFFER_CHARS = 1 << 16;

    private final String file;
    private final int maxRecordBytes;
    private final LineProblems problems;
    private final Reader in;
    private final char[] buffer = new char[BUFFER_CHARS];
    private int pos;
    private int end;
    /** The last line ended with a CR, so a LF first in the next is the rest of its terminator. */
    private boolean skipLf;
    private StringBuilder text = new StringBuilder();
    private long line;

    /** The lines of {@code bytes}, a file's bytes (gunzipped) from their start, named {@code file} in messages. */
    static LineInput of(String file, BufferedInputStream bytes, int maxRecordBytes) throws IOException {
        LineProblems problems = new LineProblems();
        return new LineInput(file, Utf8Input.of(bytes, problems), problems, maxRecordBytes);
    }

    private LineInput(String file, Utf8Input in, LineProblems problems, int maxRecordBytes) {
        this.file = file;
        this.in = in;
        this.problems = problems;
        this.maxRecordBytes = maxRecordBytes;
    }

    /**
     * The next line without its terminator, or null at the end of the file.
     *
     * @throws BadRecordException when the line holds undecodable bytes or is longer than the record limit; the line
     *     is consumed, so the caller may go on
     */
    String readLine() throws IOException {
        text.setLength(0);
        long bytes = 0;
        boolean started = false;
        while (true) {
            if (pos == end && !fill()) {
                if (!started) {
                    return null;
                }
                break;
            }
            if (skipLf) {
                skipLf = false;
                if (buffer[pos] == '\n') {
                    pos++;
                    continue;
                }
            }
            started = true;
            int i = pos;
            char c = 0;
            while (i < end) {
                c = buffer[i];
                if (c == '\n' || c == '\r') {
                    break;
                }
                if (bytes <= maxRecordBytes) {
                    bytes += RecordLimit.utf8Bytes(c);
                }
                i++;
            }
            if (bytes <= maxRecordBytes) {
                append(pos, i);
            }
            if (i < end) {
                pos = i + 1;
                skipLf = c == '\r';
                break;
            }
            pos = i;
        }
        line++;
        String problem = problems.takeUpTo(line, line);
        if (bytes > maxRecordBytes) {
            if (text.capacity() > 4 * BUFFER_CHARS) {
                text = new StringBuilder(); // do not keep a huge record's buffer for the rest of the pass
            }
            throw new BadRecordException(file, line, RecordLimit.tooLong("record", maxRecordBytes));
        }
        if (problem != null) {
            throw new BadRecordException(file, line, problem);
        }
        return text.toString();
    }

    /**
     * Appends {@code buffer[from, to)}, growing the text no further than the limit needs: a line within it has at
     * most {@code maxRecordBytes} chars, and doubling past that would take twice the heap a longest line needs.
     */
    private void append(int from, int to) {
        int needed = text.length() + to - from;
        if (needed > text.capacity()) {
            int grown = (int) Math.min(Math.max(2L * text.capacity(), needed), maxRecordBytes);
            text = new StringBuilder(Math.max(grown, needed)).append(text);
        }
        text.append(buffer, from, to - from);
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        pos = 0;
        end = Math.max(n, 0);
        return n > 0;
    }

    /** The next line that is not blank (blank lines separate nothing and hold no record), or null at the end. */
    String readNonBlankLine() throws IOException {
        for (String t = readLine(); t != null; t = readLine()) {
            if (!t.isBlank()) {
                return t;
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
        in.close();
    }
}
