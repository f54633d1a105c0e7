package org.textclf.cli.download;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Unpacks a tar.gz as one that may be hostile: only plain files and folders, each inside the target folder (no
 * absolute path, no {@code ../} out of it), no links or devices, and no more bytes or entries than a bound derived
 * from the archive's published size, counted as they are written rather than trusted from the headers.
 */
final class SafeUntar {
    /** Text compresses about 3-4x; a tar.gz that unpacks to more than this many times its size is not a corpus. */
    static final int MAX_EXPANSION = 20;
    static final int MAX_ENTRIES = 1_000_000;

    private SafeUntar() {
    }

    /**
     * Unpacks the plain files whose names {@code wanted} accepts (names as in the archive, without a leading
     * {@code ./}) below {@code into}.
     *
     * @throws IOException naming the archive and the entry that broke a rule
     */
    static void unpack(Path archive, String shownAs, long maxBytes, Predicate<String> wanted, Path into)
            throws IOException {
        Path root = into.toAbsolutePath().normalize();
        long written = 0;
        int entries = 0;
        try (InputStream file = new BufferedInputStream(Files.newInputStream(archive));
                TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(file, true))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                String name = entry.getName().startsWith("./") ? entry.getName().substring(2) : entry.getName();
                if (++entries > MAX_ENTRIES) {
                    throw new Refused(shownAs + ": more than " + MAX_ENTRIES + " entries; not a corpus archive");
                }
                // isFile() is true of anything not a folder, links included: ask for each special kind.
                if (entry.isSymbolicLink() || entry.isLink() || entry.isCharacterDevice() || entry.isBlockDevice()
                        || entry.isFIFO() || !entry.isDirectory() && !entry.isFile()) {
                    throw new Refused(shownAs + ": entry '" + name + "' is a " + kind(entry)
                            + "; refusing to unpack an archive with anything but files and folders");
                }
                Path target = root.resolve(name).normalize();
                if (name.startsWith("/") || !target.startsWith(root)) {
                    throw new Refused(shownAs + ": entry '" + name + "' points outside the folder it unpacks"
                            + " into; refusing to unpack it");
                }
                if (entry.isDirectory() || name.isEmpty() || !wanted.test(name)) {
                    continue;
                }
                Files.createDirectories(target.getParent());
                written += copy(tar, target, maxBytes - written, shownAs, name);
            }
        } catch (Refused e) {
            throw e;
        } catch (IOException e) {
            throw new IOException(shownAs + ": not a readable tar.gz (" + e.getMessage() + ")", e);
        }
    }

    private static long copy(InputStream in, Path target, long budget, String shownAs, String name)
            throws IOException {
        long n = 0;
        byte[] buffer = new byte[1 << 16];
        try (OutputStream out = Files.newOutputStream(target)) {
            int r;
            while ((r = in.read(buffer)) > 0) {
                n += r;
                if (n > budget) {
                    throw new Refused(shownAs + ": unpacks to more than " + MAX_EXPANSION
                            + " times its size (at entry '" + name + "'); refusing to unpack it");
                }
                out.write(buffer, 0, r);
            }
        }
        return n;
    }

    private static String kind(TarArchiveEntry entry) {
        if (entry.isSymbolicLink()) {
            return "symbolic link to " + entry.getLinkName();
        }
        if (entry.isLink()) {
            return "hard link to " + entry.getLinkName();
        }
        return entry.isCharacterDevice() || entry.isBlockDevice() ? "device" : entry.isFIFO() ? "FIFO"
                : "special entry";
    }

    /** A rule of this class broken: its message is final. */
    private static final class Refused extends IOException {
        Refused(String message) {
            super(message);
        }
    }
}
