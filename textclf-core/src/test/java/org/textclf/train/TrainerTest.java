package org.textclf.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textclf.batch.SparseBatch;
import org.textclf.nn.AdamConfig;
import org.textclf.nn.Mlp;
import org.textclf.nn.MlpConfig;
import org.textclf.nn.Weights;

class TrainerTest {
    private static final AdamConfig FAST = AdamConfig.builder().learningRate(0.01f).build();

    @TempDir
    Path temp;

    private static Mlp mlp() {
        return Mlp.create(MlpConfig.builder().units(8).build(), 20, 2, 1);
    }

    @Test
    void fit_separableProblem_learnsItAndLogsEveryEpoch() throws IOException {
        List<SparseBatch> train = SyntheticBatches.make(10, 32, 1, false);
        List<SparseBatch> val = SyntheticBatches.make(3, 32, 2, false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Path csv = temp.resolve("log.csv");
        History history = new Trainer<>(mlp(), FAST, 3).logTo(new java.io.PrintWriter(out, true, StandardCharsets.UTF_8))
                .fit(SyntheticBatches.cycle(train), 10, SyntheticBatches.cycle(val), 3, List.of(new CsvLogger(csv)),
                        5, 2);
        assertThat(history.size()).isEqualTo(5);
        assertThat(history.last().get(Metric.VAL_ACCURACY)).isGreaterThan(0.95);
        assertThat(history.get(Metric.LOSS)[4]).isLessThan(history.get(Metric.LOSS)[0]);
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed.lines()).hasSize(5).allMatch(l -> l.matches(
                "Epoch \\d/5 - \\d+\\.\\ds - loss: \\d\\.\\d{4} - accuracy: \\d\\.\\d{4} - val_loss: \\d\\.\\d{4}"
                        + " - val_accuracy: \\d\\.\\d{4}"));
        List<String> rows = Files.readAllLines(csv);
        assertThat(rows).hasSize(6);
        assertThat(rows.get(0)).isEqualTo("epoch,loss,accuracy,val_loss,val_accuracy,seconds");
        assertThat(rows.get(1)).startsWith("1,");
    }

    @Test
    void fit_sameSeed_sameHistory() {
        List<SparseBatch> train = SyntheticBatches.make(5, 16, 1, false);
        double[] a = new Trainer<>(mlp(), FAST, 9).fit(SyntheticBatches.cycle(train), 5, null, 0, List.of(), 3, 0)
                .get(Metric.LOSS);
        double[] b = new Trainer<>(mlp(), FAST, 9).fit(SyntheticBatches.cycle(train), 5, null, 0, List.of(), 3, 0)
                .get(Metric.LOSS);
        assertThat(b).containsExactly(a);
    }

    @Test
    void fit_earlyStopping_stopsAfterPatienceAndRestoresTheBestEpoch() {
        // Validation labels are the opposite of training's: validation loss rises from the first epoch on.
        List<SparseBatch> train = SyntheticBatches.make(10, 32, 1, false);
        List<SparseBatch> val = SyntheticBatches.make(3, 32, 2, true);
        Mlp network = mlp();
        List<Weights> perEpoch = new ArrayList<>();
        Callback recorder = new Callback() {
            @Override
            public void onEpochEnd(TrainingState state, EpochLogs logs) {
                perEpoch.add(Weights.copyOf(state.network()));
            }
        };
        EarlyStopping stopping = new EarlyStopping(Metric.VAL_LOSS, 2, 0, true);
        Trainer<SparseBatch> trainer = new Trainer<>(network, FAST, 3);
        History history = trainer.fit(SyntheticBatches.cycle(train), 10, SyntheticBatches.cycle(val), 3,
                List.of(recorder, stopping), 100, 0);
        assertThat(history.size()).isEqualTo(stopping.bestEpoch() + 2);
        assertThat(stopping.stoppedEpoch()).isEqualTo(history.size());
        assertThat(trainer.state().stopReason()).startsWith("early stopping: val_loss did not improve on");
        Weights kept = Weights.copyOf(network);
        Weights best = perEpoch.get(stopping.bestEpoch() - 1);
        Weights last = perEpoch.get(perEpoch.size() - 1);
        for (int i = 0; i < kept.names().size(); i++) {
            assertThat(kept.values(i)).containsExactly(best.values(i));
        }
        assertThat(last.values(0)).isNotEqualTo(best.values(0));
    }

