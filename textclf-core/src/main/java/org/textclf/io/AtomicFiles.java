package org.textclf.io;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Whole-file writes that either fully happen or leave the target untouched: model files, checkpoints, plots. The
 * bytes go to a hidden temp file in the target's own directory (so the final rename never crosses file systems),
 * are forced to disk, and the temp file is then renamed over the target with {@code ATOMIC_MOVE}. A reader therefore
 * sees the old file or the complete new one, never half of one, even if the process dies mid-write; the temp file a
 * kill leaves is named for its process and swept by a later write in that folder ({@link TempFiles#beside}).
 */
public final class AtomicFiles {
    private static final int BUFFER_BYTES = 1 << 16;

    private AtomicFiles() {
    }

    /**
     * Writes {@code path} with the bytes {@code writer} puts on the stream it is given. If {@code writer} (or the
     * disk) fails, the temp file is deleted, the exception is rethrown, and any existing file at {@code path} is
     * left as it was. The writer may close the stream or not; closing it only flushes.
     */
    public static void write(Path path, IOConsumer<? super OutputStream> writer) throws IOException {
        Path target = path.toAbsolutePath();
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new NoSuchFileException(path + ": cannot write; expected an existing directory, found none at "
                    + dir);
        }
        if (Files.isDirectory(target)) {
            throw new IOException(path + ": is a folder; expected a file name");
        }
        Path temp = TempFiles.beside(target);
        String fix = "free space in " + dir + " or write elsewhere";
        try {
            // CREATE_NEW rather than Files.createTempFile: the latter makes the file owner-only (0600), and the
            // rename would carry that mode over to a model that others must be able to read.
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                OutputStream buffered = new BufferedOutputStream(NamedOutputStream.of(Channels.newOutputStream(channel),
                        path, fix), BUFFER_BYTES);
                writer.accept(new FilterOutputStream(buffered) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                    }

                    @Override
                    public void close() throws IOException {
                        flush();
                    }
                });
                buffered.flush();
                try {
                    channel.force(true);
                } catch (IOException e) {
                    throw NamedOutputStream.failure(e, path, fix);
                }
            }
            move(temp, target);
        } catch (IOException | RuntimeException | Error e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        syncDirectory(dir);
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Same directory, so this only happens on exotic file systems; a plain replace is the best they offer.
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes the rename itself durable on POSIX systems; elsewhere directories cannot be opened and this is moot. */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Not supported here (e.g. Windows); the file content itself was already forced.
        }
    }
}
