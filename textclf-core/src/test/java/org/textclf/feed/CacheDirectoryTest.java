package org.textclf.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textclf.batch.SparseBatch;
import org.textclf.data.Labels;
import org.textclf.data.MemorySource;
import org.textclf.progress.PassProgress;

class CacheDirectoryTest {
    private static final Labels AB = Labels.of(List.of("a", "b"));
    private static final CacheKey KEY = CacheKey.builder().put("train", "1001 samples").build();
    private static final byte[] VECTORIZER = {1, 2, 3, 4};
    @TempDir
    Path temp;

    private final StringWriter log = new StringWriter();

    private CacheDirectory directory(CacheKey key) throws IOException {
        return CacheDirectory.open(temp.resolve("cache"), key, PassProgress.of(new PrintWriter(log, true), 2));
    }

    /** The values (sample ids) of the first two epochs of a shuffled generator kept in {@code dir}. */
    private List<Float> twoEpochs(MemorySource source, CacheDirectory dir) throws IOException {
        List<Float> seen = new ArrayList<>();
        try (BatchGenerator<SparseBatch> g = BatchGenerator.builder(source, OneHot.VECTORIZER).labels(AB).batchSize(100)
                .seed(3).tempDir(temp).cache(SparseBatch.rows(50), dir, "train").build()) {
            for (int step = 0; step < 2 * g.stepsPerEpoch(); step++) {
                SparseBatch b = g.next();
                for (int r = 0; r < b.rows(); r++) {
                    seen.add(b.values()[r]);
                }
            }
        }
        return seen;
    }

    @Test
    void fitted_savedThenOpenedWithTheSameKey_returnsLabelsAndBytes() throws IOException {
        directory(KEY).saveFitted(new CacheDirectory.Fitted(List.of("a", "b"), VECTORIZER));
        CacheDirectory.Fitted fitted = directory(KEY).fitted();
        assertThat(fitted.labels()).containsExactly("a", "b");
        assertThat(fitted.vectorizer()).containsExactly(VECTORIZER);
    }

    @Test
    void fitted_otherKey_nullAndSaysWhy() throws IOException {
        directory(KEY).saveFitted(new CacheDirectory.Fitted(List.of("a", "b"), VECTORIZER));
        assertThat(directory(CacheKey.builder().put("train", "1002 samples").build()).fitted()).isNull();
        assertThat(log.toString()).contains("fitting the vectorizer in " + temp.resolve("cache")
                + " (train 1001 samples -> 1002 samples)");
    }

    @Test
    void generator_secondRun_readsTheCacheNotTheSourceAndShufflesTheSame() throws IOException {
        MemorySource source = MemorySource.numbered(1001, i -> i % 3 == 0 ? "a" : "b");
        CacheDirectory first = directory(KEY);
        first.saveFitted(new CacheDirectory.Fitted(List.of("a", "b"), VECTORIZER));
        List<Float> built = twoEpochs(source, first);
        assertThat(source.opened()).isEqualTo(1);

        CacheDirectory second = directory(KEY);
        assertThat(second.fitted()).isNotNull();
        assertThat(second.reportExamples("train")).isTrue();
        List<Float> reused = twoEpochs(source, second);
        assertThat(source.opened()).isEqualTo(1);
        assertThat(reused).isEqualTo(built);
        assertThat(built.subList(0, 1001)).isNotEqualTo(built.subList(1001, 2002)); // reshuffled each epoch
        assertThat(log.toString()).contains("reusing cached vectorizer and 1,001 examples from "
                + temp.resolve("cache"));
    }

    @Test
    void generator_otherVectorizerBytes_rebuildsTheExamples() throws IOException {
        MemorySource source = MemorySource.numbered(300, i -> i % 3 == 0 ? "a" : "b");
        CacheDirectory first = directory(KEY);
        first.saveFitted(new CacheDirectory.Fitted(List.of("a", "b"), VECTORIZER));
        twoEpochs(source, first);
        CacheDirectory second = directory(KEY);
        second.saveFitted(new CacheDirectory.Fitted(List.of("a", "b"), new byte[] {9}));
        assertThat(second.reportExamples("train")).isFalse();
        twoEpochs(source, second);
        assertThat(source.opened()).isEqualTo(2);
        assertThat(log.toString()).containsPattern("caching train examples in .* \\(vectorizer 4 bytes crc32c"
                + " [0-9a-f]{8} -> 1 bytes crc32c [0-9a-f]{8}\\)");
    }

    @Test
    void generator_sourceFailsWhileCaching_leavesNoCacheFile() throws IOException {
        MemorySource source = MemorySource.numbered(300, i -> "a").failingAt(250);
        CacheDirectory dir = directory(KEY);
        dir.saveFitted(new CacheDirectory.Fitted(List.of("a", "b"), VECTORIZER));
        assertThatThrownBy(() -> twoEpochs(source, dir)).hasMessageContaining("list.csv:251");
        try (Stream<Path> files = Files.list(temp.resolve("cache"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(CacheDirectory.VECTORIZER_FILE);
        }
    }

    @Test
    void generator_withoutCacheDirectoryFailing_leavesTheTempDirEmpty() throws IOException {
        Path tmp = Files.createDirectories(temp.resolve("tmp"));
        MemorySource source = MemorySource.numbered(300, i -> "a").failingAt(250);
        assertThatThrownBy(() -> BatchGenerator.builder(source, OneHot.VECTORIZER).labels(AB).tempDir(tmp)
                .cache(SparseBatch.rows(50)).build()).hasMessageContaining("list.csv:251");
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void examplesCheck_beforeTheVectorizerIsKnown_saysWhatToCallFirst() throws IOException {
        assertThatThrownBy(() -> directory(KEY).reportExamples("train"))
                .hasMessage("example caches are keyed by the vectorizer; call fitted() or saveFitted() first");
    }

    @Test
    void open_tempFilesOfKilledRuns_deletesOnlyThoseOfDeadProcesses() throws Exception {
        Path dir = Files.createDirectories(temp.resolve("cache"));
        Process done = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-version").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String deadTag = "p" + done.pid() + "s" + Long.toString(done.toHandle().info().startInstant().orElseThrow()
                .toEpochMilli(), 36);
        assertThat(done.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        Path abandoned = Files.write(dir.resolve(".train.examples." + deadTag + "-12ab.tmp"), new byte[10]);
        Path writing;
        try (CacheFile.Writer live = new CacheFile.Writer(dir.resolve("train.examples"), true, "examples", KEY)) {
            try (Stream<Path> files = Files.list(dir)) {
                writing = files.filter(f -> !f.equals(abandoned)).findFirst().orElseThrow();
            }
            directory(KEY);
            assertThat(abandoned).doesNotExist();
            assertThat(writing).exists();
        }
    }

    @Test
    void open_onAFile_saysItExpectsAFolder() throws IOException {
        Path file = Files.writeString(temp.resolve("file"), "x");
        assertThatThrownBy(() -> CacheDirectory.open(file, KEY, PassProgress.SILENT))
                .hasMessage(file + ": cannot keep caches here; expected a folder, found a file");
    }
}
