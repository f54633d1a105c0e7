package org.textclf.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TribuoPeerTest {
    @TempDir
    Path dir;

    @Test
    void run_separableCorpus_learnsItAndReportsTheStages() throws Exception {
        Path train = CorpusFiles.write(dir.resolve("train.csv"), 400, 1, false);
        Path test = CorpusFiles.write(dir.resolve("test.csv"), 100, 2, false);

        PeerResult result = PeerMain.evaluate(TribuoPeer.parse(new String[] {train.toString(), test.toString()}),
                train, test);

        assertThat(result.tool()).isEqualTo("tribuo");
        assertThat(result.settings()).contains("L2R_LR").contains("C 1.0").contains("eps 0.01");
        assertThat(result.trainExamples()).isEqualTo(400);
        assertThat(result.testExamples()).isEqualTo(100);
        assertThat(result.accuracy()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void run_titledRecords_joinsTheFieldsAsTextclfDoes() throws Exception {
        Path train = CorpusFiles.write(dir.resolve("train.csv"), 400, 3, true);
        Path test = CorpusFiles.write(dir.resolve("test.csv"), 100, 4, true);

        PeerResult result = PeerMain.evaluate(TribuoPeer.parse(new String[] {train.toString(), test.toString()}),
                train, test);

        assertThat(result.accuracy()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void run_emptyTexts_countedNotDropped() throws Exception {
        // Tribuo's datasets refuse an example without features: the peer says how many it left out of training,
        // and a test text without a known feature gets the most frequent training class, counted too.
        Path train = CorpusFiles.write(dir.resolve("train.csv"), 400, 1, false);
        Files.writeString(train, "\"1\",\"\"\n\"1\",\"...\"\n", java.nio.file.StandardOpenOption.APPEND);
        Path test = Files.writeString(dir.resolve("test.csv"), "\"1\",\"awful dull\"\n\"2\",\"zzz\"\n");

        PeerResult result = PeerMain.evaluate(TribuoPeer.parse(new String[] {train.toString(), test.toString()}),
                train, test);

        assertThat(result.trainExamples()).isEqualTo(402);
        assertThat(result.skippedTrainExamples()).isEqualTo(2);
        assertThat(result.fallbackPredictions()).isEqualTo(1);
        assertThat(result.testExamples()).isEqualTo(2);
    }

    @Test
    void parse_missingTestFile_usage() {
        assertThatThrownBy(() -> TribuoPeer.parse(new String[] {"train.csv"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("usage: TribuoPeer TRAIN TEST");
    }
}
