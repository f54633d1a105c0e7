package org.textclf.cli;

import java.io.PrintWriter;
import java.time.Duration;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;
import org.textclf.progress.ProgressListener;

/**
 * Draws the core's progress events on standard error with the progressbar library: a bar per pass, as wide as the
 * terminal, redrawn in place by the library's timer, with the count, the time taken and left, and the rate, ended by
 * the pass's summary line in its place (or by its own last state, at 100% when it did all there was). It is the one
 * writer of the terminal line: the library hands each drawing to {@link #draw}, and a log line that comes while a
 * bar is drawn (from any thread) takes the same lock, clears the bar, goes on its own line, and the bar is drawn
 * again below it.
 */
final class ProgressBars implements ProgressListener {
    /**
     * Between redraws, which come whether or not the pass advanced: the time taken keeps moving through a long step,
     * and the library's timer reads the count without a lock, so a drawing may show the one before; the next fixes it.
     * A pass that advances often pays for the drawing a few times a second, not per step.
     */
    private static final int REDRAW_MILLIS = 100;
    /** Keras' look: {@code [=====>.....]}. */
    private static final ProgressBarStyle STYLE = ProgressBarStyle.builder().refreshPrompt("\r").leftBracket("[")
            .rightBracket("]").delimitingSequence("").block('=').space('.').fractionSymbols(">")
            .rightSideFractionSymbol('>').build();
    private static final long KIB = 1024;
    private static final long MIB = 1024 * KIB;
    /** From this size on a pass over bytes counts MiB; below it KiB, so that a small file's count still moves. */
    private static final long MIB_FROM = 10 * MIB;

    private final PrintWriter out;
    private final Stderr level;
    /** Guards the terminal line: the library's timer thread draws, any thread may print a line. */
    private final Object lock = new Object();
    /**
     * Characters of a bar: the terminal's width as the library finds it (80 when it has none), asked at the first
     * bar only, since the library opens the terminal to ask (25 ms in a terminal, a few hundred for the first time).
     */
    private int width;
    /** The pass under way, or null; only the thread that sends the pass events changes it. */
    private ProgressBar bar;
    private String unit;
    private long unitSize;
    /** The pass's running metrics, shown after the rate. */
    private String metrics = "";
    /** The bar now on the line, to draw again below a log line; empty when the line is free. */
    private String drawn = "";

    ProgressBars(PrintWriter out, Stderr level) {
        this(out, level, 0);
    }

    /** {@code width} 0 for the terminal's. */
    ProgressBars(PrintWriter out, Stderr level, int width) {
        this.out = out;
        this.level = level;
        this.width = width;
    }

    @Override
    public void begin(String name, long total, String unit) {
        if (!level.summaries()) {
            return;
        }
        if (bar != null) {
            end(null);
        }
        boolean bytes = "bytes".equals(unit);
        this.unitSize = !bytes ? 1 : total >= MIB_FROM ? MIB : KIB;
        this.unit = !bytes ? unit : unitSize == MIB ? "MiB" : "KiB";
        ProgressBarConsumer consumer = width > 0 ? new DelegatingProgressBarConsumer(this::draw, width)
                : new DelegatingProgressBarConsumer(this::draw);
        width = consumer.getMaxRenderedLength();
        bar = new ProgressBarBuilder().setTaskName(name).setInitialMax(total < 0 ? -1 : total).setStyle(STYLE)
                .setUnit("", unitSize).setUpdateIntervalMillis(REDRAW_MILLIS).continuousUpdate().setConsumer(consumer)
                .build();
        metrics = "";
        bar.setExtraMessage(extra(bar));
    }

    @Override
    public void advance(long done, String metrics) {
        if (bar != null) {
            bar.stepTo(done);
            this.metrics = metrics;
            bar.setExtraMessage(extra(bar));
        }
    }

    @Override
    public void end(String summary) {
        ProgressBar ending = bar;
        if (ending == null) {
            if (summary != null) {
                line(summary);
            }
            return;
        }
        bar = null;
        if (summary == null && ending.isIndefinite()) {
            ending.maxHint(ending.getCurrent()); // a count unknown up to now: the pass did all there was
        }
        ending.setExtraMessage(extra(ending)); // the rate at the end, not at the last step
        // outside the lock: close() waits for the timer thread's last drawing, which takes the lock
        ending.close();
        synchronized (lock) {
            if (summary == null) {
                out.println();
            } else {
                out.println("\r" + padded(summary));
            }
            drawn = "";
            out.flush();
        }
    }

    @Override
    public void line(String text) {
        if (!level.summaries()) {
            return;
        }
        synchronized (lock) {
            if (!drawn.isEmpty()) {
                out.print("\r" + " ".repeat(drawn.length()) + "\r");
            }
            out.println(text);
            if (!drawn.isEmpty()) {
                out.print("\r" + drawn);
            }
            out.flush();
        }
    }

    @Override
    public void warning(String text) {
        if (!level.warnings()) {
            return;
        }
        if (level.summaries()) {
            line("warning: " + text);
        } else {
            synchronized (lock) {
                out.println("warning: " + text);
                out.flush();
            }
        }
    }

    /** The library's drawing of the bar, from its timer thread or from {@link ProgressBar#close}. */
    private void draw(String rendered) {
        synchronized (lock) {
            out.print("\r" + padded(rendered));
            drawn = rendered;
            out.flush();
        }
    }

    /** {@code text} with spaces over what is left of the bar it replaces. */
    private String padded(String text) {
        return text.length() >= drawn.length() ? text : text + " ".repeat(drawn.length() - text.length());
    }

    /** What follows the library's times: the rate, then the pass's running metrics. */
    private String extra(ProgressBar of) {
        return rate(of) + (metrics.isEmpty() ? "" : " - " + metrics);
    }

    /**
     * Units per second since the pass began. Ours, not the library's {@code showSpeed()}: that one divides by whole
     * seconds, so a pass under a second ends with {@code ?/s} and one of 1.9 s shows nearly twice its rate.
     */
    private String rate(ProgressBar of) {
        Duration elapsed = of.getElapsedAfterStart();
        long done = of.getCurrent() - of.getStart();
        if (done <= 0 || elapsed.isZero()) {
            return "? " + unit + "/s";
        }
        double perSecond = done / (double) unitSize * 1e9 / elapsed.toNanos();
        return String.format(unitSize == 1 ? "%,.0f %s/s" : "%,.1f %s/s", perSecond, unit);
    }
}
