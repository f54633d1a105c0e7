package org.textclf.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textclf.config.AutoBranchConfig;
import org.textclf.config.MlpBranchConfig;
import org.textclf.config.SepCnnBranchConfig;
import org.textclf.config.TrainOptions;
import org.textclf.data.SampleReader;
import org.textclf.data.SampleSource;
import org.textclf.data.SourceOptions;
import org.textclf.data.Sources;
import org.textclf.feed.CacheDirectory;
import org.textclf.feed.CacheKey;
import org.textclf.fit.CheckpointFile;
import org.textclf.nn.MlpConfig;
import org.textclf.progress.RecordingListener;
import org.textclf.text.NgramConfig;

/** {@code TrainOptions.cacheDir}: reuse, every reason to rebuild, corrupt files, temp caches, progress output. */
class TextClassifierCacheTest {

    @TempDir
    Path temp;

    /** A Zhang-style CSV of two topics. */
    private Path corpus(String name, int rows, long seed) throws IOException {
        return TopicCorpus.write(temp.resolve(name), rows, seed, 3);
    }

    /** A source that counts the passes opened over it: zero when a run reuses everything. */
    private static final class Counting implements SampleSource {
        private final SampleSource source;
        private final AtomicInteger opened = new AtomicInteger();

        Counting(SampleSource source) {
            this.source = source;
        }

        @Override
        public SampleReader open() throws IOException {
            opened.incrementAndGet();
            return source.open();
        }

        @Override
        public String name() {
            return source.name();
        }
    }

    /** One run's log and how often it opened the training data. */
    private record Run(String log, int passes, FitResult result) {
    }

    private TrainOptions options(Path cacheDir) {
        return TrainOptions.DEFAULTS.withFit(f -> f.epochs(3))
                .withEnvironment(e -> e.withVerbose(2).withCacheDir(cacheDir).withTempDir(temp.resolve("tmp")));
    }

    private Run train(Path data, TrainOptions options) throws IOException {
        Files.createDirectories(temp.resolve("tmp"));
        Counting source = new Counting(Sources.open(data, SourceOptions.DEFAULTS));
        StringWriter log = new StringWriter();
        FitResult result = TestFits.fit(source, null, null, options, List.of(),
                new PrintWriter(log, true), CacheKey.builder().put("format", "detected").file("train", data).build(), null);
        return new Run(log.toString(), source.opened.get(), result);
    }

