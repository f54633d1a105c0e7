package org.textclf.progress;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicInteger;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.textclf.data.ReadStats;
import org.textclf.data.Sample;
import org.textclf.data.SampleReader;
import org.textclf.data.SampleSource;

/**
 * Progress of the long passes before training (the vectorizer's fit, the example cache's build) at Keras'
 * verbosity, as the training loop's progress logger draws epochs: at 1 a progress bar per pass on the log writer
 * (samples, rate, ETA when the total is known), at 2 only the one-line summaries the passes print themselves, at 0
 * nothing. Bars go to the log writer, never to standard output, which may carry results.
 */
public final class PassProgress {
    /** Draws and prints nothing, not even warnings: for tests and prediction. */
    public static final PassProgress SILENT = new PassProgress(null, 0);
    /** Characters of the rendered bar line; the terminal's width is not known when output is a pipe. */
    private static final int BAR_WIDTH = 120;
    /** Samples between bar updates, so that a pass pays for the bar once per chunk, not per sample. */
    private static final int STEP_SAMPLES = 256;
    private static final Bar NO_BAR = new Bar(null, null);

    private final PrintWriter out;
    private final int verbose;

    private PassProgress(PrintWriter out, int verbose) {
        this.out = out;
        this.verbose = verbose;
    }

    /** Progress to {@code out} at {@code verbose} 0, 1 or 2. */
    public static PassProgress of(PrintWriter out, int verbose) {
        if (verbose < 0 || verbose > 2) {
            throw new IllegalArgumentException("verbose must be 0, 1 or 2, found " + verbose);
        }
        return new PassProgress(out, verbose);
    }

    /**
     * The same lines without bars: for a pass that runs beside another one, whose bar would be drawn over. At verbose
     * 1 its summary line is still printed.
     */
    public PassProgress withoutBars() {
        return verbose == 1 ? new PassProgress(out, 2) : this;
    }

    /** Prints a warning at any verbosity: something went wrong that the run worked around. */
    public void warn(String text) {
        if (out != null) {
            out.println("warning: " + text);
            out.flush();
        }
    }

    /** Prints a summary line at verbose 1 and 2. */
    public void line(String text) {
        if (verbose > 0) {
            out.println(text);
            out.flush();
        }
    }

    /** A bar for one pass at verbose 1, of {@code total} samples, or indeterminate when {@code total < 0}. */
    public Bar start(String task, long total) {
        if (verbose != 1) {
            return NO_BAR;
        }
        ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total < 0 ? -1 : total)
                .setUnit(" samples", 1).showSpeed().setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250)
                .setConsumer(new DelegatingProgressBarConsumer(line -> {
                    out.print('\r' + line);
                    out.flush();
                }, BAR_WIDTH)).build();
        return new Bar(bar, out);
    }

    /**
     * {@code source} with a bar for each pass over it, named {@code task pass N}: indeterminate for the first pass,
     * then of as many samples as the last complete pass read (a pass that stops early ends
     * its bar where it stopped).
     */
    public SampleSource watch(SampleSource source, String task) {
        if (verbose != 1) {
            return source;
        }
        AtomicInteger passes = new AtomicInteger();
        long[] lastComplete = {-1};
        return SampleSource.decorated(source, () -> {
            SampleReader reader = source.open();
            Bar bar = start(task + " pass " + passes.incrementAndGet(), lastComplete[0]);
            return new SampleReader() {
                private long read;

                @Override
                public Sample next() throws IOException {
                    Sample s = reader.next();
                    if (s == null) {
                        lastComplete[0] = read;
                        bar.stepTo(read);
                    } else if (++read % STEP_SAMPLES == 0) {
                        bar.stepTo(read);
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

    /** One pass's bar; does nothing when progress is not drawn. Closing twice is harmless. */
    public static final class Bar implements AutoCloseable {
        private final ProgressBar bar;
        private final PrintWriter out;
        private boolean closed;

        private Bar(ProgressBar bar, PrintWriter out) {
            this.bar = bar;
            this.out = out;
        }

        /** Sets the samples done so far. */
        public void stepTo(long samples) {
            if (bar != null) {
                bar.stepTo(samples);
            }
        }

        /** Draws the bar a last time and ends its line. */
        @Override
        public void close() {
            if (bar != null && !closed) {
                closed = true;
                bar.close();
                out.println();
                out.flush();
            }
        }
    }
}
