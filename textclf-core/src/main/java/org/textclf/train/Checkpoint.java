package org.textclf.train;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.textclf.nn.AdamState;
import org.textclf.nn.BatchMetrics;
import org.textclf.nn.FloatArrays;
import org.textclf.nn.Weights;

/**
 * Everything a training run carries from one epoch to the next apart from the network's weights (which the model's
 * own sections hold): enough for {@link Trainer#resume} to continue a killed run bit for bit. The random generator's
 * state is the epoch itself, since dropout and the shuffle are seeded from (seed, epoch).
 *
 * <h2>Payload format 1 ({@link #write}), big-endian as {@link DataOutputStream} writes it</h2>
 * <pre>
 * int32    format, 1
 * int32    epoch: epochs completed (0 before the first)
 * bool     stopped; if true, UTF stop reason (a callback asked to stop at that epoch)
 * int64    Adam iterations
 * int32    Adam slot count, then per slot: UTF parameter name, int32 rank, int32 dimensions,
 *          float32 first moments, float32 second moments (row-major, one per parameter value)
 * float64  early stopping's best value (NaN before the first epoch)
 * int32    its epoch, int32 epochs waited since
 * bool     has best weights; if true, {@link Weights#write} (count, then name, rank, dimensions, values each)
 * int32    history epochs, then per epoch: int32 epoch, float64 seconds, training metrics, bool has validation,
 *          [validation metrics]; metrics are float64 loss sum, int64 correct, int64 count
 * </pre>
 *
 * @param epoch epochs completed, counting from 0
 * @param optimizer the optimizer's step count and moments
 * @param earlyStopping early stopping's state, with the best weights it will restore
 * @param history the logs of epochs 1..{@code epoch}
 * @param stopReason why a callback stopped training at {@code epoch}, or null to go on
 */
