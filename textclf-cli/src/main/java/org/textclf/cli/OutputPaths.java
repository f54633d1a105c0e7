package org.textclf.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks, before a command does any work, that every path it will write can be written: a bad {@code -o} found after
 * an hour of training costs the hour. Each failure is one line naming the path, the option and what to do.
 */
final class OutputPaths {

    private OutputPaths() {
    }

    /** A file the command creates or replaces: not a folder, in an existing writable folder, writable if there. */
    static void checkFile(Path path, String option) throws IOException {
        Path absolute = path.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            throw new IOException(path + ": " + option + " is a folder; give a file name, e.g. "
                    + path.resolve("model.textclf"));
        }
        Path parent = absolute.getParent();
        if (!Files.exists(parent)) {
            throw new IOException(path + ": cannot write " + option + " there; the folder " + parent
                    + " does not exist; create it or give another " + option);
        }
        if (!Files.isDirectory(parent)) {
            throw new IOException(path + ": cannot write " + option + " there; " + parent + " is a file, not a"
                    + " folder; give another " + option);
        }
        if (!Files.isWritable(parent)) {
            throw new IOException(path + ": cannot write " + option + " there; the folder " + parent + " is not"
                    + " writable; give another " + option);
        }
        if (Files.exists(absolute) && !Files.isWritable(absolute)) {
            throw new IOException(path + ": " + option + " exists and is not writable; give another " + option);
        }
    }

    /** A folder the command writes in, created if missing: not a file, writable, or creatable where it is. */
    static void checkFolder(Path dir, String option) throws IOException {
        Path absolute = dir.toAbsolutePath();
        if (Files.exists(absolute)) {
            if (!Files.isDirectory(absolute)) {
                throw new IOException(dir + ": " + option + " is a file; expected a folder (created if missing);"
                        + " give another " + option);
            }
            if (!Files.isWritable(absolute)) {
                throw new IOException(dir + ": the folder is not writable; give another " + option);
            }
            return;
        }
        Path existing = absolute.getParent();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && !Files.isDirectory(existing)) {
            throw new IOException(dir + ": cannot create " + option + "; " + existing + " is a file, not a folder;"
                    + " give another " + option);
        }
        if (existing != null && !Files.isWritable(existing)) {
            throw new IOException(dir + ": cannot create " + option + " in " + existing + ", not writable; give"
                    + " another " + option);
        }
    }

    /** The temp folder (given, or the JVM's java.io.tmpdir when null): an existing writable folder. */
    static void checkTempFolder(Path given) throws IOException {
        Path dir = given != null ? given : Path.of(System.getProperty("java.io.tmpdir"));
        String fix = given != null ? "give another --temp-dir" : "give --temp-dir";
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + ": the temp folder " + (Files.exists(dir) ? "is not a folder"
                    : "does not exist") + "; create it or " + fix);
        }
        if (!Files.isWritable(dir)) {
            throw new IOException(dir + ": the temp folder is not writable; " + fix);
        }
    }
}
