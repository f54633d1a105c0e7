package org.textclf.io;

import java.time.Instant;
import java.util.Optional;

/**
 * The process a temp file belongs to, as the file's name records it ({@code p<pid>s<start>}, the start instant in
 * milliseconds since the epoch, base 36): a later run deletes the files of owners that are gone, and the start
 * instant tells a killed run's pid from the same pid reused since by a live process.
 */
record TempOwner(long pid, long startMillis) {
    /** Where the platform does not say when a process started; such an owner is never taken for dead. */
    static final long UNKNOWN_START = 0;
    /** Two reads of one process's start can differ by the rounding of the boot time (a second on Linux). */
    private static final long START_TOLERANCE_MILLIS = 2_000;
    private static final TempOwner CURRENT = of(ProcessHandle.current());

    static TempOwner current() {
        return CURRENT;
    }

    static TempOwner of(ProcessHandle process) {
        return new TempOwner(process.pid(), process.info().startInstant().map(Instant::toEpochMilli)
                .orElse(UNKNOWN_START));
    }

    /** The owner a name's {@code pid} and base-36 {@code start} groups name. */
    static TempOwner parse(String pid, String start) {
        return new TempOwner(Long.parseLong(pid), Long.parseLong(start, 36));
    }

    String tag() {
        return "p" + pid + "s" + Long.toString(startMillis, 36);
    }

    /**
     * Whether the owner may still be running: a process has its pid and started when it did. In doubt (a start
     * unknown on either side) it is alive, since deleting a live run's file breaks that run.
     */
    boolean alive() {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty()) {
            return false;
        }
        Optional<Instant> start = process.get().info().startInstant();
        return start.isEmpty() || startMillis == UNKNOWN_START
                || Math.abs(start.get().toEpochMilli() - startMillis) <= START_TOLERANCE_MILLIS;
    }
}
