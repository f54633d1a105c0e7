package org.textclf.forged;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The two halves of a forged-file test. A child JVM with a small heap reads every forged file in a folder and prints
 * one verdict a file ({@link #printVerdicts}): {@code ok NAME}, {@code refused NAME} (an {@link IOException} whose
 * message is one line starting with the file's path) or {@code BAD NAME WHY}; a forged count that allocates
 * gigabytes fails there instead of passing on the test JVM's large heap. The test JVM starts it and asserts that
 * there is a verdict for every file and none is bad ({@link #assertLoadedOrRefused}).
 */
public final class ForgedLoads {
    /**
     * A read that takes more CPU than this is a failure: a forged count must be refused, not looped over. The
     * reading thread's CPU time, not the wall clock, so a machine loaded by other jobs does not fail a good read.
     */
    static final long MAX_LOAD_MILLIS = 2_000;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ForgedLoads() {
    }

    /** What the child does with one forged entry of the folder. */
    @FunctionalInterface
    public interface Load {
        void load(Path entry) throws IOException;
    }

    /**
     * The child's work: {@code load} each entry of {@code folder} in name order, printing its verdict.
     *
     * @param namedFile the file an entry's messages must start with (the entry itself, or the file in a folder)
     */
    public static void printVerdicts(Path folder, UnaryOperator<Path> namedFile, Load load) throws IOException {
        List<Path> entries;
        try (Stream<Path> list = Files.list(folder)) {
            entries = list.sorted().toList();
        }
        for (Path entry : entries) {
            System.out.println(verdict(entry, namedFile.apply(entry), load));
        }
        System.out.flush();
    }

    private static String verdict(Path entry, Path file, Load load) {
        String name = entry.getFileName().toString();
        long start = THREADS.getCurrentThreadCpuTime();
        String result;
        try {
            load.load(entry);
            result = "ok " + name;
        } catch (IOException e) {
            String message = String.valueOf(e.getMessage());
            if (!message.startsWith(file + ": ")) {
                result = "BAD " + name + " " + e.getClass().getName() + " not naming the file: " + oneLine(message);
            } else if (message.indexOf('\n') >= 0 || message.indexOf('\r') >= 0) {
                result = "BAD " + name + " " + e.getClass().getName() + " of several lines: " + oneLine(message);
            } else {
                result = "refused " + name;
            }
        } catch (Throwable e) { // OutOfMemoryError included: that is what this program looks for
            StackTraceElement[] at = e.getStackTrace();
            result = "BAD " + name + " " + e.getClass().getName() + ": " + oneLine(String.valueOf(e.getMessage()))
                    + (at.length > 0 ? " at " + at[0] : "");
        }
        long millis = (THREADS.getCurrentThreadCpuTime() - start) / 1_000_000;
        return millis > MAX_LOAD_MILLIS && !result.startsWith("BAD")
                ? "BAD " + name + " took " + millis + " ms of CPU" : result;
    }

    /**
     * Runs {@code program}'s main on {@code forged} in a child JVM with a 64 MB heap, and asserts a good verdict for
     * each of its {@code files} entries; a failure says the seed that replays it and the bad verdicts by cause.
     */
    public static void assertLoadedOrRefused(Class<?> program, Path forged, int files, long seed,
            long timeoutSeconds) throws IOException, InterruptedException {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                program.getName(), forged.toString())
                .redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (var out = child.inputReader(StandardCharsets.UTF_8)) {
            for (String line; (line = out.readLine()) != null; ) {
                lines.add(line);
            }
        }
        boolean exited = child.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!exited) {
            child.destroyForcibly();
        }

        List<String> bad = lines.stream().filter(l -> !l.startsWith("ok ") && !l.startsWith("refused ")).toList();
        String why = "seed " + seed + " (-Dforged.seed=" + seed + "), " + files + " files, " + bad.size()
                + " bad; first: " + (bad.isEmpty() ? "none" : bad.get(0)) + "; by cause: " + causes(bad);
        assertThat(exited).as(why).isTrue();
        assertThat(bad).as(why).isEmpty();
        assertThat(lines).as(why).hasSize(files);
        assertThat(child.exitValue()).as(why).isZero();
    }

    private static Map<String, Integer> causes(List<String> bad) {
        Map<String, Integer> causes = new LinkedHashMap<>();
        for (String line : bad) {
            String[] parts = line.split(" ", 4);
            String cause = parts.length > 2 ? parts[2] : line;
            causes.merge(cause, 1, Integer::sum);
        }
        return causes;
    }

    private static String oneLine(String message) {
        return message.replace("\r", "\\r").replace("\n", "\\n");
    }
}
