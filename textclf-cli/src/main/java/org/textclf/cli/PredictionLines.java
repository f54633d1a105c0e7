package org.textclf.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.textclf.api.Prediction;

/**
 * How {@code predict} prints one record's answer, one line each so that output lines match input records: tab-separated
 * class/probability pairs, or a JSON object with the id, the label and every class's probability. A record skipped
 * as bad gets a line too: {@code <TAB>error: FILE:LINE: ...} (an empty label field) or
 * {@code {"id": ..., "error": "..."}}. Below the threshold no label is printed: an empty line (as fastText's) or
 * {@code "label": null}.
 */
final class PredictionLines {
    /** The output formats, as typed after {@code --output}; the first is the default. */
    static final List<String> FORMATS = List.of("tsv", "jsonl");

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final boolean jsonl;
    private final int topK;
    private final float threshold;
    private final StringWriter buffer = new StringWriter();

    PredictionLines(String format, int topK, float threshold) {
        this.jsonl = format.equals("jsonl");
        this.topK = topK;
        this.threshold = threshold;
    }

    /**
     * The line for a prediction of the record at {@code line} whose id column holds {@code id} (null: no id column,
     * the line is the id).
     */
    String prediction(long line, String id, Prediction p) {
        List<Prediction.Scored> top = p.top(topK);
        if (!jsonl) {
            StringBuilder out = new StringBuilder();
            for (Prediction.Scored s : top) {
                if (s.probability() < threshold) {
                    break;
                }
                if (out.length() > 0) {
                    out.append('\t');
                }
                out.append(s.label()).append('\t').append(String.format(Locale.ROOT, "%.4f", s.probability()));
            }
            return out.toString();
        }
        return json(g -> {
            writeId(g, line, id);
            g.writeStringField("label", p.probability() >= threshold ? p.label() : null);
            g.writeObjectFieldStart("probabilities");
            float[] probabilities = p.probabilities();
            for (int c = 0; c < probabilities.length; c++) {
                g.writeNumberField(p.names().get(c), probabilities[c]);
            }
            g.writeEndObject();
            if (topK > 1) {
                g.writeArrayFieldStart("top");
                for (Prediction.Scored s : top) {
                    if (s.probability() >= threshold) {
                        g.writeString(s.label());
                    }
                }
                g.writeEndArray();
            }
        });
    }

    /**
     * The line for a record skipped as bad: {@code message} is {@code FILE:LINE: what is wrong}. Its id column could
     * not be read, so with one the id is null and the line is given beside it.
     */
    String error(long line, boolean idColumn, String message) {
        if (!jsonl) {
            return "\terror: " + message;
        }
        return json(g -> {
            if (idColumn) {
                g.writeNullField("id");
                g.writeNumberField("line", line);
            } else {
                g.writeNumberField("id", line);
            }
            g.writeStringField("error", message);
        });
    }

    private static void writeId(JsonGenerator g, long line, String id) throws IOException {
        if (id == null) {
            g.writeNumberField("id", line);
        } else {
            g.writeStringField("id", id);
        }
    }

    private interface Fields {
        void write(JsonGenerator g) throws IOException;
    }

    private String json(Fields fields) {
        buffer.getBuffer().setLength(0);
        try (JsonGenerator g = JSON.createGenerator(buffer)) {
            g.writeStartObject();
            fields.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return buffer.toString();
    }
}
