package org.textclf.io;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A failure on another thread (a read-ahead, a background build, a vectorizer task), rethrown on the thread that
 * waits for it as what it was: an IOException with its FILE:LINE message unchanged, a RuntimeException, or an Error,
 * so that an OutOfMemoryError still reaches the CLI's one-line report instead of hiding inside a wrapper.
 */
public final class Failures {
    private Failures() {
    }

    /** Throws {@code failure} unwrapped (an UncheckedIOException's cause); anything else checked as an IOException. */
    public static void rethrow(Throwable failure) throws IOException {
        if (failure instanceof IOException e) {
            throw e;
        }
        if (failure instanceof UncheckedIOException e) {
            throw e.getCause();
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        throw new IOException(failure);
    }
}
