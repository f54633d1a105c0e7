package org.textclf.serve;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The texts of a predict request: TensorFlow Serving's row format, {@code {"instances": ["text", ...]}} or
 * {@code {"instances": [{"text": "..."}, ...]}}. Anything else is an {@link HttpError} 400 saying what was expected
 * and what was found.
 */
final class Instances {
    static final String EXPECTED = "expected {\"instances\": [\"text\", ...]} or {\"instances\": [{\"text\": \"...\"}]}";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Instances() {
    }

    static List<String> parse(byte[] body) {
        String json = utf8(body);
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new HttpError(400, "malformed JSON: " + e.getOriginalMessage() + locate(e) + "; " + EXPECTED);
        }
        if (root == null || root.isMissingNode()) {
            throw new HttpError(400, "empty request body; " + EXPECTED);
        }
        if (!root.isObject()) {
            throw new HttpError(400, "the body is " + kind(root) + ", not an object; " + EXPECTED);
        }
        JsonNode instances = root.get("instances");
        if (instances == null) {
            throw new HttpError(400, "missing field 'instances'" + (root.has("inputs")
                    ? " (the columnar 'inputs' format is not supported)" : "") + "; " + EXPECTED);
        }
        if (!instances.isArray()) {
            throw new HttpError(400, "'instances' must be an array, found " + kind(instances) + "; " + EXPECTED);
        }
        if (instances.isEmpty()) {
            throw new HttpError(400, "'instances' is empty; send at least one text");
        }
        List<String> texts = new ArrayList<>(instances.size());
        for (int i = 0; i < instances.size(); i++) {
            JsonNode item = instances.get(i);
            JsonNode text = item.isObject() ? item.get("text") : item;
            if (text == null || !text.isTextual()) {
                throw new HttpError(400, "instances[" + i + "] must be a string or an object with a string 'text',"
                        + " found " + (item.isObject() ? (text == null ? "an object without 'text'"
                        : "'text' as " + kind(text)) : kind(item)));
            }
            texts.add(text.textValue());
        }
        return texts;
    }

    private static String utf8(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        try {
            return decoder.decode(in).toString();
        } catch (CharacterCodingException e) {
            throw new HttpError(400, "the body is not UTF-8 (invalid byte at offset " + in.position()
                    + "); send JSON encoded as UTF-8");
        }
    }

    private static String locate(JacksonException e) {
        return e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr();
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
