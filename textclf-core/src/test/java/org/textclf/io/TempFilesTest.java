package org.textclf.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textclf.batch.SparseBatch;
import org.textclf.batch.Vectorizer;
import org.textclf.data.Labels;
import org.textclf.data.MemorySource;
import org.textclf.feed.BatchGenerator;

class TempFilesTest {
    @TempDir
    Path temp;

    /**
     * A training-like run in a child JVM: an example cache and an external shuffle (with the next epoch scattering
     * in the background) in {@code java.io.tmpdir}; prints "ready" once a batch came out, then waits to be killed.
     */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            Vectorizer<SparseBatch> oneHot = (samples, labels) -> {
                int n = samples.size();
                int[] rowStart = new int[n + 1];
                int[] indices = new int[n];
                float[] values = new float[n];
                for (int i = 0; i < n; i++) {
                    indices[i] = Integer.parseInt(samples.get(i).text()) % 50;
                    values[i] = 1;
                    rowStart[i + 1] = i + 1;
                }
                return new SparseBatch(50, rowStart, indices, values, labels);
            };
            MemorySource source = MemorySource.numbered(20_000, i -> i % 2 == 0 ? "a" : "b");
            BatchGenerator<SparseBatch> g = BatchGenerator.builder(source, oneHot).labels(Labels.of(List.of("a",
                    "b"))).cache(SparseBatch.rows(50)).shuffleBufferBytes(50_000).batchSize(100).build();
            g.next();
            System.out.println("ready");
            System.out.flush();
            Thread.sleep(TimeUnit.MINUTES.toMillis(2));
            g.close();
        }
    }

    private List<String> textclfFiles() throws IOException {
        try (Stream<Path> files = Files.list(temp)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("textclf-")).sorted()
                    .collect(Collectors.toList());
        }
    }

    @Test
    void exit_sigtermMidTraining_leavesNoTextclfTempFiles() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-Xmx64m", "-Djava.io.tmpdir=" + temp, "-cp",
                System.getProperty("java.class.path"), Child.class.getName())
                .redirectError(temp.resolve("child.err").toFile()).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8));
            assertThat(out.readLine()).as("child stderr: %s", temp.resolve("child.err")).isEqualTo("ready");
            // The cache and epoch 0's buckets are there, so the test can fail.
            assertThat(textclfFiles()).anyMatch(n -> n.startsWith("textclf-examples-"))
                    .anyMatch(n -> n.startsWith("textclf-shuffle-"));
            child.destroy(); // SIGTERM
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).as("killed by SIGTERM: 128 + 15").isEqualTo(143);
            assertThat(textclfFiles()).isEmpty();
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    void deleted_lastPath_removesTheShutdownHook() throws IOException {
        Path file = Files.createFile(temp.resolve("textclf-examples-1.bin"));
        Path folder = Files.createDirectory(temp.resolve("textclf-shuffle-1"));
        Files.createFile(folder.resolve("b0"));
        TempFiles.created(file);
        TempFiles.created(folder);
        assertThat(TempFiles.hooked()).isTrue();
        assertThat(TempFiles.pending()).contains(file, folder);
        TempFiles.deleteTree(folder);
        TempFiles.deleted(folder);
        assertThat(folder).doesNotExist();
        assertThat(TempFiles.pending()).doesNotContain(folder);
        Files.delete(file);
        TempFiles.deleted(file);
        assertThat(TempFiles.pending()).doesNotContain(file, folder);
        if (TempFiles.pending().isEmpty()) { // other tests in this JVM may hold temp files right now
            assertThat(TempFiles.hooked()).isFalse();
        }
    }
}
