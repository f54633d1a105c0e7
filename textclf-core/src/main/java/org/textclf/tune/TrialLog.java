package org.textclf.tune;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A tune's log: one JSON object per line, the first {@code {"tune": 1, "arguments": [...], "seed": S, "metric":
 * M}} (what the tune was started with), then one {@link TrialResult} per finished trial and rung. Each line is
 * appended with one write and forced to disk before the tune goes on, so a kill leaves every earlier line whole and
 * at most the last one torn: reading ignores a torn last line with a warning (and the next append replaces it); a
 * malformed line before the last is an error naming the file and line.
 */
public final class TrialLog implements AutoCloseable {
    static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the first line holds. */
    public record Header(List<String> arguments, long seed, String metric) {
        public Header {
            arguments = List.copyOf(arguments);
        }
    }

    private final Path file;
    private final FileChannel channel;
    private final Header header;
    private final List<TrialResult> results;

    private TrialLog(Path file, FileChannel channel, Header header, List<TrialResult> results) {
        this.file = file;
        this.channel = channel;
        this.header = header;
        this.results = results;
    }

    /**
     * A new log at {@code file}, its header written.
     *
     * @throws IOException when {@code file} exists: resume that tune or choose another log
     */
    public static TrialLog create(Path file, Header header) throws IOException {
        if (Files.exists(file)) {
            throw new IOException(file + ": a tune log is already there; resume that tune with --resume " + file
                    + ", or choose another --log");
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        TrialLog log = new TrialLog(file, channel, header, new ArrayList<>());
        ObjectNode line = JSON.createObjectNode().put("tune", VERSION);
        line.set("arguments", JSON.valueToTree(header.arguments()));
        line.put("seed", header.seed()).put("metric", header.metric());
        log.append(line);
        return log;
    }

    /**
     * The log at {@code file}, read, and open for more lines; a torn last line is dropped from the file with a
     * warning on {@code warn}.
     *
     * @throws IOException naming the file and line of a malformed line, or of a missing header
     */
    public static TrialLog resume(Path file, Consumer<String> warn) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new java.nio.file.NoSuchFileException(file + ": no tune log to resume; expected the --log file"
                    + " of a tune");
        }
        byte[] bytes = Files.readAllBytes(file);
        List<TrialResult> results = new ArrayList<>();
        Header header = null;
        int start = 0;
        int lineNumber = 0;
        long whole = 0;
        while (start < bytes.length) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            lineNumber++;
            boolean last = end >= bytes.length - 1;
            String text = new String(bytes, start, end - start, StandardCharsets.UTF_8);
            JsonNode line;
            try {
                line = end < bytes.length ? JSON.readTree(text) : null; // no newline: a write the kill cut short
            } catch (JacksonException e) {
                line = null;
            }
            if (line == null || !line.isObject()) {
                if (last && header != null) {
                    warn.accept(file + ":" + lineNumber + ": ignoring a torn last line (the tune was stopped while"
                            + " writing it); its trial runs again");
                    break;
                }
                throw new IOException(file + ":" + lineNumber + ": not a tune log line; expected one JSON object"
                        + " per line, as tune writes them. Start a new tune with another --log");
            }
            if (header == null) {
                if (!line.has("tune") || line.get("tune").asInt() != VERSION || !line.has("arguments")) {
                    throw new IOException(file + ":" + lineNumber + ": not a tune log; expected the header {\"tune\": "
                            + VERSION + ", \"arguments\": [...], ...}, found " + abbreviate(text));
                }
                List<String> arguments = new ArrayList<>();
                line.get("arguments").forEach(a -> arguments.add(a.asText()));
                header = new Header(arguments, line.path("seed").asLong(), line.path("metric").asText());
            } else {
                results.add(result(line, file, lineNumber));
            }
            whole = end + 1L;
            start = end + 1;
        }
        if (header == null) {
            throw new IOException(file + ": an empty tune log; expected its header line. Start a new tune");
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
        channel.truncate(whole); // the torn line, if any: the next append starts a whole line
        channel.position(whole);
        return new TrialLog(file, channel, header, results);
    }

    private static TrialResult result(JsonNode line, Path file, int lineNumber) throws IOException {
        try {
            Map<String, String> values = new LinkedHashMap<>();
            line.get("values").fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
            return new TrialResult(line.get("trial").asInt(), line.get("branch").asText(), values,
                    line.get("rung").asInt(), line.get("epoch_budget").asInt(), line.get("from_epoch").asInt(),
                    line.get("epochs").asInt(),
                    line.get("best_epoch").asInt(), number(line.get("metric")), number(line.get("val_loss")),
                    number(line.get("val_accuracy")), line.get("stopped_early").asBoolean(),
                    line.get("seconds").asDouble());
        } catch (RuntimeException e) {
            throw new IOException(file + ":" + lineNumber + ": not a trial's line; expected trial, branch, values,"
                    + " rung, epoch_budget, from_epoch, epochs, best_epoch, metric, val_loss, val_accuracy,"
                    + " stopped_early and seconds", e);
        }
    }

    /** JSON has no NaN: a diverged trial's metric is written as null. */
    private static double number(JsonNode node) {
        return node == null || node.isNull() ? Double.NaN : node.asDouble();
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "..." : text;
    }

    public Path file() {
        return file;
    }

    public Header header() {
        return header;
    }

    /** The results read by {@link #resume}, then those appended, in order. */
    public List<TrialResult> results() {
        return List.copyOf(results);
    }

    /** Appends {@code result} as one line, forced to disk before returning. */
    public void append(TrialResult result) throws IOException {
        ObjectNode line = JSON.createObjectNode();
        line.put("trial", result.trial()).put("branch", result.branch());
        line.set("values", JSON.valueToTree(result.values()));
        line.put("rung", result.rung()).put("epoch_budget", result.epochBudget())
                .put("from_epoch", result.fromEpoch()).put("epochs", result.epochs())
                .put("best_epoch", result.bestEpoch());
        putNumber(line, "metric", result.metric());
        putNumber(line, "val_loss", result.valLoss());
        putNumber(line, "val_accuracy", result.valAccuracy());
        line.put("stopped_early", result.stoppedEarly()).put("seconds", result.seconds());
        append(line);
        results.add(result);
    }

    private static void putNumber(ObjectNode line, String name, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            line.putNull(name);
        } else {
            line.put(name, value);
        }
    }

    private void append(ObjectNode line) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap((JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
        channel.force(true);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
