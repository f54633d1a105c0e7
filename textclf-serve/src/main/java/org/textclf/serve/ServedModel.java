package org.textclf.serve;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.textclf.api.Predictor;

/**
 * One loaded model file: what predicts and what identifies that file's version.
 *
 * @param source the name and the file
 * @param predictor the loaded model
 * @param stamp the file's modification time and size when it was loaded, what the watcher compares
 * @param checksum the file's CRC32C, hex
 * @param loadedAtMillis when the load finished, epoch milliseconds
 * @param loadMillis how long the load took
 */
record ServedModel(ModelSource source, Predictor predictor, Stamp stamp, String checksum, long loadedAtMillis,
        long loadMillis) {

    /**
     * TensorFlow Serving's version: an int64 as a string. The file's modification time in milliseconds grows with
     * every new file, which is what clients comparing versions expect.
     */
    String version() {
        return Long.toString(stamp.modifiedMillis());
    }

    /** A file's modification time and size: cheap to read every second, and changed by any rewrite. */
    record Stamp(long modifiedMillis, long bytes) {
        static Stamp of(Path path) throws IOException {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
            return new Stamp(a.lastModifiedTime().toMillis(), a.size());
        }
    }

    static String checksum(Path path) throws IOException {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(path)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                crc.update(buffer, 0, n);
            }
        }
        return String.format("%08x", crc.getValue());
    }
}
