package org.textclf.io;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * A stream whose failures name the file it writes and what to do: a full disk otherwise surfaces as a bare
 * {@code No space left on device}, naming nothing. Wraps each failure once, however many of these are stacked.
 */
public final class NamedOutputStream extends FilterOutputStream {
    private final Path file;
    private final String fix;

    private NamedOutputStream(OutputStream out, Path file, String fix) {
        super(out);
        this.file = file;
        this.fix = fix;
    }

    /**
     * @param file the file named in a failure (the target of an atomic write, not its temp file)
     * @param fix what to do, e.g. {@code free space in /tmp or give another --temp-dir}
     */
    public static OutputStream of(OutputStream out, Path file, String fix) {
        return new NamedOutputStream(out, file, fix);
    }

    /** {@code e} as {@code FILE: reason while writing; FIX}, unless it already names its file this way. */
    public static IOException failure(IOException e, Path file, String fix) {
        if (e instanceof Failure) {
            return e;
        }
        String reason = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName()
                : Character.toLowerCase(e.getMessage().charAt(0)) + e.getMessage().substring(1);
        return new Failure(file + ": " + reason + " while writing; " + fix, e);
    }

    @Override
    public void write(int b) throws IOException {
        try {
            out.write(b);
        } catch (IOException e) {
            throw failure(e, file, fix);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            throw failure(e, file, fix);
        }
    }

    @Override
    public void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            throw failure(e, file, fix);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            out.close();
        } catch (IOException e) {
            throw failure(e, file, fix);
        }
    }

    /** A failure already named. */
    private static final class Failure extends IOException {
        Failure(String message, IOException cause) {
            super(message, cause);
        }
    }
}
