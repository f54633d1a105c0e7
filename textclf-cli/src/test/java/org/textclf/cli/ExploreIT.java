package org.textclf.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code textclf explore} on the real corpora and on a generated corpus far larger than the heap, each run as the
 * shaded jar in a child process (failsafe runs after {@code package}). Needs {@code TEXTCLF_DATA}.
 */
class ExploreIT {
    private static final Path JAR = Path.of("target", "textclf.jar");

    private static Path dataDir() {
        String dir = System.getenv("TEXTCLF_DATA");
        if (dir == null || dir.isBlank() || !Files.isDirectory(Path.of(dir))) {
            fail("set TEXTCLF_DATA to the shared data folder (e.g. TEXTCLF_DATA=/work/shared/data); found "
                    + (dir == null ? "it unset" : "'" + dir + "', not a folder"));
        }
        return Path.of(dir);
    }

    /** Output, error text, exit code and wall time of {@code java [jvmOptions] -jar textclf.jar args}. */
    private record Child(int exitCode, String out, String err, double wallSeconds) {
    }

    private static Child run(List<String> prefix, List<String> jvmOptions, String... args) throws Exception {
        assertThat(JAR).as("the shaded jar; run mvn package first").exists();
        Path dir = Files.createTempDirectory("explore-it");
        List<String> command = new ArrayList<>(prefix);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Djava.awt.headless=true");
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(JAR.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(dir.resolve("out").toFile())
                .redirectError(dir.resolve("err").toFile());
        builder.environment().put("TEXTCLF_DATA", dataDir().toString());
        long start = System.nanoTime();
        Process process = builder.start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("textclf " + String.join(" ", args) + " did not finish in 10 minutes");
        }
        double wall = (System.nanoTime() - start) / 1e9;
        Child child = new Child(process.exitValue(), Files.readString(dir.resolve("out")),
                Files.readString(dir.resolve("err")), wall);
        Files.delete(dir.resolve("out"));
        Files.delete(dir.resolve("err"));
        Files.delete(dir);
        return child;
    }

    private static JsonNode json(Child child) throws IOException {
        assertThat(child.exitCode()).as(child.err()).isZero();
        return new ObjectMapper().readTree(child.out());
    }

    @Test
    void explore_imdbJson_guidesRatioAndMlp() throws Exception {
        dataDir();
        JsonNode json = json(run(List.of(), List.of(), "explore", "imdb", "--json"));

        assertThat(json.get("samples").asLong()).isEqualTo(25_000);
        assertThat(json.get("classes").asInt()).isEqualTo(2);
        // named by imdb/classes.txt
        assertThat(json.get("samples_per_class").get("negative").asLong()
                + json.get("samples_per_class").get("positive").asLong()).isEqualTo(25_000);
        assertThat(json.get("sw_ratio").asDouble()).isBetween(140.0, 148.0);
        assertThat(json.get("recommended_model").asText()).isEqualTo("mlp");
        assertThat(json.get("top_ngrams").size()).isEqualTo(50);
        // Counted exactly by a HashMap over the whole corpus: "the" 336,736, "br br" 50,972, "good" 15,145 (50th).
        assertThat(json.get("top_ngrams_exact").asBoolean()).isTrue();
        assertThat(json.get("top_ngrams").get(0).get("ngram").asText()).isEqualTo("the");
        assertThat(json.get("top_ngrams").get(0).get("count").asLong()).isEqualTo(336_736);
        assertThat(json.get("top_ngrams").get(49).get("ngram").asText()).isEqualTo("good");
        assertThat(json.get("top_ngrams").get(49).get("count").asLong()).isEqualTo(15_145);
        assertThat(json.get("records_skipped").asLong()).isZero();
    }

    @Test
    void explore_sst2_recommendsSepcnn() throws Exception {
        dataDir();
        JsonNode json = json(run(List.of(), List.of(), "explore", "sst2", "--json"));

        assertThat(json.get("samples").asLong()).isEqualTo(67_349);
        assertThat(json.get("sw_ratio").asDouble()).isGreaterThanOrEqualTo(1500);
        assertThat(json.get("recommended_model").asText()).isEqualTo("sepcnn");
    }

    /**
     * A 200 MB corpus with millions of distinct words explored under a 48 MB heap: the pass keeps nothing per
     * sample or per distinct word beyond its fixed-size counters.
     */
    @Test
    void explore_corpusFourTimesTheHeap_succeedsUnderXmx48m(@TempDir Path dir) throws Exception {
        dataDir();
        Path corpus = dir.resolve("big.csv");
        long samples = writeCorpus(corpus, 200L << 20);
        List<String> timer = Files.isExecutable(Path.of("/usr/bin/time")) ? List.of("/usr/bin/time", "-v")
                : List.of();
        Child child = run(timer, List.of("-Xmx48m"), "explore", corpus.toString(), "--json");

        JsonNode json = json(child);
        assertThat(json.get("samples").asLong()).isEqualTo(samples);
        assertThat(json.get("records_read").asLong()).isEqualTo(samples);
        String rss = child.err().lines().filter(l -> l.contains("Maximum resident set size")).findFirst()
                .orElse("peak RSS not measured (no /usr/bin/time)");
        System.out.printf("explore of %,d bytes, %,d samples under -Xmx48m: wall %.1f s; %s%n",
                Files.size(corpus), samples, child.wallSeconds(), rss.strip());
    }

    /** Zhang-style CSV of reviews drawn from a 5-million-word vocabulary, Zipf-like, until {@code bytes}. */
    private static long writeCorpus(Path file, long bytes) throws IOException {
        SplittableRandom random = new SplittableRandom(20_240_611);
        long written = 0;
        long samples = 0;
        StringBuilder line = new StringBuilder();
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            while (written < bytes) {
                line.setLength(0);
                line.append('"').append(1 + random.nextInt(4)).append("\",\"");
                int words = 20 + random.nextInt(400);
                for (int w = 0; w < words; w++) {
                    // Rank ~ 1/u gives a long tail: a few very common words, millions seen once or twice.
                    long rank = Math.min(5_000_000L, (long) (1 / (random.nextDouble() + 1e-7)));
                    line.append(w == 0 ? "" : " ").append("w").append(Long.toString(rank, 36));
                }
                line.append("\"\n");
                out.write(line.toString());
                written += line.length();
                samples++;
            }
        }
        return samples;
    }
}
