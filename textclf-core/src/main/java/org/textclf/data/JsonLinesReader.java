package org.textclf.data;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Samples from JSON Lines: one object per line, read with jackson-core's streaming parser. The text is the named
 * text fields joined with a space (or the first of {@link SourceOptions#TEXT_CANDIDATES} present); the label is the
 * named field, a string or a number as written. With no field named, the first record decides: the first of
 * {@link SourceOptions#LABEL_CANDIDATES} it has is the label field of every record, and without one the file is
 * unlabeled. A record whose label field is missing or null is bad, as is one without a named id field
 * ({@link SourceOptions#idColumn}). Other fields, nested or not, are skipped. Blank
 * lines are skipped.
 */
final class JsonLinesReader extends RecordReader {
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final LineInput lines;
    private final List<String> textFields;
    private final String labelField;
    private final String idField;
    private String id;
    private final String[] texts;
    private final String[] candidateTexts = new String[SourceOptions.TEXT_CANDIDATES.size()];
    /** Per label candidate, its field's name as written in the record (null: absent) and its value. */
    private final String[] candidateLabelNames = new String[SourceOptions.LABEL_CANDIDATES.size()];
    private final String[] candidateLabels = new String[SourceOptions.LABEL_CANDIDATES.size()];
    private final List<String> seen = new ArrayList<>();
    /** The label field the first record chose when none was named; null before it and in an unlabeled file. */
    private String chosenLabelField;
    private boolean firstRecord = true;

    JsonLinesReader(LineInput lines, SourceOptions options, ClassesFile classes) {
        super(lines.file(), options.onBadRecord(), classes);
        this.lines = lines;
        this.textFields = options.textColumns();
        this.labelField = options.labelColumn();
        this.idField = options.idColumn();
        this.texts = new String[textFields.size()];
    }

    @Override
    Sample readRecord() throws IOException {
        String line = lines.readNonBlankLine();
        if (line == null) {
            return null;
        }
        Arrays.fill(texts, null);
        Arrays.fill(candidateTexts, null);
        Arrays.fill(candidateLabelNames, null);
        Arrays.fill(candidateLabels, null);
        seen.clear();
        id = null;
        String wanted = labelField != null ? labelField : chosenLabelField;
        String label = null;
        boolean labelPresent = false;
        try (JsonParser p = JSON.createParser(line)) {
            JsonToken first = p.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw bad("not a JSON object; expected a line starting with {, found " + describe(first, p));
            }
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (value.isStructStart()) {
                    p.skipChildren();
                    continue;
                }
                seen.add(name);
                String scalar = value == JsonToken.VALUE_NULL ? null : p.getText();
                int ti = textFields.indexOf(name);
                if (ti >= 0) {
                    texts[ti] = scalar;
                }
                if (name.equals(idField)) {
                    id = scalar;
                }
                if (name.equals(wanted)) {
                    label = scalar;
                    labelPresent = true;
                }
                remember(SourceOptions.TEXT_CANDIDATES, candidateTexts, name, scalar);
                if (firstRecord) {
                    rememberLabel(name, scalar);
                }
            }
            if (p.nextToken() != null) {
                throw bad("text after the JSON object; expected one object per line");
            }
        } catch (JsonProcessingException e) {
            throw bad("invalid JSON: " + e.getOriginalMessage());
        }
        if (firstRecord && wanted == null) {
            firstRecord = false;
            for (int i = 0; i < candidateLabelNames.length; i++) {
                if (candidateLabelNames[i] != null) {
                    chosenLabelField = candidateLabelNames[i];
                    return new Sample(requireLabel(chosenLabelField, candidateLabels[i], true), text(), lines.line(),
                            id());
                }
            }
            return new Sample(null, text(), lines.line(), id());
        }
        firstRecord = false;
        return new Sample(wanted == null ? null : requireLabel(wanted, label, labelPresent), text(), lines.line(),
                id());
    }

    /** The record's id field; a named one must be in every record. */
    private String id() throws BadRecordException {
        if (idField != null && id == null) {
            throw bad("missing id field '" + idField + "'; expected it in every object, found fields " + seen);
        }
        return id;
    }

    private String text() throws BadRecordException {
        if (textFields.isEmpty()) {
            String t = firstOf(candidateTexts);
            if (t == null) {
                throw bad("missing text field; expected a string field named one of " + SourceOptions.TEXT_CANDIDATES
                        + ", found fields " + seen);
            }
            return t;
        }
        for (int i = 0; i < texts.length; i++) {
            if (texts[i] == null) {
                throw bad("missing field '" + textFields.get(i) + "'; expected it in every object, found fields "
                        + seen);
            }
        }
        return texts.length == 1 ? texts[0] : String.join(" ", texts);
    }

    private String requireLabel(String field, String label, boolean present) throws BadRecordException {
        String asInFirst = labelField == null ? ", as in the first record" : "";
        if (!present) {
            throw bad("missing field '" + field + "'; expected it in every object" + asInFirst + ", found fields "
                    + seen);
        }
        if (label == null) {
            throw bad("null label; expected field '" + field + "' to hold a class label" + asInFirst);
        }
        return label;
    }

    private static void remember(List<String> candidates, String[] values, String name, String value) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null && candidates.get(i).equalsIgnoreCase(name)) {
                values[i] = value;
            }
        }
    }

    private void rememberLabel(String name, String value) {
        for (int i = 0; i < candidateLabelNames.length; i++) {
            if (candidateLabelNames[i] == null && SourceOptions.LABEL_CANDIDATES.get(i).equalsIgnoreCase(name)) {
                candidateLabelNames[i] = name;
                candidateLabels[i] = value;
            }
        }
    }

    private static String firstOf(String[] values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static String describe(JsonToken token, JsonParser p) throws IOException {
        return token == null ? "nothing" : token == JsonToken.START_ARRAY ? "[" : p.getText();
    }

    private BadRecordException bad(String problem) {
        return new BadRecordException(lines.file(), lines.line(), problem);
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
