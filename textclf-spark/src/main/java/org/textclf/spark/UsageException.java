package org.textclf.spark;

/** A command line the driver cannot run: exit 2 with the message and the usage line. */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
