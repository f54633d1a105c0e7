package org.textclf.serve;

/** A request the server answers with an error status and {@code {"error": message}}; never logged as a failure. */
final class HttpError extends RuntimeException {
    private final int status;

    HttpError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
