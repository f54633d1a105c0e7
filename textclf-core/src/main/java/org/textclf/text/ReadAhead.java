package org.textclf.text;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.textclf.data.ReadStats;
import org.textclf.data.Sample;
import org.textclf.data.SampleReader;
import org.textclf.data.SampleSource;
import org.textclf.io.Failures;

/**
 * One pass over a source read on a thread of its own, so that reading (gunzip, UTF-8, CSV) overlaps the caller's
 * scanning: the fit's passes cost about the larger of the two instead of their sum. Samples come in chunks through
 * a small bounded queue, so memory stays bounded by {@code (QUEUE + 2) * CHUNK} samples whatever the corpus size.
 * Samples come out in the source's order, so whatever the caller computes is exactly what it computes reading the
 * source directly.
 *
 * <p>An error of the reader thread (a {@link org.textclf.data.BadRecordException} with its FILE:LINE message,
 * say) is thrown by {@link #next} once the samples before it are consumed, as the direct reader would have thrown
 * it. {@link #close} stops the thread and waits for it, so no thread outlives the pass, whichever way it ends.
 * Not thread-safe: one consumer.
 */
final class ReadAhead implements SampleReader {
    static final int CHUNK = 256;
    static final int QUEUE = 4;
    /** The name prefix of the reader threads, so that tests can check that none is left behind. */
    static final String THREAD_PREFIX = "textclf-read-ahead ";
    /** How long the reader thread waits for room in the queue before it looks whether the pass was closed. */
    private static final long POLL_MILLIS = 20;

    /** What the reader thread hands over: samples, or how the pass ended. */
    private record Chunk(Sample[] samples, int size, ReadStats stats, Throwable failure, boolean last) {
    }

    private final BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(QUEUE);
    private final Thread thread;
    private volatile boolean closed;
    private Chunk current;
    private int position;
    private boolean finished;

    private ReadAhead(SampleReader reader, String name) {
        this.thread = new Thread(() -> readAll(reader), THREAD_PREFIX + name);
        // Close joins it; daemon only so that a caller who forgets to close cannot keep the JVM alive.
        thread.setDaemon(true);
        thread.start();
    }

    /** Opens a pass over {@code source} (on the calling thread, so that failing to open throws here) and starts it. */
    static ReadAhead open(SampleSource source) throws IOException {
        SampleReader reader = source.open();
        try {
            return new ReadAhead(reader, source.name());
        } catch (RuntimeException | Error e) {
            reader.close();
            throw e;
        }
    }

    /** The reader thread: fills chunks until the end, an error, or the consumer closes the pass. */
    private void readAll(SampleReader reader) {
        try (reader) {
            while (true) {
                Sample[] samples = new Sample[CHUNK];
                int n = 0;
                Sample s = null;
                try {
                    while (n < CHUNK && (s = reader.next()) != null) {
                        samples[n++] = s;
                    }
                } catch (Throwable e) {
                    // The samples read before the error come first, as from the direct reader.
                    hand(new Chunk(samples, n, null, e, true));
                    return;
                }
                // ReadStats is mutable and owned by this thread: it goes over only with the last chunk, after
                // which this thread no longer reads.
                boolean last = s == null;
                if (!hand(new Chunk(samples, n, last ? reader.stats() : null, null, last)) || last) {
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            // Closing the reader failed: after the last chunk, or after the pass was closed; nobody to tell.
        }
    }

    /** Puts a chunk in the queue, waiting for room; false when the consumer closed the pass meanwhile. */
    private boolean hand(Chunk chunk) {
        try {
            while (!closed) {
                if (queue.offer(chunk, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    @Override
    public Sample next() throws IOException {
        while (current == null || position == current.size()) {
            if (current != null && current.failure() != null) {
                // the reader's own exception, unwrapped: its type and FILE:LINE message reach the caller unchanged
                Failures.rethrow(current.failure());
            }
            if (finished) {
                return null;
            }
            current = take();
            position = 0;
            finished = current.last();
        }
        Sample s = current.samples()[position];
        current.samples()[position++] = null; // consumed: let the sample go
        return s;
    }

    /** The next chunk; checks that the reader thread is still there, so that a lost thread cannot hang us. */
    private Chunk take() throws IOException {
        try {
            while (true) {
                Chunk chunk = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (chunk != null) {
                    return chunk;
                }
                if (!thread.isAlive() && queue.isEmpty()) {
                    throw new IOException(thread.getName() + ": the reader thread ended before the end of the pass");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the next samples");
        }
    }


    /** The pass's counts once it has been read to the end; before that, counts of nothing read yet. */
    @Override
    public ReadStats stats() {
        return finished && current != null && current.stats() != null ? current.stats() : new ReadStats();
    }

    /** Stops the reader thread (it closes the underlying reader) and waits for it to end. */
    @Override
    public void close() throws IOException {
        closed = true;
        queue.clear();
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // keep waiting: the thread must not outlive the pass
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
