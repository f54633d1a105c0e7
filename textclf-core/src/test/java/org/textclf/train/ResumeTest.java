package org.textclf.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.textclf.batch.SparseBatch;
import org.textclf.nn.AdamConfig;
import org.textclf.nn.AdamState;
import org.textclf.nn.Mlp;
import org.textclf.nn.MlpConfig;
import org.textclf.nn.Weights;

/** A run stopped after some epochs and resumed from its checkpoint ends exactly where the uninterrupted run ends. */
class ResumeTest {
    private static final AdamConfig FAST = AdamConfig.builder().learningRate(0.01f).build();
    private static final List<SparseBatch> TRAIN = SyntheticBatches.make(10, 32, 1, false);

    /** Dropout 0.2 (the default), so that the dropout generator's state matters. */
    private static Mlp mlp() {
        return Mlp.create(MlpConfig.builder().units(8).build(), 20, 2, 1);
    }

    /** One run: its final weights and optimizer state, history, early stopping; and its last checkpoint's bytes. */
    private record Outcome(Weights weights, AdamState adam, History history, EarlyStopping stopping, byte[] saved) {
    }

    private static Outcome run(List<SparseBatch> validation, int patience, int epochs, byte[] resumeFrom)
            throws IOException {
        Mlp network = mlp();
        Trainer<SparseBatch> trainer = new Trainer<>(network, FAST, 5);
        EarlyStopping stopping = new EarlyStopping(Metric.VAL_LOSS, patience, 0, true);
        if (resumeFrom != null) {
            Checkpoint checkpoint = read(resumeFrom);
            savedWeights(resumeFrom).restoreInto(network);
            trainer.resume(checkpoint);
            stopping.restore(checkpoint.earlyStopping());
        }
        byte[][] saved = new byte[1][];
        BackupAndRestore backup = new BackupAndRestore((state, checkpoint) -> saved[0] = bytes(state, checkpoint),
                stopping);
        History history = trainer.fit(SyntheticBatches.cycle(TRAIN), 10, SyntheticBatches.cycle(validation), 3,
                List.of(stopping, backup), epochs, 0);
        return new Outcome(Weights.copyOf(network), trainer.state().optimizer().exportState(), history, stopping,
                saved[0]);
    }

    /** What a saver writes: the network's weights (the model's part of a checkpoint file), then the checkpoint. */
    private static byte[] bytes(TrainingState state, Checkpoint checkpoint) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            Weights.copyOf(state.network()).write(out);
            checkpoint.write(out);
        }
        return buffer.toByteArray();
    }

    private static Weights savedWeights(byte[] saved) throws IOException {
        return Weights.read(new ByteArrayInputStream(saved), "test");
    }

    private static Checkpoint read(byte[] saved) throws IOException {
        ByteArrayInputStream in = new ByteArrayInputStream(saved);
        Weights.read(in, "test");
        return Checkpoint.read(in, "test");
    }

    private static List<String> metrics(History history) {
        List<String> lines = new ArrayList<>();
        for (EpochLogs e : history.epochs()) {
            lines.add(e.epoch() + " " + e.training() + " " + e.validation()); // exact doubles, not the seconds
        }
        return lines;
    }

    @Test
    void resume_twoEpochsThenResume_sameWeightsHistoryAndOptimizerAsFiveStraight() throws IOException {
        List<SparseBatch> validation = SyntheticBatches.make(3, 32, 2, false);
        Outcome straight = run(validation, 100, 5, null);
        Outcome firstTwo = run(validation, 100, 2, null);
        Outcome resumed = run(validation, 100, 5, firstTwo.saved());

        assertThat(resumed.history().size()).isEqualTo(5);
        assertThat(metrics(resumed.history())).isEqualTo(metrics(straight.history()));
        assertThat(resumed.weights()).isEqualTo(straight.weights());
        assertThat(resumed.adam()).isEqualTo(straight.adam());
        assertThat(read(resumed.saved()).epoch()).isEqualTo(5);
        assertThat(metrics(firstTwo.history())).isEqualTo(metrics(straight.history()).subList(0, 2));
    }

    @Test
    void resume_midPatience_stopsAtTheSameEpochAndRestoresTheSameBestWeights() throws IOException {
        // Validation labels are the opposite of training's: val_loss gets worse from epoch 1 on.
        List<SparseBatch> flipped = SyntheticBatches.make(3, 32, 2, true);
        Outcome straight = run(flipped, 3, 100, null);
        Outcome firstTwo = run(flipped, 3, 2, null);
        Checkpoint atTwo = read(firstTwo.saved());
        assertThat(atTwo.earlyStopping().bestEpoch()).isEqualTo(1);
        assertThat(atTwo.earlyStopping().epochsWaited()).isEqualTo(1);
        assertThat(atTwo.earlyStopping().bestWeights()).isNotNull();

        Outcome resumed = run(flipped, 3, 100, firstTwo.saved());
        assertThat(straight.stopping().stoppedEpoch()).isEqualTo(4);
        assertThat(resumed.stopping().stoppedEpoch()).isEqualTo(4);
        assertThat(resumed.stopping().bestEpoch()).isEqualTo(1);
        assertThat(resumed.weights()).isEqualTo(straight.weights()); // epoch 1's, restored at the end
        assertThat(metrics(resumed.history())).isEqualTo(metrics(straight.history()));
    }

    @Test
    void resume_checkpointAfterTheStop_trainsNoMoreEpochs() throws IOException {
        List<SparseBatch> flipped = SyntheticBatches.make(3, 32, 2, true);
        Outcome straight = run(flipped, 1, 100, null);
        assertThat(read(straight.saved()).stopReason()).startsWith("early stopping: val_loss did not improve");
        Outcome again = run(flipped, 1, 100, straight.saved());
        assertThat(again.history().size()).isEqualTo(straight.history().size());
        assertThat(again.weights()).isEqualTo(straight.weights());
    }

    @Test
    void read_truncatedCheckpoint_saysItEndsEarly() throws IOException {
        Outcome two = run(SyntheticBatches.make(3, 32, 2, false), 100, 2, null);
        byte[] cut = Arrays.copyOf(two.saved(), two.saved().length - 9);
        assertThatThrownBy(() -> read(cut)).isInstanceOf(IOException.class)
                .hasMessage("test: the checkpoint ends early; expected a complete checkpoint");
    }

    @Test
    void read_otherFormat_namesTheFormats() throws IOException {
        byte[] bytes = {0, 0, 0, 7};
        assertThatThrownBy(() -> Checkpoint.read(new ByteArrayInputStream(bytes), "f"))
                .hasMessage("f: checkpoint format 7 is not one this textclf reads; expected 1");
    }
}
