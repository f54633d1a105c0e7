package org.textclf.serve;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.textclf.api.Prediction;

/** The JSON bodies the server answers with, in TensorFlow Serving's and KServe's shapes. */
final class Responses {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory FACTORY = JSON.getFactory();

    private Responses() {
    }

    /** {@code {"predictions": [{"label": "...", "probabilities": {"World": 0.91, ...}}, ...]}}, classes in order. */
    static byte[] predictions(List<Prediction> predictions) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + 96 * predictions.size());
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeArrayFieldStart("predictions");
            for (Prediction p : predictions) {
                g.writeStartObject();
                g.writeStringField("label", p.label());
                g.writeObjectFieldStart("probabilities");
                float[] probabilities = p.probabilities();
                List<String> names = p.names();
                for (int c = 0; c < probabilities.length; c++) {
                    g.writeNumberField(names.get(c), probabilities[c]);
                }
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** TensorFlow Serving's {@code GET /v1/models/{name}}. */
    static byte[] status(ServedModel model) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("version", model.version());
        status.put("state", "AVAILABLE");
        Map<String, String> ok = new LinkedHashMap<>();
        ok.put("error_code", "OK");
        ok.put("error_message", "");
        status.put("status", ok);
        return json(Map.of("model_version_status", List.of(status)));
    }

    /** {@code GET /v1/models/{name}/metadata}: the classes, the branch and the provenance in the model file. */
    static byte[] metadata(ServedModel model) {
        var info = model.predictor().info();
        Map<String, Object> body = new LinkedHashMap<>();
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("name", model.source().name());
        spec.put("version", model.version());
        body.put("model_spec", spec);
        body.put("classes", model.predictor().classNames());
        body.put("branch", info.model());
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("path", model.source().path().toString());
        file.put("bytes", model.stamp().bytes());
        file.put("crc32c", model.checksum());
        body.put("file", file);
        body.put("provenance", info);
        return json(body);
    }

    static byte[] error(String message) {
        return json(Map.of("error", message));
    }

    static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
