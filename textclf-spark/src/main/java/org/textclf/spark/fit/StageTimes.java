package org.textclf.spark.fit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The wall time of each stage of a Spark fit (the split's counting pass, each vectorizer fit pass, vectorizing,
 * each epoch), printed by {@link SparkFit} as one line at verbosity 1 and above, which {@link #parse} reads back (for
 * {@code bench/spark}):
 * <pre>
 * stage times: split 1.204 s | fit pass 1 2.310 s | fit pass 2 1.877 s | vectorize 1.032 s | epoch 1 9.871 s | total 17.1 s
 * </pre>
 *
 * @param stages seconds per stage, in the order they ran
 */
public record StageTimes(Map<String, Double> stages) {
    static final String PREFIX = "stage times: ";

    public StageTimes {
        stages = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(stages));
    }

    /** The line {@link SparkFit} prints. */
    public String line() {
        List<String> parts = new ArrayList<>();
        stages.forEach((name, seconds) -> parts.add(String.format(java.util.Locale.ROOT, "%s %.3f s", name,
                seconds)));
        return PREFIX + String.join(" | ", parts);
    }

    /**
     * Reads a {@link #line()}.
     *
     * @throws IllegalArgumentException when {@code line} is not one
     */
    public static StageTimes parse(String line) {
        int at = line.indexOf(PREFIX);
        if (at < 0) {
            throw new IllegalArgumentException("not a stage times line; expected '" + PREFIX + "...', found '"
                    + line + "'");
        }
        Map<String, Double> stages = new LinkedHashMap<>();
        for (String part : line.substring(at + PREFIX.length()).split(" \\| ")) {
            int space = part.lastIndexOf(' ', part.length() - 3);
            if (!part.endsWith(" s") || space < 0) {
                throw new IllegalArgumentException("bad stage '" + part + "'; expected 'NAME SECONDS s'");
            }
            stages.put(part.substring(0, space), Double.parseDouble(part.substring(space + 1, part.length() - 2)));
        }
        return new StageTimes(stages);
    }

    /** Collects the stages as they end. */
    static final class Builder {
        private final Map<String, Double> stages = new LinkedHashMap<>();
        private final long start = System.nanoTime();

        /** A stage that began at {@code startNanos} ({@link System#nanoTime}) and ends now. */
        void stage(String name, long startNanos) {
            stages.put(name, (System.nanoTime() - startNanos) / 1e9);
        }

        void stage(String name, double seconds) {
            stages.put(name, seconds);
        }

        StageTimes build() {
            Map<String, Double> all = new LinkedHashMap<>(stages);
            all.put("total", (System.nanoTime() - start) / 1e9);
            return new StageTimes(all);
        }
    }
}
