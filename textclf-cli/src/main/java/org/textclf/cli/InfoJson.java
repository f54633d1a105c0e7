package org.textclf.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.textclf.io.ModelFile;
import org.textclf.model.ModelInfo;
import org.textclf.model.ModelSummary;

/**
 * {@code info --json}: one object, snake_case keys, stable for scripts (new keys may be added, none renamed):
 * <pre>
 * {"file": {"path", "bytes", "format_version", "sections": {"info": BYTES, "vectorizer": ..., "network": ...},
 *           "header_and_trailer": 36},
 *  "branch": "mlp", "classes": [NAME, ...], "labels": [RAW LABEL, ...],
 *  "vectorizer": {SETTING: VALUE, ...}, "network": {...}, "training": {"learning_rate", "batch_size", ...},
 *  "sizes": {"features", "parameters"},
 *  "provenance": {"textclf_version", "java_version" (null if not recorded), "created",
 *                 "inputs": [{"role", "path", "bytes", "crc32c"}], "metrics": {NAME: VALUE, ...}}}
 * </pre>
 * Sections are in file order; with {@code header_and_trailer} they add up to {@code bytes}.
 */
final class InfoJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private InfoJson() {
    }

    static String toJson(ModelSummary summary) throws JsonProcessingException {
        ModelInfo info = summary.info();
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode file = root.putObject("file");
        file.put("path", summary.path().toString());
        file.put("bytes", summary.fileBytes());
        file.put("format_version", summary.formatVersion());
        ObjectNode sections = file.putObject("sections");
        summary.sectionBytes().forEach(sections::put);
        file.put("header_and_trailer", ModelFile.FRAME_BYTES);
        root.put("branch", info.model());
        info.classNames().forEach(root.putArray("classes")::add);
        info.labels().forEach(root.putArray("labels")::add);
        root.set("vectorizer", MAPPER.valueToTree(summary.vectorizer()));
        root.set("network", MAPPER.valueToTree(summary.network()));
        root.set("training", MAPPER.valueToTree(summary.training()));
        root.putObject("sizes").put("features", summary.features()).put("parameters", summary.parameters());
        ObjectNode provenance = root.putObject("provenance");
        provenance.put("textclf_version", info.textclfVersion());
        provenance.put("java_version", info.javaVersion());
        provenance.put("created", info.created());
        for (ModelInfo.InputFile input : info.inputs()) {
            provenance.withArray("inputs").addObject().put("role", input.role()).put("path", input.path())
                    .put("bytes", input.bytes()).put("crc32c", input.crc32c());
        }
        ObjectNode metrics = provenance.putObject("metrics");
        for (Map.Entry<String, Double> m : info.metrics().entrySet()) {
            metrics.put(m.getKey(), m.getValue());
        }
        return MAPPER.writeValueAsString(root);
    }
}
