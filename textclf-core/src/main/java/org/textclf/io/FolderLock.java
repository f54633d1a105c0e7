package org.textclf.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * A folder held by one run at a time, e.g. a checkpoint folder two runs would overwrite each other in: an exclusive
 * lock on {@value #FILE_NAME} inside it, released by {@link #close} or by the system when the process ends, kill -9
 * included. The file holds the owner's pid, for the message of a run that finds it taken; it stays (deleting a lock
 * file races with a run that has just opened it).
 */
public final class FolderLock implements Closeable {
    static final String FILE_NAME = ".textclf.lock";
    /**
     * Folders locked by this JVM. Checked before opening the lock file at all: on POSIX systems closing any channel
     * on a file drops every lock the process holds on it, so a second channel must not even be opened.
     */
    private static final Set<Path> HELD = new HashSet<>();

    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;

    private FolderLock(Path key, FileChannel channel, FileLock lock) {
        this.key = key;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Locks the existing folder {@code dir}.
     *
     * @param otherwise what to do when another run holds it, e.g. {@code give another --checkpoint-dir or wait for
     *     it}
     * @throws IOException {@code DIR: in use by another textclf run (pid N); OTHERWISE} when it is held
     */
    public static FolderLock acquire(Path dir, String otherwise) throws IOException {
        Path key = dir.toRealPath();
        synchronized (HELD) {
            if (HELD.contains(key)) {
                throw inUse(dir, Long.toString(ProcessHandle.current().pid()), otherwise);
            }
            FileChannel channel = FileChannel.open(key.resolve(FILE_NAME), StandardOpenOption.CREATE,
                    StandardOpenOption.READ, StandardOpenOption.WRITE);
            try {
                FileLock lock = channel.tryLock();
                if (lock == null) {
                    throw inUse(dir, owner(channel), otherwise);
                }
                channel.truncate(0);
                channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n")
                        .getBytes(StandardCharsets.US_ASCII)), 0);
                channel.force(false);
                HELD.add(key);
                return new FolderLock(key, channel, lock);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        }
    }

    private static IOException inUse(Path dir, String pid, String otherwise) {
        return new IOException(dir + ": in use by another textclf run (pid " + pid + "); " + otherwise);
    }

    /** The pid its holder wrote, or "unknown" in the instant between its lock and its write. */
    private static String owner(FileChannel channel) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(32);
        channel.read(bytes, 0);
        String pid = new String(bytes.array(), 0, bytes.position(), StandardCharsets.US_ASCII).trim();
        return pid.matches("[0-9]+") ? pid : "unknown";
    }

    /** Releases the folder; again is a no-op. */
    @Override
    public void close() throws IOException {
        synchronized (HELD) {
            if (!channel.isOpen()) {
                return;
            }
            try {
                lock.release();
            } finally {
                channel.close();
                HELD.remove(key);
            }
        }
    }
}
