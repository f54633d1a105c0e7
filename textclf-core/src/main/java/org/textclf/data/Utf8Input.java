package org.textclf.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * The text of a file, streamed: gunzipped when it starts with the gzip magic bytes (whatever its name), without a
 * UTF-8 byte-order mark, decoded strictly as UTF-8. Undecodable bytes do not stop the stream (so that a reader can
 * skip the record that holds them): they become U+FFFD and their physical line is reported to {@link LineProblems}.
 * Lines end at LF, CR LF or a lone CR, as in FastCSV and {@link java.io.BufferedReader#readLine}.
 */
final class Utf8Input extends Reader {
    static final String INVALID_UTF8 = "invalid UTF-8 bytes; expected UTF-8 text (convert the file, e.g. with "
            + "iconv -f latin1 -t utf-8)";
    private static final int BUFFER_BYTES = 1 << 16;

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER_BYTES).flip();
    private final LineProblems problems;
    private boolean endOfInput;
    private boolean flushed;
    private long line = 1;
    private boolean lastWasCr;
    /** Counts the lines of what this returns, when a reader on top does anyway; null when this counts them. */
    private QuoteCheck lineCounter;

    private Utf8Input(InputStream in, LineProblems problems) {
        this.in = in;
        this.problems = problems;
    }

    static Utf8Input open(Path path, LineProblems problems) throws IOException {
        return of(gunzipped(Files.newInputStream(path)), problems);
    }

    /** The text of {@code bytes}, a file's bytes (gunzipped) from its start; closes them if this fails. */
    static Utf8Input of(BufferedInputStream bytes, LineProblems problems) throws IOException {
        try {
            return new Utf8Input(withoutBom(bytes), problems);
        } catch (IOException | RuntimeException e) {
            bytes.close();
            throw e;
        }
    }

    /**
     * Gzip is recognized by its magic bytes 1f 8b, so that a misnamed file still reads. Closes {@code raw} if this
     * fails.
     */
    static BufferedInputStream gunzipped(InputStream raw) throws IOException {
        try {
            BufferedInputStream in = new BufferedInputStream(raw, BUFFER_BYTES);
            in.mark(2);
            int b0 = in.read();
            int b1 = in.read();
            in.reset();
            return b0 == 0x1f && b1 == 0x8b
                    ? new BufferedInputStream(new GZIPInputStream(in, BUFFER_BYTES), BUFFER_BYTES) : in;
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    private static InputStream withoutBom(InputStream in) throws IOException {
        in.mark(3);
        if (in.read() != 0xEF || in.read() != 0xBB || in.read() != 0xBF) {
            in.reset();
        }
        return in;
    }

    /**
     * Lets {@code counter}, which reads every char this returns and counts lines the same way, keep the line count:
     * this then counts lines only up to an undecodable byte, in the rare buffer that holds one, rather than twice
     * over the whole file.
     */
    void countLinesWith(QuoteCheck counter) {
        lineCounter = counter;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (flushed) {
            return -1;
        }
        if (lineCounter != null) {
            line = lineCounter.line();
            lastWasCr = lineCounter.lastWasCr();
        }
        CharBuffer out = CharBuffer.wrap(cbuf, off, len);
        int counted = off;
        while (out.position() == off) {
            CoderResult result = decoder.decode(bytes, out, endOfInput);
            if (result.isError()) {
                if (!out.hasRemaining()) {
                    break; // the replacement goes into the next call's buffer
                }
                countLines(cbuf, counted, out.position());
                counted = out.position();
                problems.add(line, INVALID_UTF8);
                bytes.position(bytes.position() + result.length());
                out.put('\uFFFD');
            } else if (result.isUnderflow()) {
                if (endOfInput) {
                    if (!flushed) {
                        decoder.flush(out);
                        flushed = true;
                    }
                    break;
                }
                if (out.position() != off) {
                    break; // return what there is: reading on would wait for a pipe's next line (interactive predict)
                }
                fill();
            } else {
                break;
            }
        }
        int n = out.position() - off;
        if (lineCounter == null) {
            countLines(cbuf, counted, out.position());
        }
        return n == 0 && endOfInput ? -1 : n;
    }

    private void fill() throws IOException {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    private void countLines(char[] cbuf, int from, int to) {
        long l = line;
        boolean cr = lastWasCr;
        for (int i = from; i < to; i++) {
            char c = cbuf[i];
            if (c == '\n') {
                if (!cr) {
                    l++;
                }
                cr = false;
            } else if (c == '\r') {
                l++;
                cr = true;
            } else {
                cr = false;
            }
        }
        line = l;
        lastWasCr = cr;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
