package org.textclf.serve;

/**
 * SIGHUP (reload) and SIGTERM/SIGINT (graceful stop) where the JVM offers {@code sun.misc.Signal}. Elsewhere
 * (or where a signal is reserved) nothing is installed and {@link #install} says so: the file watcher still
 * reloads, and a shutdown hook still stops gracefully, though then the exit status is the JVM's (143 for TERM).
 */
public final class Signals {
    private Signals() {
    }

    /**
     * Runs {@code onHangup} on SIGHUP and {@code onStop} on SIGTERM or SIGINT, each on the signal's own thread.
     *
     * @return whether the stop signals were installed (else the caller falls back on a shutdown hook)
     */
    public static boolean install(Runnable onHangup, Runnable onStop) {
        handle("HUP", onHangup);
        boolean term = handle("TERM", onStop);
        boolean interrupt = handle("INT", onStop);
        return term && interrupt;
    }

    @SuppressWarnings("removal")
    private static boolean handle(String name, Runnable action) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal(name), s -> action.run());
            return true;
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
            return false; // no such signal here, or the JVM keeps it (e.g. -Xrs)
        }
    }
}
