package org.textclf.cli.download;

import java.io.PrintWriter;
import java.text.DecimalFormat;
import java.time.Duration;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The bar of one file's transfer on standard error: MiB done of the total, rate and ETA. A resumed download starts
 * at the bytes it already has. Its own class so that the CLI's progress rendering can take it over in one place.
 */
final class DownloadProgress implements AutoCloseable {
    private static final int BAR_WIDTH = 120;
    private final ProgressBar bar;
    private final PrintWriter err;

    DownloadProgress(String task, long totalBytes, long startBytes, PrintWriter err) {
        this.err = err;
        this.bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(totalBytes)
                .startsFrom(startBytes, Duration.ZERO).setUnit(" MiB", 1 << 20).showSpeed(new DecimalFormat("0.0"))
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250)
                .setConsumer(new DelegatingProgressBarConsumer(line -> {
                    err.print('\r' + line);
                    err.flush();
                }, BAR_WIDTH)).build();
    }

    void stepTo(long bytes) {
        bar.stepTo(bytes);
    }

    /** Draws the bar a last time and ends its line, so that what follows starts a line of its own. */
    @Override
    public void close() {
        bar.close();
        err.println();
        err.flush();
    }
}
