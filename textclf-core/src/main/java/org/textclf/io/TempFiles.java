package org.textclf.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The example caches and shuffle folders this JVM has in the temp folder, deleted by a shutdown hook if the run ends
 * (SIGTERM, Ctrl-C, System.exit) before their owners delete them: a killed 20x run left 560 MB behind. The hook is
 * registered while there is something to delete and removed once there is not, so a long-lived host JVM does not
 * collect hooks. Nothing can run after SIGKILL; {@code feed.CacheDirectory} sweeps what such runs leave in a cache
 * folder.
 */
public final class TempFiles {
    private static final Set<Path> PATHS = new LinkedHashSet<>();
    private static Thread hook;

    private TempFiles() {
    }

    /**
     * A new empty file in {@code tempDir} (the system temp folder when null), deleted at JVM exit unless
     * {@link #delete} deletes it first.
     */
    public static Path create(Path tempDir, String prefix, String suffix) throws IOException {
        Path file = Files.createTempFile(tempDir == null ? Path.of(System.getProperty("java.io.tmpdir")) : tempDir,
                prefix, suffix);
        created(file);
        return file;
    }

    /** Deletes a file from {@link #create}, if it is still there. */
    public static void delete(Path file) throws IOException {
        Files.deleteIfExists(file);
        deleted(file);
    }

    /** Deletes {@code path} (a file, or a folder of files) at JVM exit unless {@link #deleted} is called first. */
    public static synchronized void created(Path path) {
        PATHS.add(path);
        if (hook == null) {
            hook = new Thread(TempFiles::deleteAll, "textclf-temp-cleanup");
            try {
                Runtime.getRuntime().addShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                hook = null; // the JVM is exiting; whoever created the file is about to stop too
            }
        }
    }

    /** {@code path} was deleted by its owner (or never made it to disk). */
    public static synchronized void deleted(Path path) {
        PATHS.remove(path);
        if (PATHS.isEmpty() && hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                return; // the hook is running or about to
            }
            hook = null;
        }
    }

    /** The paths a shutdown now would delete, oldest first. */
    public static synchronized List<Path> pending() {
        return new ArrayList<>(PATHS);
    }

    /** Whether a shutdown hook is registered. */
    static synchronized boolean hooked() {
        return hook != null;
    }

    private static void deleteAll() {
        for (Path path : pending()) {
            try {
                deleteTree(path);
            } catch (IOException | RuntimeException e) {
                // Best effort at exit: nowhere to report to, and the next path may still go.
            }
        }
    }

    /**
     * Deletes a file, or a folder of files (a shuffle's buckets). A scatter still running on another thread may add a
     * bucket between the listing and the folder's deletion, hence a few rounds.
     */
    public static void deleteTree(Path path) throws IOException {
        for (int round = 0; round < 5; round++) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> files = Files.list(path)) {
                    for (Path f : (Iterable<Path>) files::iterator) {
                        Files.deleteIfExists(f);
                    }
                }
            }
            try {
                Files.deleteIfExists(path);
                return;
            } catch (java.nio.file.DirectoryNotEmptyException raced) {
                // list again
            }
        }
    }
}
