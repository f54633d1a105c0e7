package org.textclf.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenNlpPeerTest {
    @TempDir
    Path dir;

    @Test
    void run_separableCorpus_learnsItAndReportsTheStages() throws Exception {
        Path train = CorpusFiles.write(dir.resolve("train.csv"), 400, 1, false);
        Path test = CorpusFiles.write(dir.resolve("test.csv"), 100, 2, false);

        PeerResult result = PeerMain.evaluate(OpenNlpPeer.parse(new String[] {train.toString(), test.toString()}),
                train, test);

        assertThat(result.tool()).isEqualTo("opennlp");
        assertThat(result.settings()).contains("MAXENT_QN").contains("cutoff 5").contains("iterations 100");
        assertThat(result.trainExamples()).isEqualTo(400);
        assertThat(result.testExamples()).isEqualTo(100);
        assertThat(result.classes()).isEqualTo(2);
        assertThat(result.accuracy()).isGreaterThanOrEqualTo(0.9);
        assertThat(result.trainSeconds()).isPositive();
        assertThat(result.toJson()).startsWith("{\"tool\": \"opennlp\"").contains("\"test_accuracy\": ");
    }

    @Test
    void run_gisTrainerOnTitledRecords_joinsTheFieldsAsTextclfDoes() throws Exception {
        // The class words are only in the title field: a reader that kept the last field alone would score 0.5.
        Path train = CorpusFiles.write(dir.resolve("train.csv"), 400, 3, true);
        Path test = CorpusFiles.write(dir.resolve("test.csv"), 100, 4, true);

        PeerResult result = PeerMain.evaluate(OpenNlpPeer.parse(new String[] {train.toString(), test.toString(),
                "--trainer", "maxent"}), train, test);

        assertThat(result.tool()).isEqualTo("opennlp-gis");
        assertThat(result.settings()).contains("MAXENT");
        assertThat(result.accuracy()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void parse_unknownTrainer_saysWhichAreKnown() {
        assertThatThrownBy(() -> OpenNlpPeer.parse(new String[] {"a", "b", "--trainer", "perceptron"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown --trainer 'perceptron'; expected maxent-qn or maxent");
    }

    @Test
    void evaluate_badClassField_failsWithFileAndLine() throws IOException {
        Path train = CorpusFiles.write(dir.resolve("train.csv"), 40, 1, false);
        Path bad = Files.writeString(dir.resolve("bad.csv"), "\"1\",\"fine text\"\n\"2\",\"a\",\"b\"\n");

        assertThatThrownBy(() -> PeerMain.evaluate(OpenNlpPeer.parse(new String[] {train.toString(),
                bad.toString()}), train, bad))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith(bad + ":2: ");
    }
}
