package org.textclf.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationFormatTest {
    /**
     * {@code print(classification_report(y, pred, labels=range(4), target_names=names, digits=4,
     * zero_division=0))} with scikit-learn 1.2.1 on {@link Cases}, pasted verbatim.
     */
    private static final String SKLEARN_REPORT = """
                          precision    recall  f1-score   support

                   World     0.4000    0.5000    0.4444         4
                  Sports     0.3333    0.3333    0.3333         3
                Business     0.0000    0.0000    0.0000         2
                Sci/Tech     0.0000    0.0000    0.0000         0

                accuracy                         0.3333         9
               macro avg     0.1833    0.2083    0.1944         9
            weighted avg     0.2889    0.3333    0.3086         9
            """;

    @Test
    void report_handComputedCase_startsWithScikitLearnReportThenLossAndMatrix() {
        String report = Cases.handComputed().report(Cases.NAMES);

        assertThat(report).isEqualTo(SKLEARN_REPORT + """

                loss 2.8584 (mean cross-entropy over 9 samples)

                confusion matrix (rows: true class, columns: predicted class)
                          World  Sports  Business  Sci/Tech
                   World      2       1         0         1
                  Sports      2       1         0         0
                Business      1       1         0         0
                Sci/Tech      0       0         0         0
                """);
    }

    @Test
    void report_longClassNames_headsMatrixColumnsWithClassIds() {
        Evaluator evaluator = new Evaluator(2);
        evaluator.add(new int[] {0, 1, 1, -1}, new float[] {0.9f, 0.1f, 0.6f, 0.4f, 0.2f, 0.8f, 0.5f, 0.5f});

        String report = evaluator.evaluation().report(List.of("Society & Culture", "Science & Mathematics"));

        assertThat(report).contains("""
                1 unlabeled samples skipped

                confusion matrix (rows: true class, columns: predicted class)
                                         0  1
                    0 Society & Culture  1  0
                1 Science & Mathematics  1  1
                """);
        assertThat(report).contains("    Society & Culture     0.5000    1.0000    0.6667         1\n");
    }

    @Test
    void report_moreClassesThanFitOnScreen_omitsMatrixAndSaysWhere() {
        int classes = EvaluationReport.MATRIX_MAX_CLASSES + 1;
        List<String> names = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            names.add("c" + c);
        }
        float[] row = new float[classes];
        row[0] = 1;
        Evaluator evaluator = new Evaluator(classes);
        evaluator.add(new int[] {0}, row);

        assertThat(evaluator.evaluation().report(names))
                .endsWith("confusion matrix omitted for 41 classes (more than 40); the JSON report has it\n");
    }

    @Test
    void report_wrongNumberOfNames_throws() {
        assertThatThrownBy(() -> Cases.handComputed().report(List.of("a", "b")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected one class name per class, 4 names, found 2");
    }

    @Test
    void toJson_duplicateNames_throws() {
        assertThatThrownBy(() -> Cases.handComputed().toJson(List.of("a", "b", "a", "c")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("class names must be distinct; expected one 'a', found two");
    }

    @Test
    void toJson_handComputedCase_holdsEveryNumber() throws Exception {
        JsonNode json = new ObjectMapper().readTree(Cases.handComputed().toJson(Cases.NAMES));

        assertThat(json.get("samples").asLong()).isEqualTo(9);
        assertThat(json.get("unlabeled").asLong()).isZero();
        assertThat(json.get("accuracy").asDouble()).isEqualTo(0.3333333333333333);
        assertThat(json.get("loss").asDouble()).isCloseTo(2.8584369849090177, within(1e-9));
        JsonNode world = json.get("per_class").get("World");
        assertThat(world.get("precision").asDouble()).isEqualTo(0.4);
        assertThat(world.get("recall").asDouble()).isEqualTo(0.5);
        assertThat(world.get("f1").asDouble()).isCloseTo(0.4444444444444445, within(1e-15));
        assertThat(world.get("support").asLong()).isEqualTo(4);
        assertThat(json.get("per_class").get("Sci/Tech").get("support").asLong()).isZero();
        assertThat(json.get("macro_avg").get("f1").asDouble()).isCloseTo(0.19444444444444445, within(1e-15));
        assertThat(json.get("weighted_avg").get("precision").asDouble())
                .isCloseTo(0.2888888888888889, within(1e-15));
        assertThat(json.get("labels").toString()).isEqualTo("[\"World\",\"Sports\",\"Business\",\"Sci/Tech\"]");
        assertThat(json.get("confusion_matrix").toString()).isEqualTo("[[2,1,0,1],[2,1,0,0],[1,1,0,0],[0,0,0,0]]");
    }

    @Test
    void decimal_halfwayValues_roundLikePythonFormat() {
        // '{:.2f}'.format(0.125) == '0.12', '{:.2f}'.format(2.675) == '2.67', '{:.4f}'.format(0.66665) == '0.6666';
        // String.format gives 0.13, 2.68 and 0.6667.
        assertThat(EvaluationReport.decimal(0.125, 2)).isEqualTo("0.12");
        assertThat(EvaluationReport.decimal(2.675, 2)).isEqualTo("2.67");
        assertThat(EvaluationReport.decimal(0.66665, 4)).isEqualTo("0.6666");
        assertThat(EvaluationReport.decimal(0.99995, 4)).isEqualTo("1.0000");
        assertThat(EvaluationReport.decimal(0, 4)).isEqualTo("0.0000");
    }
}
