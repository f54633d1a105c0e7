package org.textclf.feed;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import org.textclf.io.NamedOutputStream;
import org.textclf.io.TempFiles;

/**
 * The layout shared by every cache file, so that none is trusted unless it is whole and made from the same inputs
 * (big-endian, as {@link DataOutputStream} writes):
 * <pre>
 * 8 bytes  "TCLFCACH"
 * int      FORMAT_VERSION (1)
 * int, UTF-8 bytes   the kind ("vectorizer", "examples")
 * int, UTF-8 bytes   the {@link CacheKey}, one name=value line per part
 * ...      the body, as the kind defines it
 * long     the number of records in the body
 * int      CRC32C of every byte before it
 * </pre>
 * A kept file is written to a hidden temp file beside it ({@code .NAME.PID-RANDOM.tmp}, {@code io.TempFiles#beside})
 * and renamed over it once forced to disk, the idea of {@code io.AtomicFiles} for a streamed file: a killed run
 * leaves the old file or none, and a temp file that is never read and that a later run deletes.
 */
final class CacheFile {
    static final int FORMAT_VERSION = 1;
    private static final byte[] MAGIC = "TCLFCACH".getBytes(StandardCharsets.US_ASCII);
    private static final int TRAILER_BYTES = 12;
    private static final int BUFFER_BYTES = 1 << 16;

    private CacheFile() {
    }

    /** What a check of a cache file found: usable (then its record count and where its body starts), or why not. */
    record Check(boolean usable, boolean corrupt, String reason, long records, long bodyOffset) {
        static Check missing() {
            return new Check(false, false, "none cached yet", 0, 0);
        }
    }

    /** Writes one cache file; {@link #commit} finishes it, {@link #close} without commit deletes what was written. */
    static final class Writer implements Closeable {
        private final Path target;
        private final Path written;
        private final FileChannel channel;
        private final CheckedOutputStream checked;
        private final DataOutputStream out;
        private final long bodyOffset;
        private boolean committed;

        /**
         * @param atomic write beside {@code target} and rename on commit (a kept file), or write {@code target}
         *     itself (a temp file no other run reads)
         */
        Writer(Path target, boolean atomic, String kind, CacheKey key) throws IOException {
            this.target = target;
            this.written = atomic ? TempFiles.beside(target) : target;
            this.channel = FileChannel.open(written, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
            try {
                this.checked = new CheckedOutputStream(NamedOutputStream.of(Channels.newOutputStream(channel),
                        target, fix(target, atomic)), new CRC32C());
                this.out = new DataOutputStream(new BufferedOutputStream(checked, BUFFER_BYTES));
                out.write(MAGIC);
                out.writeInt(FORMAT_VERSION);
                byte[] kindBytes = kind.getBytes(StandardCharsets.UTF_8);
                byte[] keyBytes = key.encode().getBytes(StandardCharsets.UTF_8);
                writeBytes(out, kindBytes);
                writeBytes(out, keyBytes);
                this.bodyOffset = MAGIC.length + 4 + 8 + kindBytes.length + keyBytes.length;
            } catch (IOException | RuntimeException e) {
                channel.close();
                Files.deleteIfExists(written);
                throw e;
            }
        }

        /** What to do when the disk is full: a kept file is in the cache folder, a temp one in the temp folder. */
        private static String fix(Path target, boolean kept) {
            return "free space in " + target.toAbsolutePath().getParent() + " or give another "
                    + (kept ? "--cache-dir" : "--temp-dir");
        }

        /** Where the body starts in the file. */
        long bodyOffset() {
            return bodyOffset;
        }

        /** Where the body goes. */
        DataOutputStream out() {
            return out;
        }

        /** Writes the trailer, forces the file to disk and, for a kept file, renames it into place. */
        void commit(long records) throws IOException {
            out.writeLong(records);
            out.flush();
            int crc = (int) checked.getChecksum().getValue();
            out.writeInt(crc);
            out.flush();
            try {
                channel.force(true);
            } catch (IOException e) {
                throw NamedOutputStream.failure(e, target, fix(target, written != target));
            }
            channel.close();
            if (written != target) {
                try {
                    Files.move(written, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(written, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            committed = true;
        }

        @Override
        public void close() throws IOException {
            if (!committed) {
                channel.close();
                Files.deleteIfExists(written);
            }
        }
    }

    /**
     * Reads {@code file} through once: its checksum, its kind and its key. A missing file, another key or another
     * format version is not usable; a short file, a bad checksum or a header that is not a cache file's is corrupt.
     */
    static Check check(Path file, String kind, CacheKey key) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Check.missing();
        }
        long size = Files.size(file);
        CheckedInputStream checked = new CheckedInputStream(new BufferedInputStream(Files.newInputStream(file),
                BUFFER_BYTES), new CRC32C());
        try (DataInputStream in = new DataInputStream(checked)) {
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                return corrupt(file, "not a textclf cache file");
            }
            int version = in.readInt();
            if (version != FORMAT_VERSION) {
                return new Check(false, false, "cache format version " + version + ", this textclf writes "
                        + FORMAT_VERSION, 0, 0);
            }
            byte[] kindBytes = readBytes(in, size);
            byte[] keyBytes = readBytes(in, size);
            long bodyOffset = MAGIC.length + 4 + 8 + kindBytes.length + keyBytes.length;
            long body = size - bodyOffset - TRAILER_BYTES;
            if (body < 0) {
                return corrupt(file, "truncated: " + size + " bytes");
            }
            in.skipNBytes(body);
            long records = in.readLong();
            int expected = (int) checked.getChecksum().getValue();
            int found = in.readInt();
            if (expected != found) {
                return corrupt(file, String.format("checksum mismatch; expected crc32c %08x, found %08x", found,
                        expected));
            }
            // Parsed only now that the checksum vouches for them.
            String storedKind = new String(kindBytes, StandardCharsets.UTF_8);
            if (!storedKind.equals(kind)) {
                return corrupt(file, "holds " + storedKind + ", expected " + kind);
            }
            CacheKey stored = CacheKey.decode(new String(keyBytes, StandardCharsets.UTF_8));
            if (!stored.equals(key)) {
                return new Check(false, false, key.differences(stored), 0, 0);
            }
            return new Check(true, false, "", records, bodyOffset);
        } catch (EOFException e) {
            return corrupt(file, "truncated: " + size + " bytes");
        }
    }

    private static Check corrupt(Path file, String why) {
        return new Check(false, true, file + ": " + why, 0, 0);
    }

    /** The body of a file that {@link #check} found usable. */
    static DataInputStream openBody(Path file, Check check) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER_BYTES);
        try {
            in.skipNBytes(check.bodyOffset());
        } catch (IOException e) {
            in.close();
            throw e;
        }
        return new DataInputStream(in);
    }

    static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /** Length-prefixed bytes; a length beyond the file is corruption, not an allocation to attempt. */
    static byte[] readBytes(DataInputStream in, long fileSize) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > fileSize) {
            throw new EOFException("length " + length + " beyond the file");
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }
}
