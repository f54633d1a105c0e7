package org.textclf.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.List;

/** The machine-readable form of an {@link Evaluation}; keys follow scikit-learn's report dictionary. */
final class EvaluationJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private EvaluationJson() {
    }

    static String write(Evaluation e, List<String> names) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("samples", e.samples());
        root.put("unlabeled", e.unlabeled());
        root.put("accuracy", e.accuracy());
        root.put("loss", e.loss());
        ObjectNode perClass = root.putObject("per_class");
        for (int c = 0; c < e.classes(); c++) {
            scores(perClass.putObject(names.get(c)), e.scores(c));
        }
        scores(root.putObject("macro_avg"), e.macroAverage());
        scores(root.putObject("weighted_avg"), e.weightedAverage());
        ArrayNode labels = root.putArray("labels");
        names.forEach(labels::add);
        ArrayNode matrix = root.putArray("confusion_matrix");
        for (long[] row : e.confusionMatrix()) {
            ArrayNode r = matrix.addArray();
            for (long count : row) {
                r.add(count);
            }
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException impossible) {
            // A tree of numbers and strings always serializes; only a custom serializer could fail here.
            throw new UncheckedIOException(impossible);
        }
    }

    private static void scores(ObjectNode node, Scores s) {
        node.put("precision", s.precision());
        node.put("recall", s.recall());
        node.put("f1", s.f1());
        node.put("support", s.support());
    }
}
