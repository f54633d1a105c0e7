package org.textclf.progress;

import java.util.ArrayList;
import java.util.List;

/** Records the events it hears, one string each: {@code begin NAME TOTAL UNIT}, {@code advance N}, ... */
public final class RecordingListener implements ProgressListener {
    private final List<String> events = new ArrayList<>();

    /** One pass's begin event, parsed. */
    public record Begin(String name, long total, String unit) {
    }

    public synchronized List<String> events() {
        return List.copyOf(events);
    }

    /** The passes begun, in order. */
    public synchronized List<Begin> begins() {
        List<Begin> begins = new ArrayList<>();
        for (String e : events) {
            if (e.startsWith("begin\t")) {
                String[] f = e.split("\t");
                begins.add(new Begin(f[1], Long.parseLong(f[2]), f[3]));
            }
        }
        return begins;
    }

    @Override
    public synchronized void begin(String name, long total, String unit) {
        events.add("begin\t" + name + "\t" + total + "\t" + unit);
    }

    @Override
    public synchronized void advance(long done, String metrics) {
        events.add("advance\t" + done);
    }

    @Override
    public synchronized void end(String summary) {
        events.add("end\t" + summary);
    }

    @Override
    public synchronized void line(String text) {
        events.add("line\t" + text);
    }

    @Override
    public synchronized void warning(String text) {
        events.add("warning\t" + text);
    }
}
