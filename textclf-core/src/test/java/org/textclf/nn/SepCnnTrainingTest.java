package org.textclf.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.textclf.batch.SequenceBatch;
import org.textclf.train.History;
import org.textclf.train.Metric;
import org.textclf.train.Trainer;

/** A tiny sepCNN learns a task that one token decides, wherever it stands in sequences of 1 to 12 tokens. */
class SepCnnTrainingTest {

    @ParameterizedTest(name = "classes {0}")
    @CsvSource({"2", "3"})
    void fit_separableSequences_reachesFullAccuracy(int classes) {
        int vocabulary = 30;
        SepCnnConfig config = SepCnnConfig.builder().filters(8).embeddingDim(8).dropoutRate(0.1f).build();
        SepCnn net = SepCnn.create(config, vocabulary, classes, 1);
        List<SequenceBatch> train = SequenceBatches.separable(10, 32, vocabulary, classes, 2);
        List<SequenceBatch> validation = SequenceBatches.separable(4, 32, vocabulary, classes, 3);
        History history = new Trainer<>(net, AdamConfig.builder().learningRate(0.01f).build(), 4)
                .fit(SequenceBatches.cycle(train), 10, SequenceBatches.cycle(validation), 4, List.of(), 20, 0);
        assertThat(history.last().get(Metric.VAL_ACCURACY)).isEqualTo(1.0);
        assertThat(history.get(Metric.LOSS)[19]).isLessThan(history.get(Metric.LOSS)[0] / 4);
        BatchMetrics fresh = BatchMetrics.EMPTY;
        for (SequenceBatch b : SequenceBatches.separable(4, 32, vocabulary, classes, 5)) {
            fresh = fresh.plus(net.evaluateBatch(b));
        }
        assertThat(fresh.accuracy()).isEqualTo(1.0);
    }
}
