package org.textclf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textclf.api.Prediction;
import org.textclf.api.TextClassifier;

/** {@code predict} in pipelines: output formats, ids, headers, skipped records, the threshold, line buffering. */
class PredictCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NL = System.lineSeparator();
    private static final List<String> TEXTS = List.of("the coach and the team", "bank shares and stock", "");

    @TempDir
    static Path shared;
    static Path model;

    @TempDir
    Path dir;

    @BeforeAll
    static void train() throws IOException {
        Files.write(shared.resolve("classes.txt"), List.of("sports", "money"));
        Path train = TopicCsv.write(shared.resolve("train.csv"), 600, 3, 10, true);
        model = shared.resolve("m.textclf");
        Run run = Run.of("train", train.toString(), "--model", "linear", "--epochs", "2", "--no-test", "-o",
                model.toString(), "--verbose", "0");
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private static Run withStdin(byte[] stdin, String... args) {
        InputStream saved = System.in;
        try {
            System.setIn(new ByteArrayInputStream(stdin));
            return Run.of(args);
        } finally {
            System.setIn(saved);
        }
    }

    private static List<JsonNode> jsonLines(Run run) throws IOException {
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : run.out().lines().toList()) {
            nodes.add(JSON.readTree(line));
        }
        return nodes;
    }

    @Test
    void predict_jsonl_oneObjectPerRecordWithTheLibrarysProbabilities() throws IOException {
        Path texts = Files.write(dir.resolve("texts.txt"), TEXTS);

        List<JsonNode> lines = jsonLines(Run.of("predict", model.toString(), texts.toString(), "--output", "jsonl"));

        TextClassifier classifier = TextClassifier.load(model);
        assertThat(lines).hasSize(3);
        for (int i = 0; i < 3; i++) {
            JsonNode line = lines.get(i);
            Prediction expected = classifier.predict(TEXTS.get(i));
            assertThat(line.get("id").asLong()).isEqualTo(i + 1);
            assertThat(line.get("label").asText()).isEqualTo(expected.label());
            List<String> names = new ArrayList<>();
            line.get("probabilities").fieldNames().forEachRemaining(names::add);
            assertThat(names).containsExactly("sports", "money");
            for (String name : names) {
                assertThat(Float.parseFloat(line.get("probabilities").get(name).asText()))
                        .isEqualTo(expected.probability(name));
            }
        }
    }

    @Test
    void predict_idColumn_isTheRecordsIdInJsonl() throws IOException {
        Path csv = write("in.csv", "id,text\na-7,the coach and the team\n007,bank shares\n");

        List<JsonNode> lines = jsonLines(Run.of("predict", model.toString(), csv.toString(), "--output", "jsonl",
                "--id-column", "id"));
        Run missing = Run.of("predict", model.toString(), csv.toString(), "--id-column", "key");

        assertThat(lines).extracting(n -> n.get("id").asText()).containsExactly("a-7", "007");
        assertThat(lines.get(1).get("label").asText()).isEqualTo("money");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).isEqualTo("textclf: " + csv + ":1: no id column 'key'; expected one of the header's"
                + " columns, found header [id, text]" + NL);
    }

    @Test
    void predict_csvWithHeaderAndOnlyText_readsTheHeaderNeverPredictsIt() throws IOException {
        Path textOnly = write("one.csv", "text\nthe coach and the team\nbank shares\n");
        Path idText = write("idtext.csv", "id,text\na1,the coach and the team\na2,bank shares\n");
        Path tsv = write("in.tsv", "id\ttext\na1\tthe coach and the team\na2\tbank shares\n");

        for (Path file : List.of(textOnly, idText, tsv)) {
            Run run = Run.of("predict", model.toString(), file.toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out().lines().toList()).as(file.toString()).hasSize(2);
            assertThat(run.out().lines().toList().get(1)).startsWith("money\t");
            assertThat(run.err()).isEqualTo("read 2 records, skipped 0" + NL);
        }
        Run stdin = withStdin(Files.readAllBytes(idText), "predict", model.toString());
        assertThat(stdin.out().lines().toList()).hasSize(2);
        assertThat(stdin.err()).isEqualTo("read 2 records, skipped 0" + NL);
    }

    @Test
    void predict_plainTextWithoutHeader_stillOneLinePerLine() throws IOException {
        Path texts = write("texts.txt", "identity, text and more\nbank shares\n\n");

        Run file = Run.of("predict", model.toString(), texts.toString());
        Run stdin = withStdin(Files.readAllBytes(texts), "predict", model.toString());

        assertThat(file.out().lines()).hasSize(3);
        assertThat(stdin.out()).isEqualTo(file.out());
        assertThat(file.err()).isEqualTo("read 3 records, skipped 0" + NL);
    }

    @Test
    void predict_skippedRecord_stillGetsItsOutputLine() throws IOException {
        Path texts = dir.resolve("texts.txt");
        Files.write(texts, "good film\ncaf\u00e9\nbank shares\n".getBytes(StandardCharsets.ISO_8859_1));
        String error = texts + ":2: invalid UTF-8 bytes; expected UTF-8 text (convert the file, e.g. with iconv -f"
                + " latin1 -t utf-8)";

        Run tsv = Run.of("predict", model.toString(), texts.toString(), "--on-bad-record", "skip");
        List<JsonNode> jsonl = jsonLines(Run.of("predict", model.toString(), texts.toString(), "--on-bad-record",
                "skip", "--output", "jsonl"));

        assertThat(tsv.exitCode()).as(tsv.err()).isZero();
        List<String> lines = tsv.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).isEqualTo("\terror: " + error);
        assertThat(lines.get(2)).startsWith("money\t");
        assertThat(jsonl).hasSize(3);
        assertThat(jsonl.get(1).toString()).isEqualTo(JSON.createObjectNode().put("id", 2).put("error", error)
                .toString());
        assertThat(jsonl.get(2).get("id").asLong()).isEqualTo(3);
    }

    @Test
    void predict_threshold_printsNoLabelBelowIt() throws IOException {
        Path texts = Files.write(dir.resolve("texts.txt"), TEXTS.subList(0, 1));
        Prediction p = TextClassifier.load(model).predict(TEXTS.get(0));
        float top = p.probability();
        float other = p.probability("money");
        String above = Float.toString(Math.nextUp(top));

        Run below = Run.of("predict", model.toString(), texts.toString(), "--threshold", above);
        Run at = Run.of("predict", model.toString(), texts.toString(), "--threshold", Float.toString(top));
        Run topK = Run.of("predict", model.toString(), texts.toString(), "--threshold",
                Float.toString(Math.nextUp(other)), "--top-k", "2");
        List<JsonNode> jsonl = jsonLines(Run.of("predict", model.toString(), texts.toString(), "--threshold", above,
                "--output", "jsonl"));
        List<JsonNode> topJsonl = jsonLines(Run.of("predict", model.toString(), texts.toString(), "--threshold",
                Float.toString(Math.nextUp(other)), "--top-k", "2", "--output", "jsonl"));
        Run bad = Run.of("predict", model.toString(), texts.toString(), "--threshold", "1.5");

        assertThat(below.out()).isEqualTo(NL);
        assertThat(at.out()).as(at.err() + top).startsWith("sports\t");
        assertThat(topK.out().strip()).doesNotContain("money").startsWith("sports\t");
        assertThat(jsonl.get(0).get("label").isNull()).isTrue();
        assertThat(jsonl.get(0).get("probabilities").size()).isEqualTo(2);
        assertThat(topJsonl.get(0).get("top").toString()).isEqualTo("[\"sports\"]");
        assertThat(topJsonl.get(0).get("label").asText()).isEqualTo("sports");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).startsWith("textclf: Invalid value for option '--threshold': expected a number in [0, 1], found 1.5");
    }

    @Test
    void predict_lineBuffered_answersEachLineBeforeTheNextArrives() throws Exception {
        PipedOutputStream feed = new PipedOutputStream();
        PipedInputStream stdin = new PipedInputStream(feed);
        PipedInputStream answers = new PipedInputStream(1 << 16);
        PrintWriter out = new PrintWriter(new PipedOutputStream(answers), false, StandardCharsets.UTF_8);
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(answers, StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("reader failed: " + e);
            }
        });
        reader.setDaemon(true);
        reader.start();
        InputStream saved = System.in;
        int[] code = {-1};
        Thread predict;
        try {
            System.setIn(stdin);
            predict = new Thread(() -> {
                code[0] = Main.execute(out, new PrintWriter(new StringWriter()), "predict", model.toString(),
                        "--line-buffered");
                out.close();
            });
            predict.setDaemon(true);
            predict.start();
            Iterator<String> texts = List.of("the coach and the team", "bank shares and stock").iterator();
            OutputStream in = feed;
            in.write((texts.next() + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
            assertThat(lines.poll(20, TimeUnit.SECONDS)).startsWith("sports\t");
            in.write((texts.next() + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
            assertThat(lines.poll(20, TimeUnit.SECONDS)).startsWith("money\t");
            in.close();
            predict.join(20_000);
        } finally {
            System.setIn(saved);
        }
        assertThat(code[0]).isZero();
    }
}
