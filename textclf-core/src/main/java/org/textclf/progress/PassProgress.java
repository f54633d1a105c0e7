package org.textclf.progress;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.textclf.data.ReadStats;
import org.textclf.data.Sample;
import org.textclf.data.SampleReader;
import org.textclf.data.SampleSource;

/**
 * Progress of the long passes before training (the vectorizer's fit, the example cache's build) at Keras'
 * verbosity, sent to a {@link ProgressListener}: at 1 the passes and the lines, at 2 only the one-line summaries,
 * at 0 nothing but warnings. Every pass has a total when one can be known: the last complete pass's count, or for a
 * first pass over a file the file's size in bytes.
 */
public final class PassProgress {
    /** Sends nothing, not even warnings: for tests and prediction. */
    public static final PassProgress SILENT = new PassProgress(ProgressListener.NONE, 0);
    /** Samples between updates, so that a pass pays for its progress once per chunk, not per sample. */
    private static final int STEP_SAMPLES = 256;

    private final ProgressListener listener;
    private final int verbose;

    private PassProgress(ProgressListener listener, int verbose) {
        this.listener = listener;
        this.verbose = verbose;
    }

    /** Progress to {@code listener} at {@code verbose} 0, 1 or 2. */
    public static PassProgress of(ProgressListener listener, int verbose) {
        if (verbose < 0 || verbose > 2) {
            throw new IllegalArgumentException("verbose must be 0, 1 or 2, found " + verbose);
        }
        return new PassProgress(listener, verbose);
    }

    /** Plain lines on {@code out} ({@link ProgressListener#lines}) at {@code verbose}. */
    public static PassProgress of(PrintWriter out, int verbose) {
        return of(ProgressListener.lines(out), verbose);
    }

    /** Where the events go, unfiltered: for the training loop, which applies the same verbosity to its epochs. */
    public ProgressListener listener() {
        return listener;
    }

    /**
     * The same lines without passes: for a pass that runs beside another one, which owns the listener's passes. At
     * verbose 1 its summary line is still sent.
     */
    public PassProgress withoutBars() {
        return verbose == 1 ? new PassProgress(listener, 2) : this;
    }

    /** Sends a warning at any verbosity: something went wrong that the run worked around. */
    public void warn(String text) {
        listener.warning(text);
    }

    /** Sends a summary line at verbose 1 and 2. */
    public void line(String text) {
        if (verbose > 0) {
            listener.line(text);
        }
    }

    /** A pass at verbose 1 of {@code total} samples, or of an unknown count when {@code total < 0}. */
    public Bar start(String task, long total) {
        return start(task, total, "samples");
    }

    private Bar start(String task, long total, String unit) {
        if (verbose == 1) {
            listener.begin(task, total < 0 ? -1 : total, unit);
        }
        return new Bar(verbose == 1);
    }

    /**
     * {@code source} with a pass for each pass over it, named {@code task pass N}: of as many samples as the last
     * complete pass read, or for a first pass of the file's size in bytes (of an unknown count when the source is no
     * file, a folder); a pass that stops early ends where it stopped.
     */
    public SampleSource watch(SampleSource source, String task) {
        if (verbose != 1) {
            return source;
        }
        AtomicInteger passes = new AtomicInteger();
        long[] lastComplete = {-1};
        return SampleSource.decorated(source, () -> {
            SampleReader reader = source.open();
            String name = task + " pass " + passes.incrementAndGet();
            long samples = lastComplete[0];
            long bytes = samples < 0 && reader.stats().bytesRead() >= 0 ? fileBytes(source.file()) : -1;
            Bar bar = bytes >= 0 ? start(name, bytes, "bytes") : start(name, samples);
            return new SampleReader() {
                private long read;

                @Override
                public Sample next() throws IOException {
                    Sample s = reader.next();
                    if (s == null) {
                        lastComplete[0] = read;
                        bar.stepTo(bytes >= 0 ? bytes : read);
                    } else if (++read % STEP_SAMPLES == 0) {
                        bar.stepTo(bytes >= 0 ? Math.min(reader.stats().bytesRead(), bytes) : read);
                    }
                    return s;
                }

                @Override
                public ReadStats stats() {
                    return reader.stats();
                }

                @Override
                public void close() throws IOException {
                    bar.close();
                    reader.close();
                }
            };
        });
    }

    private static long fileBytes(Optional<Path> file) {
        try {
            return file.isPresent() && Files.isRegularFile(file.get()) ? Files.size(file.get()) : -1;
        } catch (IOException e) {
            return -1; // the pass itself will say what is wrong with the file; its progress goes without a total
        }
    }

    /** One pass; sends nothing when passes are not shown. Ending twice is harmless. */
    public final class Bar implements AutoCloseable {
        private final boolean shown;
        private boolean ended;

        private Bar(boolean shown) {
            this.shown = shown;
        }

        /** Sets the units done so far. */
        public void stepTo(long done) {
            if (shown && !ended) {
                listener.advance(done, "");
            }
        }

        /** Ends the pass with its summary line, which takes the bar's place (at verbose 2, just the line). */
        public void end(String summary) {
            if (ended) {
                return;
            }
            ended = true;
            if (shown) {
                listener.end(summary);
            } else {
                line(summary);
            }
        }

        /** Ends the pass with its last state, when {@link #end} has not. */
        @Override
        public void close() {
            if (shown && !ended) {
                ended = true;
                listener.end(null);
            }
        }
    }
}
