package org.textclf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.textclf.api.Prediction;
import org.textclf.api.TextClassifier;

/** {@code textclf serve} as its own process, called by Java's HTTP client, curl and Python's urllib. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ServeCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path MLP = ServeProcess.GOLDEN.resolve("mlp.textclf");
    private static final Path LINEAR = ServeProcess.GOLDEN.resolve("linear.textclf");
    private static final List<String> TEXTS = List.of("a wonderful, moving film", "dull and far too long",
            "the match ended in a draw", "stocks fell sharply", "");

    @TempDir
    Path dir;

    private static String instances(List<String> texts) throws IOException {
        return JSON.writeValueAsString(Map.of("instances", texts));
    }

    private static void assertSame(JsonNode predictions, List<Prediction> expected) {
        assertThat(predictions.size()).isEqualTo(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            JsonNode p = predictions.get(i);
            assertThat(p.get("label").asText()).isEqualTo(expected.get(i).label());
            List<String> names = new ArrayList<>();
            p.get("probabilities").fieldNames().forEachRemaining(names::add);
            assertThat(names).as("classes in class order").isEqualTo(expected.get(i).names());
            for (String name : names) {
                assertThat((float) p.get("probabilities").get(name).asDouble())
                        .isEqualTo(expected.get(i).probability(name));
            }
        }
    }

    @Test
    void predict_overHttp_equalsTextClassifierPredict() throws Exception {
        List<Prediction> expected = TextClassifier.load(MLP).predict(TEXTS);
        try (ServeProcess s = ServeProcess.start(MLP.toString(), "other=" + LINEAR)) {
            HttpResponse<String> strings = s.post("/v1/models/mlp:predict", instances(TEXTS));
            assertThat(strings.statusCode()).isEqualTo(200);
            assertSame(JSON.readTree(strings.body()).get("predictions"), expected);
            List<Map<String, String>> objects = TEXTS.stream().map(t -> Map.of("text", t)).toList();
            HttpResponse<String> rows = s.post("/v1/models/mlp:predict", JSON.writeValueAsString(
                    Map.of("instances", objects)));
            assertSame(JSON.readTree(rows.body()).get("predictions"), expected);
            HttpResponse<String> other = s.post("/v1/models/other:predict", instances(TEXTS));
            assertSame(JSON.readTree(other.body()).get("predictions"), TextClassifier.load(LINEAR).predict(TEXTS));
        }
    }

    @Test
    void getEndpoints_answerInTheirShapes() throws Exception {
        try (ServeProcess s = ServeProcess.start(MLP.toString())) {
            JsonNode status = JSON.readTree(s.get("/v1/models/mlp").body()).get("model_version_status").get(0);
            assertThat(status.get("state").asText()).isEqualTo("AVAILABLE");
            assertThat(status.get("status").get("error_code").asText()).isEqualTo("OK");
            assertThat(status.get("version").asText())
                    .isEqualTo(Long.toString(Files.getLastModifiedTime(MLP).toMillis()));
            JsonNode metadata = JSON.readTree(s.get("/v1/models/mlp/metadata").body());
            assertThat(metadata.get("classes").toString()).isEqualTo("[\"1\",\"2\",\"3\"]");
            assertThat(metadata.get("branch").asText()).isEqualTo("mlp");
            assertThat(metadata.get("provenance").get("textclfVersion").asText()).isNotEmpty();
            assertThat(s.get("/v2/health/live").body()).isEqualTo("{\"live\":true}");
            HttpResponse<String> ready = s.get("/v2/health/ready");
            assertThat(ready.statusCode()).isEqualTo(200);
            s.post("/v1/models/mlp:predict", instances(List.of("one", "two")));
            HttpResponse<String> metrics = s.get("/metrics");
            assertThat(metrics.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
            assertThat(metrics.body()).contains("textclf_requests_total{code=\"200\",model=\"mlp\"} 3.0",
                    "textclf_request_duration_seconds_bucket{model=\"mlp\",le=\"+Inf\"} 3",
                    "textclf_batch_size_sum{model=\"mlp\"} 2.0", "textclf_model_version{crc32c=\"",
                    "textclf_model_load_duration_seconds{model=\"mlp\"}",
                    "textclf_model_loaded_timestamp_seconds{model=\"mlp\"}");
        }
    }

    @Test
    void badRequests_eachGetTheirStatusAndMessage_andTheServerKeepsServing() throws Exception {
        byte[] notUtf8 = "{\"instances\": [\"caf\u00e9\"]}".getBytes(StandardCharsets.ISO_8859_1);
        byte[] tenMegabytes = new byte[10_000_000];
        Arrays.fill(tenMegabytes, (byte) 'a');
        try (ServeProcess s = ServeProcess.start(MLP.toString())) {
            String p = "/v1/models/mlp:predict";
            assertError(s.post(p, "not json"), 400, "malformed JSON");
            assertError(s.post(p, "{\"texts\": [\"a\"]}"), 400, "missing field 'instances'");
            assertError(s.post(p, "{\"instances\": \"a\"}"), 400, "'instances' must be an array, found a string");
            assertError(s.post(p, "{\"instances\": [\"a\", 3]}"), 400, "instances[1] must be a string");
            assertError(s.post(p, "{\"instances\": [{\"txt\": \"a\"}]}"), 400, "an object without 'text'");
            assertError(s.post(p, "{\"instances\": []}"), 400, "'instances' is empty");
            assertError(s.post(p, notUtf8), 400, "not UTF-8");
            assertError(s.post(p, tenMegabytes), 413, "larger than --max-body-bytes");
            assertError(s.post("/v1/models/nope:predict", instances(List.of("a"))), 404,
                    "no model named 'nope'; serving: mlp");
            assertError(s.get("/v1/models/nope"), 404, "no model named 'nope'");
            assertError(s.get("/nowhere"), 404, "no endpoint /nowhere");
            assertError(s.get(p), 405, "GET is not allowed");
            assertError(s.post("/v2/health/ready", "{}"), 405, "POST is not allowed");
            assertThat(s.post(p, instances(List.of("still serving"))).statusCode()).isEqualTo(200);
            assertThat(s.get("/metrics").body()).contains("textclf_requests_total{code=\"400\",model=\"mlp\"} 7.0",
                    "textclf_requests_total{code=\"413\",model=\"mlp\"} 1.0");
        }
    }

    private static void assertError(HttpResponse<String> response, int status, String message) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(JSON.readTree(response.body()).get("error").asText()).contains(message);
    }

    @Test
    void curlAndPython_getTheAnswersOfTheServer() throws Exception {
        Path big = dir.resolve("big.json");
        Files.write(big, new byte[10_000_000]);
        List<Prediction> expected = TextClassifier.load(MLP).predict(List.of("a wonderful, moving film"));
        try (ServeProcess s = ServeProcess.start(MLP.toString())) {
            String base = "http://127.0.0.1:" + s.port;
            String body = "{\"instances\": [\"a wonderful, moving film\"]}";
            List<String> curl = run("curl", "-s", "-w", "\n%{http_code}", "-d", body, base + "/v1/models/mlp:predict");
            assertThat(curl.get(1)).isEqualTo("200");
            assertSame(JSON.readTree(curl.get(0)).get("predictions"), expected);
            assertThat(run("curl", "-s", "-w", "\n%{http_code}", "--data-binary", "@" + big,
                    base + "/v1/models/mlp:predict").get(1)).isEqualTo("413");
            assertThat(run("curl", "-s", "-w", "\n%{http_code}", base + "/v1/models/x").get(1)).isEqualTo("404");
            String python = String.join("\n",
                    "import json, sys, urllib.request, urllib.error",
                    "base = sys.argv[1]",
                    "def call(path, data=None):",
                    "    try:",
                    "        r = urllib.request.urlopen(urllib.request.Request(base + path, data=data), timeout=10)",
                    "        return r.status, json.loads(r.read())",
                    "    except urllib.error.HTTPError as e:",
                    "        return e.code, json.loads(e.read())",
                    "s, b = call('/v1/models/mlp:predict', json.dumps({'instances': [{'text': 'a wonderful, moving"
                            + " film'}]}).encode())",
                    "print(s, b['predictions'][0]['label'])",
                    "print(*call('/v2/health/ready'))",
                    "s, b = call('/v1/models/mlp:predict', b'{\"instances\": 1}')",
                    "print(s, b['error'])");
            List<String> out = run("python3", "-c", python, base);
            assertThat(out.get(0)).isEqualTo("200 " + expected.get(0).label());
            assertThat(out.get(1)).isEqualTo("200 {'ready': True}");
            assertThat(out.get(2)).startsWith("400 'instances' must be an array, found a number");
        }
    }

    private static List<String> run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out.lines().toList();
    }

    @Test
    void modelFileSwappedUnderLoad_noRequestFails_andLaterAnswersAreTheNewModels() throws Exception {
        Path served = dir.resolve("live.textclf");
        Files.copy(MLP, served);
        List<String> texts = List.of("a wonderful, moving film");
        String before = JSON.writeValueAsString(TextClassifier.load(MLP).predict(texts).get(0).byClass());
        String after = JSON.writeValueAsString(TextClassifier.load(LINEAR).predict(texts).get(0).byClass());
        assertThat(after).isNotEqualTo(before);
        try (ServeProcess s = ServeProcess.start(served.toString())) {
            AtomicBoolean running = new AtomicBoolean(true);
            Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
            ExecutorService clients = Executors.newFixedThreadPool(4);
            List<Future<?>> loops = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                loops.add(clients.submit(() -> {
                    while (running.get()) {
                        HttpResponse<String> r = s.post("/v1/models/live:predict", instances(texts));
                        JsonNode p = JSON.readTree(r.body());
                        String key = r.statusCode() + " " + (r.statusCode() == 200
                                ? p.get("predictions").get(0).get("probabilities").toString() : r.body());
                        answers.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                    }
                    return null;
                }));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (answers.getOrDefault("200 " + before, new AtomicInteger()).get() < 20
                    && System.nanoTime() < deadline) {
                Thread.sleep(20); // the old model answered under load before the swap, on a busy machine too
            }
            Path next = dir.resolve("next.textclf");
            Files.copy(LINEAR, next);
            Files.move(next, served, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!answers.containsKey("200 " + after) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            Thread.sleep(300);
            running.set(false);
            for (Future<?> f : loops) {
                f.get();
            }
            clients.shutdown();
            assertThat(answers.keySet()).containsExactlyInAnyOrder("200 " + before, "200 " + after);
            assertThat(s.stderr()).anyMatch(l -> l.startsWith("textclf: reloaded live from "));
            // A broken file keeps the new model serving and says why in one line.
            Files.writeString(next, "not a model");
            Files.move(next, served, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (s.stderr().stream().noneMatch(l -> l.contains("not reloaded")) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(s.stderr()).anyMatch(l -> l.startsWith("textclf: " + served + ": not reloaded, still serving"));
            HttpResponse<String> r = s.post("/v1/models/live:predict", instances(texts));
            assertThat(JSON.readTree(r.body()).get("predictions").get(0).get("probabilities").toString())
                    .isEqualTo(after);
        }
    }

    @Test
    void pipelinedRequests_areAnsweredInTheOrderSent() throws Exception {
        byte[] predict = instances(List.of("a wonderful, moving film")).getBytes(StandardCharsets.UTF_8);
        String post = "POST /v1/models/mlp:predict HTTP/1.1\r\nHost: x\r\nContent-Length: " + predict.length
                + "\r\n\r\n" + new String(predict, StandardCharsets.UTF_8);
        String health = "GET /v2/health/live HTTP/1.1\r\nHost: x\r\n\r\n";
        StringBuilder requests = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            requests.append(i % 2 == 0 ? post : health); // a health check is answered at once, a prediction later
        }
        try (ServeProcess s = ServeProcess.start(MLP.toString());
             java.net.Socket socket = new java.net.Socket("127.0.0.1", s.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(requests.toString().getBytes(StandardCharsets.UTF_8));
            java.io.InputStream in = socket.getInputStream();
            StringBuilder answers = new StringBuilder();
            byte[] buffer = new byte[8192];
            while (answers.toString().split("HTTP/1.1 200 OK", -1).length - 1 < 40) {
                int n = in.read(buffer);
                assertThat(n).as("the server closed after %s", answers).isPositive();
                answers.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
            String[] bodies = answers.toString().split("HTTP/1.1 200 OK");
            for (int i = 1; i <= 40; i++) {
                assertThat(bodies[i]).as("answer %d", i).contains(i % 2 == 1 ? "\"predictions\"" : "\"live\"");
            }
        }
    }

    @Test
    void floodBeyondATinyQueue_answers503_thenRecovers() throws Exception {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            many.add("a wonderful, moving film about the match and the stock market " + i);
        }
        String heavy = instances(many);
        try (ServeProcess s = ServeProcess.start(MLP.toString(), "--queue-size", "1", "--threads", "1")) {
            ExecutorService clients = Executors.newFixedThreadPool(16);
            List<Future<HttpResponse<String>>> flood = new ArrayList<>();
            for (int i = 0; i < 48; i++) {
                flood.add(clients.submit(() -> s.post("/v1/models/mlp:predict", heavy)));
            }
            Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
            for (Future<HttpResponse<String>> f : flood) {
                HttpResponse<String> r = f.get();
                statuses.merge(r.statusCode(), 1, Integer::sum);
                if (r.statusCode() == 503) {
                    assertThat(JSON.readTree(r.body()).get("error").asText())
                            .contains("model 'mlp' is overloaded: 1 requests are waiting (--queue-size)");
                }
            }
            clients.shutdown();
            assertThat(statuses.keySet()).containsExactlyInAnyOrder(200, 503);
            assertThat(s.post("/v1/models/mlp:predict", instances(List.of("after the flood"))).statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void timeout_answers504() throws Exception {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            many.add("a wonderful, moving film about the match and the stock market " + i);
        }
        try (ServeProcess s = ServeProcess.start(MLP.toString(), "--timeout-ms", "1")) {
            assertError(s.post("/v1/models/mlp:predict", instances(many)), 504, "no answer within 1 ms (--timeout-ms)");
            // 1 ms is too short for any prediction on a busy machine: the server is still there and answering.
            assertThat(s.get("/v2/health/ready").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void sigterm_finishesTheRequestInFlight_andExits0() throws Exception {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            many.add("a wonderful, moving film about the match and the stock market " + i);
        }
        Path log = dir.resolve("access.jsonl");
        ServeProcess s = ServeProcess.start(MLP.toString(), "--access-log", log.toString());
        try (s) {
            assertThat(s.get("/v2/health/live").statusCode()).isEqualTo(200);
            ExecutorService client = Executors.newSingleThreadExecutor();
            Future<HttpResponse<String>> inFlight = client.submit(() -> s.post("/v1/models/mlp:predict",
                    instances(many)));
            Thread.sleep(300);
            assertThat(s.stop()).isEqualTo(0);
            HttpResponse<String> r = inFlight.get();
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(r.body()).get("predictions").size()).isEqualTo(many.size());
            client.shutdown();
        }
        List<String> lines = Files.readAllLines(log);
        assertThat(lines).hasSize(2);
        JsonNode first = JSON.readTree(lines.get(0));
        assertThat(first.get("path").asText()).isEqualTo("/v2/health/live");
        JsonNode second = JSON.readTree(lines.get(1));
        assertThat(second.get("status").asInt()).isEqualTo(200);
        assertThat(second.get("model").asText()).isEqualTo("mlp");
        assertThat(second.get("instances").asInt()).isEqualTo(many.size());
    }
}
