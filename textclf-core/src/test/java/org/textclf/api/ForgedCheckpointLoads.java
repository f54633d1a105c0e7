package org.textclf.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.textclf.fit.CheckpointFile;

/**
 * Resumes every checkpoint folder in a folder and prints one line per folder: {@code ok NAME}, {@code refused NAME}
 * (an {@link IOException} whose message is one line starting with the checkpoint file's path) or
 * {@code BAD NAME WHY}. Run by {@link ForgedCheckpointTest} in a child JVM with a small heap, so that a forged count
 * that allocates gigabytes fails there instead of passing on a test JVM's large heap.
 */
public final class ForgedCheckpointLoads {
    /** A resume slower than this is a failure: a forged count must be refused, not looped over. */
    static final long MAX_LOAD_MILLIS = 2_000;

    private ForgedCheckpointLoads() {
    }

    public static void main(String[] args) throws IOException {
        List<Path> folders;
        try (Stream<Path> list = Files.list(Path.of(args[0]))) {
            folders = list.sorted().toList();
        }
        for (Path folder : folders) {
            System.out.println(resume(folder));
        }
        System.out.flush();
    }

    private static String resume(Path folder) {
        String name = folder.getFileName().toString();
        Path file = folder.resolve(CheckpointFile.FILE_NAME);
        long start = System.nanoTime();
        String result;
        try {
            CheckpointFile.resume(folder);
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
        long millis = (System.nanoTime() - start) / 1_000_000;
        return millis > MAX_LOAD_MILLIS && !result.startsWith("BAD") ? "BAD " + name + " took " + millis + " ms"
                : result;
    }

    private static String oneLine(String message) {
        return message.replace("\r", "\\r").replace("\n", "\\n");
    }
}
