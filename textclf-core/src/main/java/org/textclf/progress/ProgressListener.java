package org.textclf.progress;

import java.io.PrintWriter;
import java.util.function.Consumer;

/**
 * Where a run's progress goes, as events: a pass (over the data, or an epoch's batches) begins, advances and ends;
 * log lines and warnings come in between. Drawing is the listener's business: the core only says what happens, so
 * that a library user gets plain lines ({@link #lines}) and the command line its bars, without core depending on a
 * terminal library.
 *
 * <p>Passes do not nest and at most one is under way at a time (a pass run beside another one, such as the
 * validation cache's build, sends no pass events, only its lines); lines may come from any thread, during a pass.
 * Which events are sent at all is Keras' {@code verbose}: 1 passes and lines, 2 lines only, 0 nothing but
 * warnings ({@link PassProgress}).
 */
public interface ProgressListener {
    /** Hears nothing. */
    ProgressListener NONE = new ProgressListener() {
        @Override
        public void end(String summary) {
        }

        @Override
        public void line(String text) {
        }

        @Override
        public void warning(String text) {
        }
    };

    /**
     * A pass begins; a listener that draws no passes ignores it.
     *
     * @param total the units the pass will do, or -1 when unknown
     * @param unit what is counted: {@code samples}, {@code batches}, or {@code bytes} (of the input, for a first
     *     pass whose records are not counted yet)
     */
    default void begin(String name, long total, String unit) {
    }

    /**
     * The pass has done {@code done} units; a listener that draws no passes ignores it.
     *
     * @param metrics running values to show beside the count ({@code loss: 0.31 - accuracy: 0.88}), or empty
     */
    default void advance(long done, String metrics) {
    }

    /**
     * The pass is over (complete, or stopped early).
     *
     * @param summary its one line, which takes the pass's place (Keras' epoch line), or null to keep the pass's own
     *     last state
     */
    void end(String summary);

    /** A log line: a summary of work done, a notice, a decision. */
    void line(String text);

    /** Something went wrong that the run worked around; {@code text} without a {@code warning:} prefix. */
    void warning(String text);

    /** Hears only warnings, each given to {@code out} as one line {@code warning: TEXT}: a quiet inner run's. */
    static ProgressListener warnings(Consumer<String> out) {
        return new ProgressListener() {
            @Override
            public void end(String summary) {
            }

            @Override
            public void line(String text) {
            }

            @Override
            public void warning(String text) {
                out.accept("warning: " + text);
            }
        };
    }

    /**
     * Plain lines on {@code out}, no bars: a pass shows only its summary line, as Keras' {@code verbose=2} shows
     * only the epoch's line; warnings are prefixed {@code warning: }.
     */
    static ProgressListener lines(PrintWriter out) {
        return new PlainLines(out);
    }
}
