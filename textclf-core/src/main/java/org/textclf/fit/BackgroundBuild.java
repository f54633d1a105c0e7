package org.textclf.fit;

import java.io.IOException;
import java.io.InterruptedIOException;
import org.textclf.io.Failures;

/**
 * Builds a closeable resource on a thread of its own while the caller does something else, e.g. the validation
 * batches' cache while the training cache is written: each pass leaves most of a core idle, so the two overlap.
 * {@link #get} waits for the resource and hands it over; {@link #close} waits for the thread and closes the resource
 * if it was never handed over, so that neither outlives a failure on the caller's side.
 */
final class BackgroundBuild<T extends AutoCloseable> implements AutoCloseable {

    /** What the thread runs. */
    @FunctionalInterface
    interface Builder<T> {
        T build() throws IOException;
    }

    private final Thread thread;
    private T built;
    private Throwable failure;
    private boolean handedOver;

    private BackgroundBuild(Builder<T> builder, String name) {
        thread = new Thread(() -> {
            try {
                built = builder.build();
            } catch (IOException | RuntimeException | Error e) {
                failure = e;
            }
        }, name);
        thread.setDaemon(true); // close() joins it; daemon only so that a forgotten build cannot keep the JVM alive
        thread.start();
    }

    static <T extends AutoCloseable> BackgroundBuild<T> start(Builder<T> builder, String name) {
        return new BackgroundBuild<>(builder, name);
    }

    /** The resource, once built; the caller owns it from then on. Throws what the build threw. */
    T get() throws IOException {
        join();
        if (failure != null) {
            Failures.rethrow(failure);
        }
        handedOver = true;
        return built;
    }

    private void join() throws InterruptedIOException {
        try {
            thread.join(); // join's happens-before makes built and failure visible here
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for " + thread.getName());
        }
    }

    @Override
    public void close() throws IOException {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true; // keep waiting: the build must not outlive us
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (!handedOver && built != null) {
            try {
                built.close();
            } catch (IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException("closing what " + thread.getName() + " built: " + e.getMessage(), e);
            }
        }
    }
}