public record Checkpoint(int epoch, AdamState optimizer, EarlyStopping.State earlyStopping, List<EpochLogs> history,
        String stopReason) {
    /** The payload format this release writes and reads. */
    public static final int FORMAT = 1;
    /** The fewest bytes an optimizer slot takes: an empty name's length, rank 0 and one value of each moment. */
    private static final int MIN_SLOT_BYTES = Short.BYTES + Integer.BYTES + 2 * Float.BYTES;
    /** The fewest bytes a history epoch takes: epoch, seconds, training metrics and the validation flag. */
    private static final int MIN_EPOCH_BYTES = Integer.BYTES + Double.BYTES + 3 * Long.BYTES + 1;

    public Checkpoint {
        if (epoch < 0 || history.size() != epoch) {
            throw new IllegalArgumentException("expected epoch >= 0 and one history entry per epoch, found epoch "
                    + epoch + " and " + history.size() + " entries");
        }
        history = List.copyOf(history);
    }

    /**
     * The run's state now, without copying the optimizer's moments or the best weights: write it before the next
     * training step (the Adam arrays are live), as {@link BackupAndRestore} does at an epoch's end.
     */
    public static Checkpoint of(TrainingState state, EarlyStopping stopping) {
        return new Checkpoint(state.epochsDone(), state.optimizer().stateView(),
                stopping == null ? EarlyStopping.State.INITIAL : stopping.state(), state.history().epochs(),
                state.stopReason());
    }

    public void write(DataOutputStream out) throws IOException {
        out.writeInt(FORMAT);
        out.writeInt(epoch);
        out.writeBoolean(stopReason != null);
        if (stopReason != null) {
            out.writeUTF(stopReason);
        }
        out.writeLong(optimizer.iterations());
        out.writeInt(optimizer.slots().size());
        for (AdamState.Slot slot : optimizer.slots()) {
            out.writeUTF(slot.name());
            int[] shape = slot.shape();
            out.writeInt(shape.length);
            for (int d : shape) {
                out.writeInt(d);
            }
            writeFloats(out, slot.m());
            writeFloats(out, slot.v());
        }
        out.writeDouble(earlyStopping.best());
        out.writeInt(earlyStopping.bestEpoch());
        out.writeInt(earlyStopping.epochsWaited());
        out.writeBoolean(earlyStopping.bestWeights() != null);
        if (earlyStopping.bestWeights() != null) {
            earlyStopping.bestWeights().write(out);
        }
        out.writeInt(history.size());
        for (EpochLogs logs : history) {
            out.writeInt(logs.epoch());
            out.writeDouble(logs.seconds());
            writeMetrics(out, logs.training());
            out.writeBoolean(logs.hasValidation());
            if (logs.hasValidation()) {
                writeMetrics(out, logs.validation());
            }
        }
    }

    /**
     * Reads what {@link #write} wrote, from a payload in memory: every count is checked against the bytes that remain
     * before anything is allocated for it, so a forged count is refused, not allocated.
     *
     * @param where names the payload in messages, e.g. {@code "dir/checkpoint.textclf: section 'checkpoint'"}
     * @throws IOException naming {@code where} when the payload is cut short, from another format, or inconsistent
     */
    public static Checkpoint read(ByteArrayInputStream bytes, String where) throws IOException {
        DataInputStream in = new DataInputStream(bytes); // unbuffered: bytes.available() stays what is left
        try {
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IOException(where + ": checkpoint format " + format + " is not one this textclf reads; "
                        + "expected " + FORMAT);
            }
            int epoch = in.readInt();
            String stopReason = in.readBoolean() ? in.readUTF() : null;
            long iterations = in.readLong();
            int slotCount = in.readInt();
            Weights.checkRoom("optimizer slot count", slotCount, bytes.available() / MIN_SLOT_BYTES, bytes, where);
            List<AdamState.Slot> slots = new ArrayList<>(slotCount);
            for (int i = 0; i < slotCount; i++) {
                String name = in.readUTF();
                int[] shape = Weights.readShape(in, where);
                int size = Weights.size(shape, where);
                Weights.checkRoom("shape " + Arrays.toString(shape) + " of optimizer slot " + i, size,
                        bytes.available() / (2 * Float.BYTES), bytes, where);
                slots.add(new AdamState.Slot(name, shape, readFloats(in, size), readFloats(in, size)));
            }
            double best = in.readDouble();
            int bestEpoch = in.readInt();
            int wait = in.readInt();
            Weights bestWeights = in.readBoolean() ? Weights.read(bytes, where) : null;
            int epochs = in.readInt();
            Weights.checkRoom("history epoch count", epochs, bytes.available() / MIN_EPOCH_BYTES, bytes, where);
            List<EpochLogs> history = new ArrayList<>(epochs);
            for (int i = 0; i < epochs; i++) {
                int e = in.readInt();
                double seconds = in.readDouble();
                BatchMetrics training = readMetrics(in);
                BatchMetrics validation = in.readBoolean() ? readMetrics(in) : null;
                history.add(new EpochLogs(e, training, validation, seconds));
            }
            if (in.read() != -1) {
                throw new IOException(where + ": unexpected bytes after the checkpoint's history");
            }
            return new Checkpoint(epoch, new AdamState(iterations, slots),
                    new EarlyStopping.State(best, bestEpoch, wait, bestWeights), history, stopReason);
        } catch (EOFException e) {
            throw new IOException(where + ": the checkpoint ends early; expected a complete checkpoint", e);
        } catch (UTFDataFormatException e) {
            throw new IOException(where + ": a name or stop reason in the checkpoint is not valid UTF-8 ("
                    + e.getMessage() + "); expected a checkpoint as textclf writes it", e);
        } catch (IllegalArgumentException e) {
            throw new IOException(where + ": inconsistent checkpoint: " + e.getMessage(), e);
        }
    }

    private static void writeFloats(DataOutputStream out, float[] values) throws IOException {
        FloatArrays.write(out, values);
    }

    private static float[] readFloats(DataInputStream in, int n) throws IOException {
        float[] values = new float[n];
        FloatArrays.readFully(in, values);
        return values;
    }

    private static void writeMetrics(DataOutputStream out, BatchMetrics m) throws IOException {
        out.writeDouble(m.lossSum());
        out.writeLong(m.correct());
        out.writeLong(m.count());
    }

    private static BatchMetrics readMetrics(DataInputStream in) throws IOException {
        return new BatchMetrics(in.readDouble(), in.readLong(), in.readLong());
    }
}
