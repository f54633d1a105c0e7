package org.textclf.data;

import java.io.IOException;

/**
 * A record that cannot be read as a sample. The message has the form {@code FILE:LINE: what is wrong}, so that a
 * user can open the file at the offending line.
 */
public final class BadRecordException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final long line;
    private final String problem;

    public BadRecordException(String file, long line, String problem) {
        super(file + ":" + line + ": " + problem);
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    public String file() {
        return file;
    }

    /** The 1-based line where the bad record starts. */
    public long line() {
        return line;
    }

    /** What is wrong, without the location. */
    public String problem() {
        return problem;
    }
}
