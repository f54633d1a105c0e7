package org.textclf.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GradientsTest {

    private static final int ROWS = 10;
    private static final int WIDTH = 3;

    private static List<Parameter> parameters() {
        return List.of(new Parameter("dense_1/kernel", new int[] {ROWS, WIDTH}),
                new Parameter("dense_1/bias", new int[] {WIDTH}));
    }

    /** Gradients touching {@code rows} (ascending), each value drawn from the seed, and a bias gradient. */
    private static Gradients gradients(long seed, int... rows) {
        Gradients g = Gradients.of(parameters(), 0);
        float[] values = g.setRows(0, rows, rows.length);
        float[] random = TestBatches.randomFloats(rows.length * WIDTH, 1, seed);
        System.arraycopy(random, 0, values, 0, random.length);
        System.arraycopy(TestBatches.randomFloats(WIDTH, 1, seed + 100), 0, g.values(1), 0, WIDTH);
        g.setMetrics(new BatchMetrics(seed, 1, rows.length + 1));
        return g;
    }

    private static float[] plus(float[] a, float[] b) {
        float[] sum = new float[a.length];
        for (int j = 0; j < a.length; j++) {
            sum[j] = a[j] + b[j];
        }
        return sum;
    }

    @Test
    void add_overlappingRows_unionAscendingWithValuesAndMetricsSummed() {
        Gradients a = gradients(1, 1, 4, 7);
        Gradients b = gradients(2, 0, 4, 9);
        float[] expectedKernel = plus(a.toDense(0), b.toDense(0));
        float[] expectedBias = plus(a.toDense(1), b.toDense(1));

        assertThat(a.add(b)).isSameAs(a);
        assertThat(Arrays.copyOf(a.rows(0), a.rowCount(0))).containsExactly(0, 1, 4, 7, 9);
        assertThat(a.toDense(0)).containsExactly(expectedKernel);
        assertThat(a.toDense(1)).containsExactly(expectedBias);
        assertThat(a.metrics()).isEqualTo(new BatchMetrics(3, 2, 8));
        assertThat(Arrays.copyOf(b.rows(0), b.rowCount(0))).as("the other is unchanged").containsExactly(0, 4, 9);
    }

    @Test
    void add_randomRowSetsWithAndWithoutRoom_matchesTheDenseSum() {
        SplittableRandom random = new SplittableRandom(3);
        for (int trial = 0; trial < 200; trial++) {
            Gradients a = gradients(trial, randomRows(random));
            if (trial % 2 == 0) { // room for every row already: the merge runs in place
                a.setRows(0, GradientCheck.all(ROWS), ROWS);
                a = gradients(trial, randomRows(random));
                Gradients roomy = Gradients.of(parameters(), 0);
                roomy.setRows(0, GradientCheck.all(ROWS), ROWS);
                int[] rows = Arrays.copyOf(a.rows(0), a.rowCount(0));
                float[] values = roomy.setRows(0, rows, rows.length);
                System.arraycopy(a.values(0), 0, values, 0, rows.length * WIDTH);
                a = roomy;
            }
            Gradients b = gradients(trial + 1000, randomRows(random));
            float[] expected = plus(a.toDense(0), b.toDense(0));
            a.add(b);
            assertThat(a.toDense(0)).as("trial %d", trial).containsExactly(expected);
            int[] rows = Arrays.copyOf(a.rows(0), a.rowCount(0));
            assertThat(rows).isSorted().doesNotHaveDuplicates();
            for (int row = 0; row < ROWS; row++) {
                boolean touched = Arrays.binarySearch(rows, row) >= 0;
                boolean inEither = expected[row * WIDTH] != 0 || expected[row * WIDTH + 1] != 0;
                assertThat(touched || !inEither).isTrue();
            }
        }
    }

    private static int[] randomRows(SplittableRandom random) {
        return random.ints(random.nextInt(ROWS + 1), 0, ROWS).distinct().sorted().toArray();
    }

    @Test
    void add_itself_doublesTheValuesAndTheMetrics() {
        Gradients a = gradients(5, 2, 3);
        float[] doubled = plus(a.toDense(0), a.toDense(0));
        a.add(a);
        assertThat(a.toDense(0)).containsExactly(doubled);
        assertThat(a.rowCount(0)).isEqualTo(2);
        assertThat(a.metrics().count()).isEqualTo(6);
    }

    @Test
    void add_otherShapesOrKinds_throwsNamingBoth() {
        Gradients a = gradients(1, 1);
        Gradients wider = Gradients.of(List.of(new Parameter("dense_1/kernel", new int[] {ROWS, WIDTH + 1}),
                new Parameter("dense_1/bias", new int[] {WIDTH})), 0);
        assertThatThrownBy(() -> a.add(wider)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("add: gradient 0 differs; expected dense_1/kernel[10, 3], found dense_1/kernel[10, 4]");
        assertThatThrownBy(() -> a.add(Gradients.of(parameters())))
                .hasMessage("add: gradient 0 (dense_1/kernel) is row-sparse here and dense in the other; add "
                        + "gradients of the same kind of network");
        assertThatThrownBy(() -> a.add(Gradients.of(parameters().subList(0, 1), 0)))
                .hasMessage("add: the gradients are for different parameters; expected 2 [dense_1/kernel, "
                        + "dense_1/bias], found 1 [dense_1/kernel]");
    }

    @Test
    void scale_touchedRowsAndDense_multipliesValuesKeepsMetrics() {
        Gradients a = gradients(7, 0, 5);
        float[] kernel = a.toDense(0);
        float[] bias = a.toDense(1);
        BatchMetrics metrics = a.metrics();
        a.scale(0.25f);
        for (int j = 0; j < kernel.length; j++) {
            assertThat(a.toDense(0)[j]).isEqualTo(kernel[j] * 0.25f);
        }
        assertThat(a.toDense(1)[2]).isEqualTo(bias[2] * 0.25f);
        assertThat(a.metrics()).isEqualTo(metrics);
    }

    @Test
    void accessors_byNameAndIndex_describeTheParameters() {
        Gradients a = gradients(1, 3, 8);
        assertThat(a.parameterCount()).isEqualTo(2);
        assertThat(a.indexOf("dense_1/bias")).isEqualTo(1);
        assertThat(a.name(0)).isEqualTo("dense_1/kernel");
        assertThat(a.shape(0)).containsExactly(ROWS, WIDTH);
        assertThat(a.isRowSparse(0)).isTrue();
        assertThat(a.isRowSparse(1)).isFalse();
        assertThat(a.toDense(0)).hasSize(ROWS * WIDTH);
        assertThat(Arrays.copyOfRange(a.toDense(0), 0, 3 * WIDTH)).containsOnly(0f);
        assertThat(Arrays.copyOfRange(a.toDense(0), 3 * WIDTH, 4 * WIDTH))
                .containsExactly(Arrays.copyOf(a.values(0), WIDTH));
        assertThat(a).hasToString("Gradients[dense_1/kernel[10, 3] (2 rows), dense_1/bias[3]; 3 examples]");
        assertThatThrownBy(() -> a.indexOf("dense_2/kernel"))
                .hasMessage("no gradient for parameter dense_2/kernel; available: [dense_1/kernel, dense_1/bias]");
        assertThatThrownBy(() -> a.rows(1))
                .hasMessage("dense_1/bias has a dense gradient; rows are listed for row-sparse gradients only");
    }

    @Test
    void copy_laterChangesToTheOriginal_leaveTheCopy() {
        Gradients a = gradients(1, 3, 8);
        Gradients copy = a.copy();
        float[] kernel = a.toDense(0);
        a.add(gradients(2, 1)).scale(3f);
        assertThat(copy.toDense(0)).containsExactly(kernel);
        assertThat(copy.rowCount(0)).isEqualTo(2);
    }

    @Test
    void writeThenRead_anyGradients_giveTheSameRowsValuesAndMetrics() throws IOException {
        Gradients a = gradients(4, 0, 2, 9);
        Gradients back = Gradients.read(new DataInputStream(new ByteArrayInputStream(bytes(a))));
        assertThat(back.parameterCount()).isEqualTo(2);
        for (int i = 0; i < 2; i++) {
            assertThat(back.name(i)).isEqualTo(a.name(i));
            assertThat(back.shape(i)).isEqualTo(a.shape(i));
            assertThat(back.isRowSparse(i)).isEqualTo(a.isRowSparse(i));
            assertThat(back.toDense(i)).containsExactly(a.toDense(i));
        }
        assertThat(Arrays.copyOf(back.rows(0), back.rowCount(0))).containsExactly(0, 2, 9);
        assertThat(back.metrics()).isEqualTo(a.metrics());
        Gradients empty = Gradients.of(parameters(), 0);
        assertThat(Gradients.read(new DataInputStream(new ByteArrayInputStream(bytes(empty)))).rowCount(0)).isZero();
    }

    private static byte[] bytes(Gradients g) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        g.write(new DataOutputStream(out));
        return out.toByteArray();
    }

    /** The bytes of {@code gradients(4, 0, 2, 9)} with one int32 replaced at {@code offset}. */
    private static DataInputStream corrupted(int offset, int value) throws IOException {
        byte[] b = bytes(gradients(4, 0, 2, 9));
        b[offset] = (byte) (value >>> 24);
        b[offset + 1] = (byte) (value >>> 16);
        b[offset + 2] = (byte) (value >>> 8);
        b[offset + 3] = (byte) value;
        return new DataInputStream(new ByteArrayInputStream(b));
    }

    @Test
    void read_malformedInput_throwsSayingWhatIsImpossible() throws IOException {
        // Layout: magic 0, version 4, count 8, name 12 (2 + 14 bytes), rank 28, dims 32 and 36, kind 40, rows 41.
        assertRead(corrupted(0, 0x12345678), "gradients: not a gradients record; expected magic 0x54434752, "
                + "found 0x12345678");
        assertRead(corrupted(4, 2), "gradients: unsupported version; expected 1, found 2");
        assertRead(corrupted(8, -1), "gradients: impossible parameter count; expected 0..65536, found -1");
        assertRead(corrupted(8, 1 << 20), "gradients: impossible parameter count; expected 0..65536, found 1048576");
        assertRead(corrupted(28, 9), "gradients: dense_1/kernel: impossible rank; expected 0..8, found 9");
        assertRead(corrupted(32, -10), "gradients: dense_1/kernel: impossible shape; expected dimensions >= 0 and "
                + "at most 2147483639 values, found [-10, 3]");
        assertRead(corrupted(41, 11), "gradients: dense_1/kernel: impossible row count; expected 0..10, found 11");
        assertRead(corrupted(41, -1), "gradients: dense_1/kernel: impossible row count; expected 0..10, found -1");
        assertRead(corrupted(49, 0), "gradients: dense_1/kernel: rows must ascend within [0, 10); found 0 at "
                + "position 1, after 0");
        assertRead(corrupted(53, 10), "gradients: dense_1/kernel: rows must ascend within [0, 10); found 10 at "
                + "position 2, after 2");
        byte[] b = bytes(gradients(4, 0, 2, 9));
        b[40] = 7;
        assertRead(new DataInputStream(new ByteArrayInputStream(b)), "gradients: dense_1/kernel: unknown kind; "
                + "expected 0 (dense) or 1 (row-sparse), found 7");
        int metrics = b.length - 16;
        assertRead(corrupted(metrics + 4, 5), "gradients: impossible metrics; expected 0 <= correct <= count, found "
                + "correct 5 and count 4");
        byte[] truncated = Arrays.copyOf(bytes(gradients(4, 0, 2, 9)), 60);
        assertThatThrownBy(() -> Gradients.read(new DataInputStream(new ByteArrayInputStream(truncated))))
                .isInstanceOf(EOFException.class);
    }

    @Test
    void read_sameNameTwice_throws() throws IOException {
        Gradients twice = Gradients.of(List.of(new Parameter("w", new int[] {2}), new Parameter("w", new int[] {2})));
        assertRead(new DataInputStream(new ByteArrayInputStream(bytes(twice))),
                "gradients: parameter w appears twice");
    }

    private static void assertRead(DataInputStream in, String message) {
        assertThatThrownBy(() -> Gradients.read(in)).isInstanceOf(IOException.class).hasMessage(message);
    }

    @Test
    void update_rowSparseAndDense_callTheMatchingOptimizerMethodWithTheGradientInTheValuesLayout() {
        Gradients a = gradients(1, 2, 3, 4, 8);
        StringBuilder calls = new StringBuilder();
        float[][] seen = new float[1][];
        Optimizer recorder = new Optimizer() {
            @Override
            public void beginStep() {
            }

            @Override
            public long iterations() {
                return 0;
            }

            @Override
            public void updateDense(Parameter p, float[] gradient) {
                calls.append("dense ").append(p.name()).append(';');
            }

            @Override
            public void updateRows(Parameter p, float[] gradient, int[] rows, int from, int to) {
                calls.append("rows ").append(p.name()).append(' ').append(Arrays.toString(Arrays.copyOfRange(rows,
                        from, to))).append(';');
                seen[0] = gradient.clone();
            }
        };
        List<Parameter> parameters = parameters();
        float[] scratch = new float[ROWS * WIDTH];
        Arrays.fill(scratch, Float.NaN);
        a.update(0, parameters.get(0), recorder, scratch);
        a.update(1, parameters.get(1), recorder, null);
        assertThat(calls).hasToString("rows dense_1/kernel [2, 3, 4, 8];dense dense_1/bias;");
        float[] dense = a.toDense(0);
        for (int row : new int[] {2, 3, 4, 8}) {
            assertThat(Arrays.copyOfRange(seen[0], row * WIDTH, (row + 1) * WIDTH))
                    .containsExactly(Arrays.copyOfRange(dense, row * WIDTH, (row + 1) * WIDTH));
        }
    }
}
