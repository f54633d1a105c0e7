package org.textclf.data;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Small corpora written into a test's temporary folder, and whole passes over sources. */
final class TestFiles {
    private TestFiles() {
    }

    static Path write(Path dir, String name, String content) throws IOException {
        return write(dir, name, content.getBytes(StandardCharsets.UTF_8));
    }

    static Path write(Path dir, String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        return file;
    }

    static Path gzip(Path dir, String name, String content) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    static List<Sample> readAll(SampleSource source) throws IOException {
        try (SampleReader reader = source.open()) {
            return drain(reader);
        }
    }

    static List<Sample> drain(SampleReader reader) throws IOException {
        List<Sample> samples = new ArrayList<>();
        for (Sample s = reader.next(); s != null; s = reader.next()) {
            samples.add(s);
        }
        return samples;
    }

    static SourceOptions format(DataFormat format) {
        return SourceOptions.builder().format(format).build();
    }

    static SourceOptions skipping(DataFormat format) {
        return SourceOptions.builder().format(format).onBadRecord(BadRecordPolicy.SKIP).build();
    }
}
