package org.textclf.data;

import java.util.Map;
import java.util.TreeMap;

/**
 * Problems found while decoding or lexing a file, by physical line, waiting for the reader to reach the record that
 * holds that line. The decoder runs ahead of the record parser by at most a buffer, so this stays small as long as
 * the reader drains it record by record.
 */
final class LineProblems {
    private final TreeMap<Long, String> byLine = new TreeMap<>();

    /** Keeps the first problem reported for a line. */
    void add(long line, String problem) {
        byLine.putIfAbsent(line, problem);
    }

    /**
     * Removes every problem on a line up to {@code lastLine} and returns the first as {@code problem}, followed by
     * {@code " (line N)"} when it is not on {@code firstLine}; null when there is none.
     */
    String takeUpTo(long firstLine, long lastLine) {
        Map.Entry<Long, String> first = byLine.firstEntry();
        if (first == null || first.getKey() > lastLine) {
            return null;
        }
        byLine.headMap(lastLine, true).clear();
        return first.getKey() == firstLine ? first.getValue() : first.getValue() + " (line " + first.getKey() + ")";
    }
}
