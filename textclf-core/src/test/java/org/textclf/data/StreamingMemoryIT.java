package org.textclf.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory proof: a corpus four times larger than the heap (256 MB of CSV, gzipped, with a 5 MB field in it) is read
 * in a child JVM started with {@code -Xmx64m}. Holding the file, or even a tenth of it, would fail there.
 */
class StreamingMemoryIT {
    private static final int RECORDS = 3_200_000;
    private static final String TEXT = "a review that goes on for a while, with \"\"quotes\"\" and numbers 1234567890 ";

    @TempDir
    Path dir;

    @Test
    void open_corpusLargerThanHeap_readsUnderXmx64m() throws Exception {
        Path file = dir.resolve("big.csv.gz");
        long bytes = 0;
        try (Writer out = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(file),
                1 << 16), StandardCharsets.UTF_8), 1 << 16)) {
            for (int i = 0; i < RECORDS; i++) {
                String line = i == RECORDS / 2 ? "\"1\",\"" + "x".repeat(5_000_000) + "\"\n"
                        : "\"" + (1 + i % 2) + "\",\"" + TEXT + i + "\"\n";
                out.write(line);
                bytes += line.length();
            }
        }
        assertThat(bytes).isGreaterThan(4L * 64 * 1024 * 1024);

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(List.of(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                StreamingMemoryIT.class.getName(), file.toString())).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(5, TimeUnit.MINUTES)).isTrue();
        System.out.printf("StreamingMemoryIT: %,d bytes of CSV under -Xmx64m: %s", bytes, output);

        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output).contains("read " + String.format("%,d", RECORDS) + " records, skipped 0");
    }

    /** The child: one pass, printing the stats and the time. */
    public static void main(String[] args) throws IOException {
        long start = System.nanoTime();
        long chars = 0;
        try (SampleReader reader = Sources.open(Path.of(args[0]), SourceOptions.DEFAULTS).open()) {
            for (Sample s = reader.next(); s != null; s = reader.next()) {
                chars += s.text().length();
            }
            System.out.printf("%s, %,d text chars in %.2f s, max heap %,d MB%n", reader.stats(), chars,
                    (System.nanoTime() - start) / 1e9, Runtime.getRuntime().maxMemory() >> 20);
        }
    }
}