    @Test
    void fit_earlyStoppingOnValidationWithoutValidation_namesTheAvailableMetrics() {
        List<SparseBatch> train = SyntheticBatches.make(2, 8, 1, false);
        assertThatThrownBy(() -> new Trainer<>(mlp(), FAST, 3).fit(SyntheticBatches.cycle(train), 2, null, 0,
                List.of(EarlyStopping.defaults()), 3, 0))
                .hasMessage("metric 'val_loss' not available without validation data; available: loss, accuracy");
    }

    @Test
    void fit_nanLoss_terminatesAtThatBatch() {
        List<SparseBatch> train = new ArrayList<>(SyntheticBatches.make(4, 8, 1, false));
        SparseBatch good = train.get(2);
        float[] nan = good.values().clone();
        nan[0] = Float.NaN;
        train.set(2, new SparseBatch(20, good.rowStart(), good.indices(), nan, good.labels()));
        Trainer<SparseBatch> trainer = new Trainer<>(mlp(), FAST, 3);
        History history = trainer.fit(SyntheticBatches.cycle(train), 4, null, 0, List.of(new TerminateOnNaN()), 10,
                0);
        assertThat(history.size()).isEqualTo(1);
        assertThat(trainer.state().stopReason()).isEqualTo(
                "loss became NaN at batch 3 of epoch 1; try a lower learning rate");
    }

    @Test
    void fit_generatorRunsDry_saysHowManyBatchesItNeeds() {
        List<SparseBatch> train = SyntheticBatches.make(3, 8, 1, false);
        assertThatThrownBy(() -> new Trainer<>(mlp(), FAST, 3).fit(train.iterator(), 2, null, 0, List.of(), 2, 0))
                .hasMessage("Your input ran out of data: the generator has no more batches; make sure it can produce"
                        + " at least steps * epochs = 2 * 2 batches");
    }

    @Test
    void fit_checkpointBestOnly_savesOnlyImprovingEpochs() {
        List<SparseBatch> train = SyntheticBatches.make(10, 32, 1, false);
        List<SparseBatch> val = SyntheticBatches.make(3, 32, 2, true);
        List<String> saved = new ArrayList<>();
        ModelCheckpoint best = new ModelCheckpoint(temp.resolve("m-{epoch}").toString(),
                (path, state, logs) -> saved.add(path.getFileName().toString()), Metric.VAL_LOSS, true);
        ModelCheckpoint every = new ModelCheckpoint(temp.resolve("e-{epoch}").toString(),
                (path, state, logs) -> saved.add(path.getFileName().toString()), Metric.VAL_LOSS, false);
        new Trainer<>(mlp(), FAST, 3).fit(SyntheticBatches.cycle(train), 10, SyntheticBatches.cycle(val), 3,
                List.of(best, every), 4, 0);
        assertThat(saved).containsExactly("m-1", "e-1", "e-2", "e-3", "e-4");
    }

    @Test
    void monitor_lossAndAccuracy_improveInTheirDirectionBeyondMinDelta() {
        Monitor loss = new Monitor(Metric.LOSS, 0.01);
        assertThat(loss.update(logs(1, 0.5))).isTrue();
        assertThat(loss.update(logs(2, 0.495))).isFalse();
        assertThat(loss.update(logs(3, 0.48))).isTrue();
        assertThat(loss.bestEpoch()).isEqualTo(3);
        Monitor accuracy = new Monitor(Metric.ACCURACY, 0);
        assertThat(accuracy.update(logs(1, 0.5))).isTrue();
        assertThat(accuracy.update(logs(2, 0.75))).isTrue();
        assertThat(accuracy.update(logs(3, 0.25))).isFalse();
    }

    private static EpochLogs logs(int epoch, double value) {
        // One example whose loss and accuracy both equal value (accuracy as correct/count with count 4).
        return new EpochLogs(epoch, new org.textclf.nn.BatchMetrics(value * 4, Math.round(value * 4), 4), null, 1);
    }

    @Test
    void metricParse_unknownKey_listsTheKeys() {
        assertThat(Metric.parse("val_accuracy")).isEqualTo(Metric.VAL_ACCURACY);
        assertThatThrownBy(() -> Metric.parse("acc"))
                .hasMessage("metric 'acc' not available; available: loss, accuracy, val_loss, val_accuracy");
    }
}
