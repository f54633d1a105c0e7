package org.textclf.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textclf.batch.Example;
import org.textclf.batch.VectorizedExamples;
import org.textclf.io.TempFiles;

class ExampleSpillTest {
    @TempDir
    Path temp;

    /** Example i: label i % 3, i % 7 indices from i, values i + j / 8 (exact in float). */
    private static Example numbered(int i) {
        int n = i % 7;
        int[] indices = new int[n];
        float[] values = new float[n];
        for (int j = 0; j < n; j++) {
            indices[j] = i + j;
            values[j] = i + j / 8f;
        }
        return new Example(i % 3, indices, values);
    }

    private static List<Example> readAll(VectorizedExamples examples) throws IOException {
        List<Example> read = new ArrayList<>();
        try (VectorizedExamples.Reader in = examples.open()) {
            for (Example e = in.next(); e != null; e = in.next()) {
                read.add(e);
            }
        }
        return read;
    }

    /** Records compare arrays by identity; this compares their contents. */
    private static void assertSameExamples(List<Example> actual, List<Example> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            Example a = actual.get(i);
            Example e = expected.get(i);
            assertThat(a.label()).as("label of example %d", i).isEqualTo(e.label());
            assertThat(a.indices()).as("indices of example %d", i).containsExactly(e.indices());
            if (e.values() == null) {
                assertThat(a.values()).as("values of example %d", i).isNull();
            } else {
                assertThat(a.values()).as("values of example %d", i).containsExactly(e.values());
            }
        }
    }

    private List<Path> spillFiles() throws IOException {
        try (Stream<Path> files = Files.list(temp)) {
            return files.filter(f -> f.getFileName().toString().startsWith("textclf-spill-")).toList();
        }
    }

    @Test
    void open_finishedSpill_givesTheWrittenExamplesInOrderEveryTime() throws IOException {
        List<Example> written = new ArrayList<>();
        try (ExampleSpill spill = ExampleSpill.create(temp)) {
            for (int i = 0; i < 5000; i++) {
                Example e = numbered(i);
                written.add(e);
                spill.write(e.label(), e.indices(), e.values(), e.indices().length);
            }
            spill.finish();

            assertThat(spill.examples()).isEqualTo(5000);
            assertThat(spill.finished()).isTrue();
            assertSameExamples(readAll(spill), written);
            assertSameExamples(readAll(spill), written);
        }
    }

    @Test
    void write_longerArrays_writesOnlyTheFirstN() throws IOException {
        try (ExampleSpill spill = ExampleSpill.create(temp)) {
            int[] indices = {3, 8, 21, 99, 100};
            float[] values = {0.5f, -1.25f, 7f, 42f, 43f};
            spill.write(2, indices, values, 3);
            spill.write(1, indices, values, 0);
            spill.finish();

            assertSameExamples(readAll(spill), List.of(new Example(2, new int[] {3, 8, 21},
                    new float[] {0.5f, -1.25f, 7f}), new Example(1, new int[0], new float[0])));
        }
    }

    @Test
    void write_reusedArrays_keepsEachExampleAsItWasWritten() throws IOException {
        try (ExampleSpill spill = ExampleSpill.create(temp)) {
            int[] indices = {1, 2};
            float[] values = {1f, 2f};
            spill.write(0, indices, values, 2);
            indices[0] = 5;
            values[0] = 5f;
            spill.write(1, indices, values, 2);
            spill.finish();

            assertSameExamples(readAll(spill), List.of(new Example(0, new int[] {1, 2}, new float[] {1f, 2f}),
                    new Example(1, new int[] {5, 2}, new float[] {5f, 2f})));
        }
    }

    @Test
    void open_tokenSequenceWithoutValues_roundTripsWithNullValues() throws IOException {
        try (ExampleSpill spill = ExampleSpill.create(temp)) {
            spill.write(1, new int[] {4, 4, 9, 0}, null, 4);
            spill.write(0, new int[] {7, 1}, new float[] {0.25f, 0.75f}, 2);
            spill.write(2, new int[] {}, null, 0);
            spill.finish();

            assertSameExamples(readAll(spill), List.of(new Example(1, new int[] {4, 4, 9, 0}, null),
                    new Example(0, new int[] {7, 1}, new float[] {0.25f, 0.75f}), new Example(2, new int[0], null)));
        }
    }

    @Test
    void write_afterFinish_throwsIllegalState() throws IOException {
        try (ExampleSpill spill = ExampleSpill.create(temp)) {
            spill.write(0, new int[] {1}, new float[] {1f}, 1);
            spill.finish();
            spill.finish(); // twice does nothing

            assertThatThrownBy(() -> spill.write(0, new int[] {2}, new float[] {2f}, 1))
                    .isInstanceOf(IllegalStateException.class).hasMessage("the spill was finished: no more writes");
            assertThat(spill.examples()).isEqualTo(1);
            assertThat(readAll(spill)).hasSize(1);
        }
    }

    @Test
    void open_beforeFinish_throwsIllegalState() throws IOException {
        try (ExampleSpill spill = ExampleSpill.create(temp)) {
            spill.write(0, new int[] {1}, new float[] {1f}, 1);

            assertThat(spill.finished()).isFalse();
            assertThatThrownBy(spill::open).isInstanceOf(IllegalStateException.class)
                    .hasMessage("the spill is still being written; finish it first");
        }
    }

    @Test
    void close_finishedSpill_deletesTheFileAndForgetsIt() throws IOException {
        ExampleSpill spill = ExampleSpill.create(temp);
        List<Path> files = spillFiles();
        assertThat(files).hasSize(1);
        assertThat(TempFiles.pending()).contains(files.get(0));
        spill.write(0, new int[] {1}, new float[] {1f}, 1);
        spill.finish();

        spill.close();

        assertThat(files.get(0)).doesNotExist();
        assertThat(TempFiles.pending()).doesNotContain(files.get(0));
        spill.close(); // twice is fine
        assertThat(spill.finished()).isFalse();
        assertThatThrownBy(spill::open).isInstanceOf(IllegalStateException.class).hasMessage("the spill is closed");
        assertThatThrownBy(() -> spill.write(0, new int[] {1}, new float[] {1f}, 1))
                .isInstanceOf(IllegalStateException.class).hasMessage("the spill is closed");
    }

    @Test
    void close_whileWriting_deletesTheFile() throws IOException {
        ExampleSpill spill = ExampleSpill.create(temp);
        spill.write(0, new int[] {1}, new float[] {1f}, 1);
        Path file = spillFiles().get(0);

        spill.close();

        assertThat(temp).isEmptyDirectory();
        assertThat(TempFiles.pending()).doesNotContain(file);
        assertThatThrownBy(spill::open).isInstanceOf(IllegalStateException.class).hasMessage("the spill is closed");
    }
}
