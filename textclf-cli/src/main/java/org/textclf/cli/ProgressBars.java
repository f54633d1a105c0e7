package org.textclf.cli;

import java.io.PrintWriter;
import java.util.function.LongSupplier;
import org.textclf.progress.ProgressListener;

/**
 * Draws the core's progress events on standard error as Keras does: a bar per pass, redrawn in place, with the
 * count, rate and ETA, ended by the pass's summary line in its place (or by its own last state at 100%). It is the
 * one writer of the terminal line: a log line that comes while a bar is drawn (from any thread) first clears the
 * bar, then goes on its own line, and the bar is drawn again below it.
 */
final class ProgressBars implements ProgressListener {
    /** Characters between the bar's brackets: fewer than Keras' 30, so that an epoch's metrics fit the width. */
    static final int BAR_CHARS = 20;
    /** The longest line drawn: a bar that wraps cannot be redrawn in place, and a pipe has no width to ask. */
    static final int MAX_WIDTH = 120;
    /** Between redraws: a pass that advances often pays for the drawing a few times a second, not per step. */
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter out;
    private final Stderr level;
    private final LongSupplier nanoClock;
    private String name;
    private long total;
    private String unit;
    private long done;
    private String metrics = "";
    private long startNanos;
    private long drawnNanos;
    /** Characters of the bar now on the line; 0 when the line is free. */
    private int drawn;
    private boolean inPass;

    ProgressBars(PrintWriter out, Stderr level) {
        this(out, level, System::nanoTime);
    }

    ProgressBars(PrintWriter out, Stderr level, LongSupplier nanoClock) {
        this.out = out;
        this.level = level;
        this.nanoClock = nanoClock;
    }

    @Override
    public synchronized void begin(String name, long total, String unit) {
        if (!level.summaries()) {
            return;
        }
        if (inPass) {
            end(null);
        }
        this.name = name;
        this.total = total;
        this.unit = unit;
        done = 0;
        metrics = "";
        startNanos = nanoClock.getAsLong();
        inPass = true;
        draw(false);
    }

    @Override
    public synchronized void advance(long done, String metrics) {
        if (!inPass) {
            return;
        }
        this.done = done;
        this.metrics = metrics;
        if (nanoClock.getAsLong() - drawnNanos >= REDRAW_NANOS) {
            draw(false);
        }
    }

    @Override
    public synchronized void end(String summary) {
        if (!inPass) {
            if (summary != null) {
                line(summary);
            }
            return;
        }
        inPass = false;
        if (summary == null) {
            if (total < 0) {
                total = done; // a count unknown up to now: the pass did all there was
            }
            draw(true);
            out.println();
        } else {
            out.println("\r" + padded(summary));
        }
        drawn = 0;
        out.flush();
    }

    @Override
    public synchronized void line(String text) {
        if (!level.summaries()) {
            return;
        }
        if (drawn > 0) {
            out.print("\r" + " ".repeat(drawn) + "\r");
        }
        out.println(text);
        drawn = 0;
        if (inPass) {
            draw(false);
        }
        out.flush();
    }

    @Override
    public synchronized void warning(String text) {
        if (!level.warnings()) {
            return;
        }
        if (level.summaries()) {
            line("warning: " + text);
        } else {
            out.println("warning: " + text);
            out.flush();
        }
    }

    /** {@code text} with spaces over what is left of the bar it replaces. */
    private String padded(String text) {
        return text.length() >= drawn ? text : text + " ".repeat(drawn - text.length());
    }

    private void draw(boolean finished) {
        long now = nanoClock.getAsLong();
        drawnNanos = now;
        String text = render(finished, (now - startNanos) / 1e9);
        if (text.length() > MAX_WIDTH) {
            text = text.substring(0, MAX_WIDTH);
        }
        out.print("\r" + padded(text));
        drawn = text.length();
        out.flush();
    }

    /** The bar's line after {@code seconds}: finished, it shows the time taken instead of the ETA. */
    String render(boolean finished, double seconds) {
        StringBuilder line = new StringBuilder(name);
        double rate = seconds > 0 ? done / seconds : 0;
        if (total > 0) {
            double fraction = Math.min(1.0, (double) done / total);
            int filled = (int) (fraction * BAR_CHARS);
            line.append(String.format(" %3d%% [", (int) (fraction * 100))).append("=".repeat(filled));
            if (filled < BAR_CHARS) {
                line.append('>').append(".".repeat(BAR_CHARS - filled - 1));
            }
            line.append("] ").append(amount(done)).append('/').append(amount(total));
        } else {
            line.append(' ').append(amount(done));
        }
        line.append(' ').append(unitName()).append(" - ");
        line.append(done > 0 && seconds > 0 ? amount((long) rate) + " " + unitName() + "/s" : "? " + unitName() + "/s");
        if (finished) {
            line.append(" - ").append(duration(seconds));
        } else if (total > 0) {
            line.append(" - ETA ").append(rate > 0 ? duration((total - done) / rate) : "?");
        }
        if (!metrics.isEmpty()) {
            line.append(" - ").append(metrics);
        }
        return line.toString();
    }

    private String amount(long units) {
        return "bytes".equals(unit) ? String.format("%.1f", units / (1024.0 * 1024.0)) : String.format("%,d", units);
    }

    private String unitName() {
        return "bytes".equals(unit) ? "MiB" : unit;
    }

    /** {@code 0.4s}, {@code 12s}, {@code 3:05}, {@code 1:02:03}. */
    static String duration(double seconds) {
        if (seconds < 10) {
            return String.format("%.1fs", seconds);
        }
        long s = Math.round(seconds);
        if (s < 60) {
            return s + "s";
        }
        return s < 3600 ? String.format("%d:%02d", s / 60, s % 60)
                : String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
