package org.textclf.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.textclf.api.TextClassifier;

/**
 * Model files written by earlier textclf versions load and predict exactly as they did: each committed golden
 * model (see {@link GoldenModels}) gives its committed probabilities, bit for bit.
 */
class GoldenModelsTest {

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(GoldenModelsTest.class.getResource("/golden/models/" + name).toURI());
    }

    @ParameterizedTest
    @ValueSource(strings = {"mlp", "linear", "sepcnn"})
    void load_goldenModel_predictsItsRecordedProbabilitiesExactly(String name) throws Exception {
        TextClassifier classifier = TextClassifier.load(resource(name + ".textclf"));

        assertThat(classifier.model()).isEqualTo(name);
        assertThat(classifier.labels().rawLabels()).containsExactly("1", "2", "3");
        assertThat(GoldenModels.predictionLines(classifier))
                .containsExactlyElementsOf(Files.readAllLines(resource(name + ".predictions.tsv"),
                        StandardCharsets.UTF_8));
    }
}
