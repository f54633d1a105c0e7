package org.textclf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InfoCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** A model of {@code branch} trained on a tiny two-topic corpus in the temp folder, with {@code more} options. */
    private Path train(String branch, String name, String... more) throws IOException {
        Files.write(dir.resolve("classes.txt"), List.of("sports", "money"));
        Path data = TopicCsv.write(dir.resolve("train.csv"), 300, 1, 10, true);
        Path model = dir.resolve(name);
        List<String> args = new ArrayList<>(List.of("train", data.toString(), "-o", model.toString(), "--model",
                branch, "--epochs", "2", "--verbose", "0", "--no-test", "--blocks", "1", "--filters", "8",
                "--embedding-dim", "16"));
        args.addAll(List.of(more));
        Run trained = Run.of(args.toArray(String[]::new));
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        return model;
    }

    @ParameterizedTest(name = "--model {0}")
    @ValueSource(strings = {"mlp", "linear", "sepcnn"})
    void info_json_describesTheModelFromTheFileAlone(String branch) throws IOException {
        Path model = train(branch, "m.textclf");
        Files.delete(dir.resolve("train.csv")); // info needs no training data

        Run run = Run.of("info", model.toString(), "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        JsonNode info = JSON.readTree(run.out());
        assertThat(info.get("branch").asText()).isEqualTo(branch);
        assertThat(info.get("classes").toString()).isEqualTo("[\"sports\",\"money\"]");
        assertThat(info.get("labels").toString()).isEqualTo("[\"1\",\"2\"]");
        JsonNode vectorizer = info.get("vectorizer");
        JsonNode network = info.get("network");
        if (branch.equals("sepcnn")) {
            assertThat(vectorizer.get("max_words").asInt()).isEqualTo(20_000);
            assertThat(network.get("blocks").asInt()).isEqualTo(1);
            assertThat(network.get("embedding_dim").asInt()).isEqualTo(16);
        } else {
            assertThat(vectorizer.get("ngram_range").toString()).isEqualTo("[1,2]");
            assertThat(network.has(branch.equals("mlp") ? "units" : "l2")).isTrue();
        }
        assertThat(names(network)).doesNotContainAnyElementsOf(names(vectorizer));
        assertThat(info.get("training").get("epochs").asInt()).isEqualTo(2);
        assertThat(info.get("training").get("seed").asLong()).isEqualTo(42);
        assertThat(info.get("sizes").get("features").asInt()).isPositive();
        assertThat(info.get("sizes").get("parameters").asLong()).isPositive();
        JsonNode provenance = info.get("provenance");
        assertThat(provenance.get("textclf_version").asText()).isNotEmpty();
        assertThat(provenance.get("java_version").asText()).startsWith(Runtime.version().feature() + "");
        assertThat(provenance.get("created").asText()).isNotEmpty();
        JsonNode input = provenance.get("inputs").get(0);
        assertThat(input.get("role").asText()).isEqualTo("train");
        assertThat(input.get("crc32c").asText()).matches("[0-9a-f]{8}");
        assertThat(provenance.get("metrics").has("val_loss")).isTrue();
        JsonNode file = info.get("file");
        assertThat(file.get("bytes").asLong()).isEqualTo(Files.size(model));
        assertThat(names(file.get("sections"))).containsExactly("info", "vectorizer", "network");
        long sum = file.get("header_and_trailer").asLong();
        for (JsonNode bytes : file.get("sections")) {
            sum += bytes.asLong();
        }
        assertThat(sum).isEqualTo(Files.size(model));
    }

    @ParameterizedTest(name = "--model {0}")
    @ValueSource(strings = {"mlp", "linear", "sepcnn"})
    void info_text_namesEachPart(String branch) throws IOException {
        Path model = train(branch, "m.textclf");

        Run run = Run.of("info", model.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith(model + ": " + branch + " model, 2 classes, ")
                .contains("\nclasses: sports (1), money (2)\n", "\nvectorizer: ", "\nnetwork: ", "\ntraining: ",
                        "epochs 2", "\ntrained by textclf ", " on Java ", "\n  train ", "crc32c ", "\nmetrics: ",
                        "\nsections:\n", "\n  header and trailer", "36 bytes")
                .containsPattern("\nsizes: [\\d,]+ features, [\\d,]+ parameters\n")
                .containsPattern("\n  network +[\\d,]+ bytes +\\d+\\.\\d%\n");
    }

    @Test
    void ngramRange_unigramsOnly_fewerFeaturesAndRecordedInTheModel() throws IOException {
        Path unigrams = train("mlp", "uni.textclf", "--ngram-range", "1,1");
        Path bigrams = train("mlp", "bi.textclf", "--ngram-range", "1,2");

        JsonNode uni = JSON.readTree(Run.of("info", unigrams.toString(), "--json").out());
        JsonNode bi = JSON.readTree(Run.of("info", bigrams.toString(), "--json").out());

        assertThat(uni.get("vectorizer").get("ngram_range").toString()).isEqualTo("[1,1]");
        assertThat(bi.get("vectorizer").get("ngram_range").toString()).isEqualTo("[1,2]");
        // 14 topic words and 7 common ones: unigrams alone cannot reach the uni+bigram count.
        assertThat(uni.get("sizes").get("features").asInt()).isLessThanOrEqualTo(21)
                .isLessThan(bi.get("sizes").get("features").asInt());
    }

    @Test
    void info_notAModel_theLoadersOneLineExitOne() throws IOException {
        Path csv = Files.writeString(dir.resolve("data.textclf"), "label,text\n1,hello\n");

        Run run = Run.of("info", csv.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("textclf: " + csv + ": not a textclf model file; expected magic bytes"
                + " 54 45 58 54 43 4C 46 1A (\"TEXTCLF.\"), found 6C 61 62 65 6C 2C 74 65 (\"label,te\")"
                + System.lineSeparator());
        assertThat(run.out()).isEmpty();
    }

    @Test
    void info_truncatedModel_theLoadersOneLineExitOne() throws IOException {
        Path model = train("linear", "m.textclf");
        byte[] bytes = Files.readAllBytes(model);
        Path cut = Files.write(dir.resolve("cut.textclf"), java.util.Arrays.copyOf(bytes, bytes.length / 2));

        Run run = Run.of("info", cut.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("textclf: " + cut + ": truncated; expected " + bytes.length + " bytes")
                .doesNotContain("\tat ");
        assertThat(run.err().lines().count()).isEqualTo(1);
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
