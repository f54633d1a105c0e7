package org.textclf.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The example caches and shuffle folders this JVM has in the temp folder, deleted by a shutdown hook if the run ends
 * (SIGTERM, Ctrl-C, System.exit) before their owners delete them: a killed 20x run left 560 MB behind. The hook is
 * registered while there is something to delete and removed once there is not, so a long-lived host JVM does not
 * collect hooks.
 *
 * <p>Nothing runs after SIGKILL (or a power cut), and a killed IMDB run left 33 MB behind, 1.5 GB at 20x. So every
 * temp file's name carries its owner's pid and start instant ({@link TempOwner}): {@code
 * textclf-examples-p4242s1l2x3y4z5-98765.bin} in the temp folder, {@code .model.textclf.p4242s1l2x3y4z5-3fa9.tmp}
 * beside an atomically written file. The first temp file this JVM makes in a folder {@link #sweep sweeps} it: what
 * has one of these two names and an owner that is gone is deleted. Nothing else is touched.
 */
public final class TempFiles {
    private static final Set<Path> PATHS = new LinkedHashSet<>();
    /** A temp folder's file or folder: {@code textclf-KIND-TAG-RANDOM[.bin]}. */
    private static final Pattern IN_TEMP_FOLDER = Pattern.compile(
            "textclf-[a-z]+-p([0-9]+)s([0-9a-z]+)-[0-9]+(\\.bin)?");
    /** The temp file of an atomic write: {@code .NAME.TAG-RANDOM.tmp}. */
    private static final Pattern BESIDE = Pattern.compile("\\..+\\.p([0-9]+)s([0-9a-z]+)-[0-9a-f]+\\.tmp");
    private static final Set<Path> SWEPT = new HashSet<>();
    private static Thread hook;

    private TempFiles() {
    }

    /**
     * A new empty file in {@code tempDir} (the system temp folder when null), deleted at JVM exit unless
     * {@link #delete} deletes it first.
     */
    public static Path create(Path tempDir, String prefix, String suffix) throws IOException {
        Path dir = folder(tempDir);
        Path file = Files.createTempFile(dir, prefix + TempOwner.current().tag() + "-", suffix);
        created(file);
        return file;
    }

    /** A new empty folder in {@code tempDir} (the system temp folder when null), deleted at JVM exit likewise. */
    public static Path createDirectory(Path tempDir, String prefix) throws IOException {
        Path dir = Files.createTempDirectory(folder(tempDir), prefix + TempOwner.current().tag() + "-");
        created(dir);
        return dir;
    }

    /** The temp folder, checked, swept once per JVM. */
    private static Path folder(Path tempDir) throws IOException {
        Path dir = tempDir == null ? Path.of(System.getProperty("java.io.tmpdir")) : tempDir;
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + ": the temp folder " + (Files.exists(dir) ? "is not a folder"
                    : "does not exist") + "; create it or give another --temp-dir");
        }
        sweepOnce(dir);
        return dir;
    }

    /**
     * Where an atomic write of {@code target} puts its bytes before the rename: a hidden temp file beside it, named
     * for this process. The first in a folder sweeps that folder.
     */
    public static Path beside(Path target) {
        Path dir = target.toAbsolutePath().getParent();
        sweepOnce(dir);
        return dir.resolve("." + target.getFileName() + "." + TempOwner.current().tag() + "-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1) + ".tmp");
    }

    /**
     * A stream writing the temp file {@code file}, whose failures (a full disk) name it and say what to do: free
     * space in its folder or give another --temp-dir.
     */
    public static OutputStream newOutputStream(Path file) throws IOException {
        String fix = "free space in " + file.toAbsolutePath().getParent() + " or give another --temp-dir";
        try {
            return NamedOutputStream.of(Files.newOutputStream(file), file, fix);
        } catch (IOException e) {
            throw NamedOutputStream.failure(e, file, fix);
        }
    }

    /**
     * Deletes, in {@code dir}, the temp files and folders of owners that are gone (killed, crashed): those named as
     * {@link #create}, {@link #createDirectory} and {@link #beside} name them, for a pid no live process has since
     * the recorded start. Best effort: what cannot be listed or deleted stays, and the run goes on.
     *
     * @return how many were deleted
     */
    public static int sweep(Path dir) {
        int deleted = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = f.getFileName().toString();
                Matcher m = IN_TEMP_FOLDER.matcher(name);
                if (!m.matches()) {
                    m = BESIDE.matcher(name);
                }
                if (m.matches() && gone(m)) {
                    try {
                        deleteTree(f);
                        deleted++;
                    } catch (IOException | RuntimeException e) {
                        // someone else's, or gone already: not this run's business
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // an unlistable folder: the write that follows reports what is wrong with it
        }
        return deleted;
    }

    private static boolean gone(Matcher owner) {
        try {
            return !TempOwner.parse(owner.group(1), owner.group(2)).alive();
        } catch (NumberFormatException e) {
            return false; // digits beyond a long: not a name we wrote
        }
    }

    private static void sweepOnce(Path dir) {
        boolean first;
        synchronized (SWEPT) {
            first = SWEPT.add(dir.toAbsolutePath().normalize());
        }
        if (first) {
            sweep(dir);
        }
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