    @Test
    void fit_secondRunUnchanged_reusesEverythingWithoutReadingTheData() throws IOException {
        Path data = corpus("train.csv", 600, 1);
        Path cache = temp.resolve("cache");
        Run first = train(data, options(cache));
        Run second = train(data, options(cache));

        // The split's counting pass and the 2 fit passes; the train cache is built from the rows the second
        // computed, and the validation cache replays what the first fit pass held out
        assertThat(first.passes()).isEqualTo(3);
        assertThat(first.log()).contains("fitting the vectorizer in " + cache + " (none cached yet)")
                .contains("pass 1:");
        assertThat(second.passes()).isZero();
        assertThat(second.log()).containsPattern("reusing cached vectorizer and \\d+ \\+ \\d+ examples from "
                + java.util.regex.Pattern.quote(cache.toString())).doesNotContain("pass 1:");
        assertThat(second.result().metrics().get("val_loss")).isEqualTo(first.result().metrics().get("val_loss"));
        try (Stream<Path> files = Files.list(cache)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    CacheDirectory.VECTORIZER_FILE, "train.examples", "validation.examples");
        }
    }

    @Test
    void fit_resumedWithTheCacheDirectory_readsTheCachedExamplesNotTheText() throws IOException {
        Path data = corpus("train.csv", 600, 1);
        Path cache = temp.resolve("cache");
        Path checkpoints = temp.resolve("ck");
        CacheKey key = CacheKey.builder().put("format", "detected").file("train", data).build();
        TrainOptions options = options(cache).withFit(f -> f.epochs(1));
        Files.createDirectories(temp.resolve("tmp"));
        TestFits.fit(Sources.open(data, SourceOptions.DEFAULTS), null, null, options, List.of(),
                new PrintWriter(new StringWriter(), true), key, CheckpointFile.create(checkpoints,
                        new CheckpointFile.Run(options, List.of(), List.of())));

        Counting source = new Counting(Sources.open(data, SourceOptions.DEFAULTS));
        FitResult continued = TestFits.fit(source, null, null, options, List.of(),
                new PrintWriter(new StringWriter(), true), key, CheckpointFile.resume(checkpoints).continuing(3));

        assertThat(continued.history().size()).isEqualTo(3);
        // the train and validation examples come from the cache, as in a run that reuses it
        assertThat(source.opened.get()).isZero();
    }

    private void assertRebuilds(UnaryOperator<TrainOptions> change, String reason) throws IOException {
        Path data = corpus("train.csv", 400, 2);
        Path cache = temp.resolve("cache");
        train(data, options(cache));
        Run changed = train(data, change.apply(options(cache)));
        assertThat(changed.log()).contains("fitting the vectorizer in " + cache + " (" + reason)
                .doesNotContain("reusing cached vectorizer");
        assertThat(changed.passes()).isEqualTo(3);
        Run again = train(data, change.apply(options(cache)));
        assertThat(again.passes()).isZero();
    }

    @Test
    void fit_minDfChanged_rebuildsAndSaysWhy() throws IOException {
        assertRebuilds(o -> o.withBranch(new AutoBranchConfig(new MlpBranchConfig(
                NgramConfig.builder().minDocumentFrequency(3).build(), MlpConfig.DEFAULTS), SepCnnBranchConfig.DEFAULTS)),
                "mlp.ngram.minDocumentFrequency 2 -> 3)");
    }

    @Test
    void fit_seedChanged_rebuildsAndSaysWhy() throws IOException {
        assertRebuilds(o -> o.withFit(f -> f.seed(7)), "split.seed 42 -> 7)");
    }

    @Test
    void fit_validationFractionChanged_rebuildsAndSaysWhy() throws IOException {
        assertRebuilds(o -> o.withFit(f -> f.validationFraction(0.3)), "split.validationFraction 0.2 -> 0.3)");
    }

    @Test
    void fit_dataContentChanged_rebuildsAndSaysWhy() throws IOException {
        Path data = corpus("train.csv", 400, 3);
        Path cache = temp.resolve("cache");
        train(data, options(cache));
        byte[] bytes = Files.readAllBytes(data);
        bytes[bytes.length / 2] = (byte) (bytes[bytes.length / 2] == 'a' ? 'e' : 'a'); // same size, other content
        Files.write(data, bytes);
        Run changed = train(data, options(cache));
        assertThat(changed.log()).containsPattern("fitting the vectorizer in .* \\(train \\d+ bytes crc32c [0-9a-f]{8}"
                + " -> \\d+ bytes crc32c [0-9a-f]{8}\\)");
        assertThat(changed.passes()).isEqualTo(3);
    }

    @Test
    void fit_vectorizerCacheCorrupt_warnsAndRebuilds() throws IOException {
        Path data = corpus("train.csv", 400, 4);
        Path cache = temp.resolve("cache");
        train(data, options(cache));
        Path file = cache.resolve(CacheDirectory.VECTORIZER_FILE);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 40] ^= 1;
        Files.write(file, bytes);
        Run rebuilt = train(data, options(cache).withEnvironment(e -> e.withVerbose(0)));
        assertThat(rebuilt.log()).contains("warning: ignoring a corrupt cache file, " + file + ": checksum mismatch");
        assertThat(rebuilt.passes()).as("the split's counting pass and the refit's two").isEqualTo(3);
        assertThat(train(data, options(cache)).passes()).isZero();
    }

    @Test
    void fit_examplesCacheTruncated_warnsAndRebuildsOnlyIt() throws IOException {
        Path data = corpus("train.csv", 400, 5);
        Path cache = temp.resolve("cache");
        Run first = train(data, options(cache));
        Path file = cache.resolve("train.examples");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Run rebuilt = train(data, options(cache));
        assertThat(rebuilt.log()).contains("warning: ignoring a corrupt cache file, " + file)
                .doesNotContain("fitting the vectorizer");
        assertThat(rebuilt.passes()).isEqualTo(2); // the split's counting pass, then the train cache alone
        assertThat(rebuilt.result().metrics().get("val_loss")).isEqualTo(first.result().metrics().get("val_loss"));
    }

    @Test
    void fit_halfWrittenTempFileInCacheDir_isIgnored() throws IOException {
        Path data = corpus("train.csv", 400, 6);
        Path cache = temp.resolve("cache");
        Files.createDirectories(cache);
        Files.write(cache.resolve("." + CacheDirectory.VECTORIZER_FILE + ".1234.tmp"), new byte[100]);
        Files.write(cache.resolve(".train.examples.1234.tmp"), new byte[100]);
        Run run = train(data, options(cache));
        assertThat(run.log()).contains("(none cached yet)").doesNotContain("warning");
        assertThat(train(data, options(cache)).passes()).isZero();
    }

    @Test
    void fit_withoutCacheDir_leavesNoFileInTheTempDir() throws IOException {
        Path data = corpus("train.csv", 400, 7);
        train(data, options(null).withEnvironment(e -> e.withShuffleBufferBytes(1000))); // small buffer: the shuffle spills too
        try (Stream<Path> left = Files.list(temp.resolve("tmp"))) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void fit_withoutCacheDirFailing_leavesNoFileInTheTempDir() throws IOException {
        Path data = corpus("train.csv", 400, 8);
        Path validation = temp.resolve("validation.csv");
        Files.writeString(validation, "\"1\",\"the match\"\n\"9\",\"an unknown class\"\n");
        Files.createDirectories(temp.resolve("tmp"));
        assertThatThrownBy(() -> TestFits.fit(Sources.open(data, SourceOptions.DEFAULTS),
                Sources.open(validation, SourceOptions.DEFAULTS), null, options(null), List.of(),
                new PrintWriter(new StringWriter()))).hasMessageContaining("validation.csv:2");
        try (Stream<Path> left = Files.list(temp.resolve("tmp"))) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void fit_cacheDirWithoutDataKey_saysWhatIsMissing() throws IOException {
        Path data = corpus("train.csv", 100, 9);
        assertThatThrownBy(() -> TestFits.fit(Sources.open(data, SourceOptions.DEFAULTS), null, null,
                options(temp.resolve("cache")), List.of(), new PrintWriter(new StringWriter())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a cache directory needs a key of the data it caches; expected the train (and"
                        + " validation) files in a CacheKey, found none");
    }

    @Test
    void fit_verbose1_passesForTheFitAndTheTrainCacheBuild_theValidationBuildOnlyItsLine() throws IOException {
        Path data = corpus("train.csv", 400, 10);
        Files.createDirectories(temp.resolve("tmp"));
        RecordingListener events = new RecordingListener();
        TextClassifier.fit(FitRequest.builder(Sources.open(data, SourceOptions.DEFAULTS))
                .options(options(temp.resolve("cache")).withEnvironment(e -> e.withVerbose(1))).progress(events)
                .cacheKey(CacheKey.builder().put("format", "detected").file("train", data).build()).build());
        assertThat(events.begins()).extracting(RecordingListener.Begin::name).startsWith("vectorizer fit pass 1",
                "vectorizer fit pass 2", "caching train examples").doesNotContain("caching validation examples");
        assertThat(events.events()).anyMatch(e -> e.startsWith("line\tcached ") && e.contains("validation"));
    }

    @Test
    void fit_verbose0_printsNothing() throws IOException {
        Path data = corpus("train.csv", 400, 11);
        Run run = train(data, options(temp.resolve("cache")).withEnvironment(e -> e.withVerbose(0)));
        assertThat(run.log()).isEmpty();
    }

    @Test
    void fit_verbose2_printsLinesWithoutBars() throws IOException {
        Path data = corpus("train.csv", 400, 12);
        Run run = train(data, options(temp.resolve("cache")).withEnvironment(e -> e.withVerbose(2)));
        assertThat(run.log()).contains("pass 1:", "cached ").doesNotContain("vectorizer fit pass", "\r");
    }

}
