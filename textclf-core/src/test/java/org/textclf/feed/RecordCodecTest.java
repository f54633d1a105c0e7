package org.textclf.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.textclf.batch.Example;
import org.textclf.data.Sample;

/** The bulk codec against the per-byte DataOutputStream format it replaced (cache files of earlier runs). */
class RecordCodecTest {

    /** The format as it was written before RecordOutput: DataOutputStream calls, field by field. */
    private static byte[] naive(List<Example> examples, List<Sample> samples) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        for (Example e : examples) {
            out.writeInt(e.label());
            int n = e.indices().length;
            out.writeInt(e.values() == null ? -n - 1 : n);
            for (int i = 0; i < n; i++) {
                out.writeInt(e.indices()[i]);
            }
            for (int i = 0; e.values() != null && i < n; i++) {
                out.writeFloat(e.values()[i]);
            }
        }
        for (Sample s : samples) {
            out.writeLong(s.line());
            for (String field : new String[] {s.label(), s.text()}) {
                byte[] utf8 = field == null ? null : field.getBytes(StandardCharsets.UTF_8);
                out.writeInt(utf8 == null ? -1 : utf8.length);
                if (utf8 != null) {
                    out.write(utf8);
                }
            }
        }
        out.flush();
        return bytes.toByteArray();
    }

    private static List<Example> examples() {
        SplittableRandom random = new SplittableRandom(3);
        List<Example> examples = new ArrayList<>();
        for (int n : new int[] {0, 1, 2, 7, 100, 5000}) {
            int[] indices = random.ints(n, 0, 1 << 30).toArray();
            float[] values = new float[n];
            for (int i = 0; i < n; i++) {
                values[i] = (float) random.nextGaussian();
            }
            if (n > 2) {
                values[1] = Float.intBitsToFloat(0x7fc00001); // a NaN that writeFloat canonicalizes
                values[2] = -0.0f;
            }
            examples.add(new Example(n % 3, indices, values));
            examples.add(new Example(-1, indices, null));
        }
        return examples;
    }

    private static List<Sample> samples() {
        return List.of(new Sample("pos", "a fine film", 1), new Sample(null, "", 2),
                new Sample("négatif", "x".repeat(70_000) + "é€𝄞", 3_000_000_000L));
    }

    @Test
    void write_examplesAndSamples_byteForByteWhatDataOutputStreamWrote() throws IOException {
        for (int bufferBytes : new int[] {8, 13, 64, 1 << 16}) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (RecordOutput out = new RecordOutput(bytes, bufferBytes)) {
                for (Example e : examples()) {
                    RecordCodec.EXAMPLES.write(out, e);
                }
                for (Sample s : samples()) {
                    RecordCodec.SAMPLES.write(out, s);
                }
            }
            assertThat(bytes.toByteArray()).as("buffer %d", bufferBytes).isEqualTo(naive(examples(), samples()));
        }
    }

    @Test
    void read_naiveBytes_givesTheRecordsThenNullAtTheEnd() throws IOException {
        byte[] bytes = naive(examples(), samples());
        for (int bufferBytes : new int[] {8, 13, 64, 1 << 16}) {
            try (RecordInput in = new RecordInput(new ByteArrayInputStream(bytes), bufferBytes)) {
                for (Example expected : examples()) {
                    Example e = RecordCodec.EXAMPLES.read(in);
                    assertThat(e.label()).isEqualTo(expected.label());
                    assertThat(e.indices()).isEqualTo(expected.indices());
                    if (expected.values() == null) {
                        assertThat(e.values()).isNull();
                    } else {
                        // Compared as bits: NaN payloads canonicalized, -0.0 kept.
                        assertThat(bits(e.values())).isEqualTo(bits(canonical(expected.values())));
                    }
                }
                for (Sample expected : samples()) {
                    assertThat(RecordCodec.SAMPLES.read(in)).isEqualTo(expected);
                }
                assertThat(RecordCodec.SAMPLES.read(in)).isNull();
                assertThat(RecordCodec.EXAMPLES.read(in)).isNull();
            }
        }
    }

    @Test
    void read_fileCutInsideARecord_throwsEofRatherThanEndingQuietly() throws IOException {
        List<Example> five = examples().subList(0, 5);
        byte[] whole = naive(five, List.of());
        List<Integer> boundaries = new ArrayList<>();
        int offset = 0;
        for (Example e : five) {
            offset += 8 + 4 * e.indices().length * (e.values() == null ? 1 : 2);
            boundaries.add(offset);
        }
        for (int cut = 1; cut < whole.length; cut++) {
            int records = 0;
            boolean eof = false;
            try (RecordInput in = new RecordInput(new ByteArrayInputStream(Arrays.copyOf(whole, cut)), 16)) {
                while (RecordCodec.EXAMPLES.read(in) != null) {
                    records++;
                }
            } catch (EOFException e) {
                eof = true;
            }
            boolean onBoundary = boundaries.contains(cut);
            assertThat(eof).as("cut at %d of %d", cut, whole.length).isEqualTo(!onBoundary);
            if (onBoundary) {
                assertThat(records).isEqualTo(boundaries.indexOf(cut) + 1);
            }
        }
    }

    @Test
    void recordBuffers_underEightBytes_stateTheRule() {
        assertThatThrownBy(() -> new RecordOutput(new ByteArrayOutputStream(), 7))
                .hasMessage("bufferBytes must be at least 8, found 7");
        assertThatThrownBy(() -> new RecordInput(new ByteArrayInputStream(new byte[0]), 4))
                .hasMessage("bufferBytes must be at least 8, found 4");
    }

    private static int[] bits(float[] values) {
        int[] bits = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Float.floatToRawIntBits(values[i]);
        }
        return bits;
    }

    private static float[] canonical(float[] values) {
        float[] out = values.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] = Float.intBitsToFloat(Float.floatToIntBits(out[i]));
        }
        return out;
    }
}
