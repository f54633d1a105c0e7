package org.textclf.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A model file that cannot be loaded, with a one-line message of the form {@code FILE: what is wrong; expected ...,
 * found ...; how to fix} and a {@link Reason} a caller can branch on without parsing the message.
 */
public final class ModelFileException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Why a model file was refused. */
    public enum Reason {
        /** The file does not start with the textclf magic bytes (empty, a CSV, another program's file). */
        NOT_A_MODEL,
        /** Written by a newer textclf in a format version this one cannot read. */
        NEWER_VERSION,
        /** Shorter than the length its header declares: an interrupted copy or download. */
        TRUNCATED,
        /** Full length but the checksum or the structure does not match: damaged bytes. */
        CORRUPTED,
        /** A valid file without a section the caller needs. */
        MISSING_SECTION
    }

    private final transient Path file;
    private final Reason reason;

    public ModelFileException(Path file, Reason reason, String problem) {
        super(file + ": " + problem);
        this.file = file;
        this.reason = reason;
    }

    public Path file() {
        return file;
    }

    public Reason reason() {
        return reason;
    }
}
