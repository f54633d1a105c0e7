package org.textclf.serve;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
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
    private static final JsonFactory FACTORY = new JsonFactory();

    private Instances() {
    }

    /** The texts of {@code body}, read as a stream of tokens: a request builds no tree, only its strings. */
    static List<String> parse(byte[] body) {
        String json = utf8(body);
        try (JsonParser p = FACTORY.createParser(json)) {
            JsonToken root = p.nextToken();
            if (root == null) {
                throw new HttpError(400, "empty request body; " + EXPECTED);
            }
            if (root != JsonToken.START_OBJECT) {
                throw new HttpError(400, "the body is " + kind(root) + ", not an object; " + EXPECTED);
            }
            List<String> texts = null;
            boolean inputs = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("instances")) {
                    texts = texts(p, value); // a repeated field: the last one counts, as in a parsed tree
                } else {
                    inputs |= field.equals("inputs");
                    p.skipChildren();
                }
            }
            if (texts == null) {
                throw new HttpError(400, "missing field 'instances'" + (inputs
                        ? " (the columnar 'inputs' format is not supported)" : "") + "; " + EXPECTED);
            }
            return texts;
        } catch (JacksonException e) {
            throw new HttpError(400, "malformed JSON: " + e.getOriginalMessage() + locate(e) + "; " + EXPECTED);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a String fails only on bad JSON, caught above
        }
    }

    /** The array of {@code instances}, whose first token is {@code value}. */
    private static List<String> texts(JsonParser p, JsonToken value) throws IOException {
        if (value != JsonToken.START_ARRAY) {
            throw new HttpError(400, "'instances' must be an array, found " + kind(value) + "; " + EXPECTED);
        }
        List<String> texts = new ArrayList<>();
        for (JsonToken item = p.nextToken(); item != JsonToken.END_ARRAY; item = p.nextToken()) {
            if (item == JsonToken.VALUE_STRING) {
                texts.add(p.getText());
            } else if (item == JsonToken.START_OBJECT) {
                texts.add(text(p, texts.size()));
            } else {
                throw notAText(texts.size(), kind(item));
            }
        }
        if (texts.isEmpty()) {
            throw new HttpError(400, "'instances' is empty; send at least one text");
        }
        return texts;
    }

    /** The {@code text} of the object {@code instances[i]}, the parser at its start. */
    private static String text(JsonParser p, int i) throws IOException {
        String text = null;
        JsonToken found = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            boolean isText = p.currentName().equals("text");
            JsonToken value = p.nextToken();
            if (isText) {
                found = value;
                text = value == JsonToken.VALUE_STRING ? p.getText() : null;
            }
            p.skipChildren();
        }
        if (found == null) {
            throw notAText(i, "an object without 'text'");
        }
        if (text == null) {
            throw notAText(i, "'text' as " + kind(found));
        }
        return text;
    }

    private static HttpError notAText(int i, String found) {
        return new HttpError(400, "instances[" + i + "] must be a string or an object with a string 'text', found "
                + found);
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

    private static String kind(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.toString().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
