package org.textclf.cli.download;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.textclf.io.FolderLock;

/**
 * Downloads a corpus (of {@link Corpora#STANDARD}, or one a test builds) into {@code DATA/NAME}: each file into {@code
 * DATA/.textclf-download/NAME-FILE.part} (resumed on the next run when cut short), its SHA-256 checked, then
 * unpacked and converted in a temp folder beside it, which is renamed to {@code DATA/NAME} in one step, so that
 * {@code DATA/NAME} is either complete or absent. The {@code .part} files are deleted once the corpus is in place.
 */
public final class Downloader {
    /** The folder below the data folder that holds downloads and temp folders (hidden from dataset listings). */
    public static final String WORK_FOLDER = ".textclf-download";
    private final Path dataDir;
    private final String baseUrl;
    private final PrintWriter err;
    private final long stallMillis;

    /**
     * @param baseUrl the mirror all files are fetched from (the same paths below it), or null for each corpus'
     *     own server
     */
    public Downloader(Path dataDir, String baseUrl, PrintWriter err) {
        this(dataDir, baseUrl, err, Fetch.STALL_MILLIS);
    }

    Downloader(Path dataDir, String baseUrl, PrintWriter err, long stallMillis) {
        this.dataDir = dataDir;
        this.baseUrl = baseUrl;
        this.err = err;
        this.stallMillis = stallMillis;
    }

    /**
     * Downloads {@code corpus} unless {@code DATA/NAME} exists ({@code force}: replaces it); returns the line that
     * says what it did.
     *
     * @throws IOException one line: why it cannot be downloaded, or the URL and what went wrong
     */
    public String download(Corpus corpus, boolean force) throws IOException {
        Path target = dataDir.resolve(corpus.name());
        if (Files.exists(target) && !force) {
            return corpus.name() + " is already in " + target + "; --force downloads it again";
        }
        if (!corpus.downloadable()) {
            throw new IOException(corpus.name() + " cannot be downloaded: " + corpus.unavailable());
        }
        // One download at a time per data folder: two would append to the same .part files.
        try (FolderLock lock = FolderLock.acquire(Files.createDirectories(dataDir),
                "wait for its download to finish, then run this one again")) {
            if (Files.exists(target) && !force) { // the run we waited for may have just placed it
                return corpus.name() + " is already in " + target + "; --force downloads it again";
            }
            return fetchAndPlace(corpus, target);
        }
    }

    private String fetchAndPlace(Corpus corpus, Path target) throws IOException {
        Path work = Files.createDirectories(dataDir.resolve(WORK_FOLDER));
        try {
            Fetch fetch = new Fetch(err, stallMillis);
            List<Path> parts = new ArrayList<>();
            for (Remote remote : corpus.files()) {
                Path part = work.resolve(corpus.name() + "-" + remote.fileName() + ".part");
                fetch.into(remote, remote.url(baseUrl != null ? baseUrl : corpus.baseUrl()), part);
                parts.add(part);
            }
            err.println("textclf: " + corpus.name() + ": checksums match; unpacking and converting");
            err.flush();
            Path temp = Files.createTempDirectory(work, corpus.name() + "-");
            String wrote;
            try {
                Path converted = temp.resolve(corpus.name());
                wrote = Convert.into(corpus, parts, temp.resolve("unpacked"), converted);
                place(converted, target, temp);
            } finally {
                deleteTree(temp);
                // Placed, or an archive that does not convert (hostile, or not the corpus): downloading it again
                // would not help, so nothing is kept.
                for (Path part : parts) {
                    Files.deleteIfExists(part);
                }
            }
            return "downloaded " + corpus.name() + " into " + target + ": " + wrote;
        } finally {
            deleteIfEmpty(work);
        }
    }

    private static void deleteIfEmpty(Path folder) throws IOException {
        try (Stream<Path> left = Files.list(folder)) {
            if (left.findAny().isEmpty()) {
                Files.delete(folder);
            }
        }
    }

    /** Renames {@code converted} to {@code target} in one step; an old {@code target} goes only once it is done. */
    private static void place(Path converted, Path target, Path temp) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = temp.resolve("replaced");
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            Files.move(converted, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (old != null) {
                Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
            }
            throw e;
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
