package org.textclf.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.textclf.data.TestFiles.write;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records far larger than the heap (a gzip of a 1 GiB line, a 100 MB document in a folder per class) are bad records
 * of the one record limit, read in a 64 MB child JVM: noticed without holding them, skipped, the pass going on.
 */
final class RecordLimitTest {
    private static final long CHILD_TIMEOUT_SECONDS = 120;
    private static final String LIMIT = String.format("%,d", SourceOptions.DEFAULT_MAX_RECORD_BYTES);

    @TempDir
    Path dir;

    @Test
    void next_gzippedGigabyteLineAndHugeDocument_skippedUnderA64MegabyteHeap() throws Exception {
        Path lines = dir.resolve("huge.ft.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(lines), 1 << 16)) {
            out.write("__label__a one\n__label__b ".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, (byte) 'x');
            for (int i = 0; i < 1024; i++) {
                out.write(chunk);
            }
            out.write("\n__label__a three\n".getBytes(StandardCharsets.US_ASCII));
        }
        Path folder = dir.resolve("folder");
        write(folder, "pos/1.txt", "fine");
        Path huge = Files.createDirectories(folder.resolve("neg")).resolve("2.txt");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(100L << 20); // sparse: 100 MB of NULs that take no disk
        }

        List<String> output = runChild(lines, folder);

        assertThat(Files.size(lines)).isLessThan(2L << 20);
        assertThat(output).containsExactly(
                "skipped " + lines + ":2: record longer than " + LIMIT + " bytes; split it, or raise the limit"
                        + " with --max-record-bytes",
                "read 2 records, skipped 1: one three",
                "skipped " + huge + ":1: document longer than " + LIMIT + " bytes; split it, or raise the limit"
                        + " with --max-record-bytes",
                "read 1 records, skipped 1: fine");
    }

    @Test
    void next_linesOverTheLimitInEveryLineFormat_skippedCountingTheirBytes() throws IOException {
        // 10 bytes of text in 4 chars: the limit counts UTF-8 bytes, not chars
        String long4 = "\u00e9\u00e9\u20ac\u20ac";
        SourceOptions options = SourceOptions.builder().onBadRecord(BadRecordPolicy.SKIP).maxRecordBytes(30)
                .build();
        Path fastText = write(dir, "a.ft", "__label__a ok\n__label__b " + long4.repeat(3) + "\r\n__label__a fine\n");
        Path jsonl = write(dir, "a.jsonl", "{\"text\":\"ok\",\"label\":\"a\"}\n{\"text\":\"" + long4.repeat(3)
                + "\",\"label\":\"b\"}\n{\"text\":\"fine\",\"label\":\"a\"}\n");
        Path tsv = write(dir, "a.tsv", "text\tlabel\nok\ta\n" + long4.repeat(3) + "\tb\rfine\ta\n");
        Path csv = write(dir, "a.csv", "text,label\nok,a\n\"" + long4.repeat(2) + "\n" + long4 + "\",b\nfine,a\n");

        for (Path file : List.of(fastText, jsonl, tsv, csv)) {
            try (SampleReader reader = Sources.open(file, options).open()) {
                assertThat(TestFiles.drain(reader)).extracting(Sample::text).as(file.toString())
                        .containsExactly("ok", "fine");
                long line = file == fastText || file == jsonl ? 2 : 3;
                assertThat(reader.stats().firstOffenders()).containsExactly(file + ":" + line
                        + ": record longer than 30 bytes; split it, or raise the limit with --max-record-bytes");
            }
        }
    }

    @Test
    void next_documentOverTheLimit_skippedAndTheNextFileRead() throws IOException {
        Path folder = dir.resolve("folder");
        write(folder, "neg/1.txt", "x".repeat(31));
        write(folder, "pos/1.txt", "good");
        SourceOptions options = SourceOptions.builder().onBadRecord(BadRecordPolicy.SKIP).maxRecordBytes(30)
                .build();

        try (SampleReader reader = Sources.open(folder, options).open()) {
            assertThat(TestFiles.drain(reader)).extracting(Sample::text).containsExactly("good");
            assertThat(reader.stats().firstOffenders()).containsExactly(folder.resolve("neg/1.txt")
                    + ":1: document longer than 30 bytes; split it, or raise the limit with --max-record-bytes");
        }
    }

    private static List<String> runChild(Path... files) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx64m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                HugeRecordReads.class.getName()));
        for (Path f : files) {
            command.add(f.toString());
        }
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (var out = child.inputReader(StandardCharsets.UTF_8)) {
            for (String line; (line = out.readLine()) != null; ) {
                lines.add(line.length() > 300 ? line.substring(0, 300) + "..." : line);
            }
        }
        if (!child.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            lines.add("timed out");
        }
        return lines;
    }
}
