package org.textclf.io;

/**
 * Sizes the large buffers of a run (the shuffle buffer, the fit's counting tables) from the heap the JVM was given:
 * each default is its cap, or a share of {@link Runtime#maxMemory()} when the heap is small, so that a run in a small
 * heap trains (spilling and pruning sooner) instead of dying of an OutOfMemoryError the first time a buffer fills.
 * A quarter each: they are not all full at once, and the model and the batches need the rest.
 */
public final class HeapShare {
    /** The share of the heap a default buffer takes at most: one {@value}th. */
    public static final int DEFAULT_DIVISOR = 4;

    private HeapShare() {
    }

    /** {@code cap}, or a {@link #DEFAULT_DIVISOR}th of this JVM's max heap when that is less. */
    public static long of(long cap) {
        return of(cap, DEFAULT_DIVISOR, Runtime.getRuntime().maxMemory());
    }

    static long of(long cap, int divisor, long maxHeapBytes) {
        if (divisor < 1) {
            throw new IllegalArgumentException("divisor must be at least 1; found " + divisor);
        }
        return Math.min(cap, maxHeapBytes / divisor);
    }

    /**
     * Refuses a buffer the caller set larger than the whole heap, up front, rather than an OutOfMemoryError when it
     * fills.
     *
     * @param what the setting's name, for the message
     * @throws IllegalArgumentException saying what to lower or raise
     */
    public static void check(String what, long bytes) {
        check(what, bytes, Runtime.getRuntime().maxMemory());
    }

    static void check(String what, long bytes, long maxHeapBytes) {
        if (bytes > maxHeapBytes) {
            throw new IllegalArgumentException(what + " is " + mib(bytes) + ", more than the whole heap of "
                    + mib(maxHeapBytes) + "; expected at most a share of it (the default is a quarter): lower it, or"
                    + " raise the heap (-Xmx)");
        }
    }

    private static String mib(long bytes) {
        return (bytes >> 20) + " MiB";
    }
}
