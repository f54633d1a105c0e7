package org.textclf.progress;

import java.io.PrintWriter;

/** {@link ProgressListener#lines}: what a library user gets by default, one line per event worth a line. */
final class PlainLines implements ProgressListener {
    private final PrintWriter out;

    PlainLines(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void end(String summary) {
        if (summary != null) {
            line(summary);
        }
    }

    @Override
    public synchronized void line(String text) {
        out.println(text);
        out.flush();
    }

    @Override
    public void warning(String text) {
        line("warning: " + text);
    }
}
