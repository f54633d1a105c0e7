package org.textclf.serve;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * {@code --access-log}: one JSON object per request and line, flushed at once so {@code tail -f} and log shippers
 * see it, e.g. {@code {"time":"...","remote":"127.0.0.1","method":"POST","path":"/v1/models/imdb:predict",
 * "status":200,"model":"imdb","instances":1,"request_bytes":31,"response_bytes":80,"duration_ms":1.9}}.
 */
final class AccessLog implements AutoCloseable {
    private static final JsonFactory JSON = new JsonFactory();
    private final Writer out;
    private final boolean owned;

    private AccessLog(Writer out, boolean owned) {
        this.out = out;
        this.owned = owned;
    }

    /** The log {@code options} ask for, or null for none. */
    static AccessLog open(ServeOptions options) throws IOException {
        if (options.accessLog() == null) {
            return null;
        }
        if (options.accessLogFile() == null) {
            return new AccessLog(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)),
                    false);
        }
        return new AccessLog(Files.newBufferedWriter(options.accessLogFile(), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND), true);
    }

    /** One request; {@code model} empty and {@code instances} 0 where the request had none. */
    void log(String remote, String method, String path, int status, String model, int instances, long requestBytes,
            long responseBytes, long nanos) {
        StringWriter line = new StringWriter(192);
        try (JsonGenerator g = JSON.createGenerator(line)) {
            g.writeStartObject();
            g.writeStringField("time", Instant.now().toString());
            g.writeStringField("remote", remote);
            g.writeStringField("method", method);
            g.writeStringField("path", path);
            g.writeNumberField("status", status);
            g.writeStringField("model", model);
            g.writeNumberField("instances", instances);
            g.writeNumberField("request_bytes", requestBytes);
            g.writeNumberField("response_bytes", responseBytes);
            g.writeNumberField("duration_ms", Math.round(nanos / 1e4) / 100.0);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        synchronized (this) {
            try {
                out.write(line.toString());
                out.write('\n');
                out.flush();
            } catch (IOException e) {
                // A full disk must not fail requests: the log says so once per failed line on stderr instead.
                System.err.println("textclf: access log: " + e.getMessage());
            }
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (owned) {
            out.close();
        } else {
            out.flush();
        }
    }
}
