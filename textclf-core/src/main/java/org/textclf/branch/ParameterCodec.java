package org.textclf.branch;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.textclf.nn.FloatArrays;
import org.textclf.nn.Parameter;
import org.textclf.nn.Weights;

/**
 * A network's parameters in a model file, written from and read into the live arrays (no copy): int32 parameter
 * count, then per parameter its UTF name, int32 rank, int32 dimensions and float32 values in row-major order, the
 * layout of {@link Weights#write}. Reading checks every name and shape against the network the header described
 * before reading its values.
 */
final class ParameterCodec {

    private ParameterCodec() {
    }

    static void write(DataOutputStream out, List<Parameter> parameters) throws IOException {
        out.writeInt(parameters.size());
        for (Parameter p : parameters) {
            out.writeUTF(p.name());
            int[] shape = p.shape();
            out.writeInt(shape.length);
            for (int d : shape) {
                out.writeInt(d);
            }
            FloatArrays.write(out, p.values());
        }
    }

    static void read(DataInputStream in, List<Parameter> parameters, Path path) throws IOException {
        int count = in.readInt();
        if (count != parameters.size()) {
            throw new IOException(path + ": expected " + parameters.size() + " network parameters, found " + count);
        }
        for (Parameter p : parameters) {
            String name = in.readUTF();
            int[] shape = Weights.readShape(in, path.toString());
            if (!name.equals(p.name()) || !Arrays.equals(shape, p.shape())) {
                throw new IOException(path + ": expected parameter " + p + ", found " + name
                        + Arrays.toString(shape));
            }
            FloatArrays.readFully(in, p.values());
        }
    }

    /** Refuses a network section of another format than the one this textclf writes. */
    static void checkFormat(int format, int expected, Path path) throws IOException {
        if (format != expected) {
            throw new IOException(path + ": network format " + format + " is not one this textclf reads ("
                    + expected + "); upgrade textclf");
        }
    }

    /** Refuses a model whose parts disagree on the classes or on the width between vectorizer and network. */
    static void checkConsistent(Path path, int classes, int outputs, int vectorizerWidth, int networkWidth,
            String what) throws IOException {
        if (vectorizerWidth != networkWidth || outputs != classes) {
            throw new IOException(path + ": inconsistent model: " + classes + " classes, " + outputs
                    + " network outputs, " + vectorizerWidth + " vectorizer " + what + ", " + networkWidth
                    + " network " + what);
        }
    }

    /**
     * Refuses a network header that describes more parameter values than the {@code bytes} left in its section can
     * hold (four bytes each), before the network is built: a forged size must not allocate gigabytes.
     */
    static void checkRoom(long values, int bytes, Path path) throws IOException {
        if (values > bytes / Float.BYTES) {
            throw new IOException(path + ": impossible network size; expected at most " + bytes / Float.BYTES
                    + " parameter values in the " + bytes + " bytes left in its section, found a header for "
                    + values);
        }
    }

    /** Refuses a count read from a file that is outside {@code [min, max]}, before anything is allocated for it. */
    static int checkCount(int value, int min, int max, String what, Path path) throws IOException {
        if (value < min || value > max) {
            throw new IOException(path + ": impossible " + what + "; expected " + min + ".." + max + ", found "
                    + value);
        }
        return value;
    }
}
