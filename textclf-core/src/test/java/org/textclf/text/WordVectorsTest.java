package org.textclf.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textclf.data.Labels;
import org.textclf.data.MemorySource;

class WordVectorsTest {
    /** Ids: the=2, film=3, bad=4, good=5 */
    private static SequenceVectorizer vocabulary;

    @TempDir
    Path dir;

    @BeforeAll
    static void fitVocabulary() throws IOException {
        vocabulary = SequenceVectorizer.fit(MemorySource.of("1", "the the the film film bad good", "2", "the film bad"),
                Labels.of(List.of("1", "2")), SequenceConfig.DEFAULTS, line -> { });
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private static float[] row(WordVectors v, int id) {
        return Arrays.copyOfRange(v.matrix(), id * v.dim(), (id + 1) * v.dim());
    }

    @Test
    void read_fastTextWithHeaderAndTrailingSpaces_copiesFoundRowsAndReportsCoverage() throws IOException {
        Path file = write("v.vec", "4 3\nthe 0.1 0.2 0.3 \nmovie 1 1 1 \ngood -0.5 0.25 1e-2 \n, 9 9 9 \n");
        List<String> log = new ArrayList<>();

        WordVectors v = WordVectors.read(file, vocabulary, 42, log::add);

        assertThat(v.dim()).isEqualTo(3);
        assertThat(v.rows()).isEqualTo(6);
        assertThat(v.found()).isEqualTo(2);
        assertThat(row(v, 2)).containsExactly(0.1f, 0.2f, 0.3f);
        assertThat(row(v, 5)).containsExactly(-0.5f, 0.25f, 0.01f);
        assertThat(row(v, 0)).containsOnly(0f);
        for (int id : new int[] {1, 3, 4}) {
            for (float x : row(v, id)) {
                assertThat(x).isBetween(-0.05f, 0.05f).isNotZero();
            }
        }
        assertThat(log).containsExactly("embeddings: 2 of 4 words found (50.0%), dim 3, from " + file);
    }

    @Test
    void read_sameSeed_sameMatrixOtherSeedOtherRandomRows() throws IOException {
        Path file = write("v.txt", "the 0.1 0.2\n");

        float[] a = WordVectors.read(file, vocabulary, 1, line -> { }).matrix();
        float[] b = WordVectors.read(file, vocabulary, 1, line -> { }).matrix();
        float[] c = WordVectors.read(file, vocabulary, 2, line -> { }).matrix();

        assertThat(a).containsExactly(b);
        assertThat(Arrays.copyOfRange(c, 4, 6)).containsExactly(0.1f, 0.2f);
        assertThat(Arrays.copyOfRange(c, 2, 4)).isNotEqualTo(Arrays.copyOfRange(a, 2, 4));
    }

    @Test
    void read_gloveWithoutHeader_dimensionFromTheFirstLine() throws IOException {
        Path file = write("glove.txt", "film 1 2 3 4\nbad 5 6 7 8\nunknown 0 0 0 0\n\n");

        WordVectors v = WordVectors.read(file, vocabulary, 42, line -> { });

        assertThat(v.dim()).isEqualTo(4);
        assertThat(v.found()).isEqualTo(2);
        assertThat(row(v, 3)).containsExactly(1f, 2f, 3f, 4f);
        assertThat(row(v, 4)).containsExactly(5f, 6f, 7f, 8f);
    }

    @Test
    void read_gzippedWhateverTheName_readsByMagicBytes() throws IOException {
        Path file = dir.resolve("vectors.txt");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write("2 2\nthe 0.5 0.5\ngood 1.5 -1.5\n".getBytes(StandardCharsets.UTF_8));
        }

        WordVectors v = WordVectors.read(file, vocabulary, 42, line -> { });

        assertThat(v.found()).isEqualTo(2);
        assertThat(row(v, 5)).containsExactly(1.5f, -1.5f);
    }

    @Test
    void read_byteOrderMark_isSkippedBeforeTheHeader() throws IOException {
        Path file = write("bom.vec", "\uFEFF1 2\nthe 0.5 0.5\n");

        WordVectors v = WordVectors.read(file, vocabulary, 42, line -> { });

        assertThat(v.found()).isEqualTo(1);
        assertThat(row(v, 2)).containsExactly(0.5f, 0.5f);
    }

    @Test
    void read_byteOrderMarkInGlove_firstWordStillFound() throws IOException {
        Path file = write("bom.txt", "\uFEFFthe 0.5 0.5\n");

        assertThat(WordVectors.read(file, vocabulary, 42, line -> { }).found()).isEqualTo(1);
    }

    @Test
    void read_wordTwice_firstVectorWinsAndTheLogSaysSo() throws IOException {
        Path file = write("twice.txt", "the 1 1\nbad 2 2\nthe 3 3\n");
        List<String> log = new ArrayList<>();

        WordVectors v = WordVectors.read(file, vocabulary, 42, log::add);

        assertThat(row(v, 2)).containsExactly(1f, 1f);
        assertThat(v.found()).isEqualTo(2);
        assertThat(log).containsExactly("embeddings: 1 vocabulary words appear more than once (first at " + file
                + ":3: 'the'); kept the first vector of each",
                "embeddings: 2 of 4 words found (50.0%), dim 2, from " + file);
    }

    @Test
    void read_wrongNumberOfValues_failsWithFileLineExpectedAndFound() throws IOException {
        Path vec = write("short.vec", "3 3\nthe 1 2 3\nfilm 1 2\nbad 1 2 3\n");
        Path glove = write("long.txt", "the 1 2 3\nzebra 1 2 3 4\n");

        assertThatThrownBy(() -> WordVectors.read(vec, vocabulary, 42, line -> { })).isInstanceOf(IOException.class)
                .hasMessage(vec + ":3: wrong number of values for 'film'; expected 3, found 2");
        assertThatThrownBy(() -> WordVectors.read(glove, vocabulary, 42, line -> { }))
                .hasMessage(glove + ":2: wrong number of values for 'zebra'; expected 3, found 4");
    }

    @Test
    void read_notANumber_failsWithFileLineExpectedAndFound() throws IOException {
        Path vec = write("nan.vec", "2 2\nthe 1 2\ngood 0.5 abc\n");
        Path glove = write("nan.txt", "the 1 NaN\n");

        assertThatThrownBy(() -> WordVectors.read(vec, vocabulary, 42, line -> { }))
                .hasMessage(vec + ":3: value 2 of 'good' is not a finite number; expected a decimal such as -0.0123,"
                        + " found 'abc'");
        assertThatThrownBy(() -> WordVectors.read(glove, vocabulary, 42, line -> { }))
                .hasMessage(glove + ":1: value 2 of 'the' is not a finite number; expected a decimal such as"
                        + " -0.0123, found 'NaN'");
    }

    @Test
    void read_headerDisagreesWithTheFile_failsNamingTheHeader() throws IOException {
        Path dim = write("dim.vec", "2 3\nthe 1 2\nfilm 1 2\n");
        Path count = write("count.vec", "3 2\nthe 1 2\nfilm 1 2\n");
        Path zero = write("zero.vec", "3 0\nthe 1 2\n");

        assertThatThrownBy(() -> WordVectors.read(dim, vocabulary, 42, line -> { }))
                .hasMessage(dim + ":2: vector length disagrees with the header; expected 3 values as line 1 says,"
                        + " found 2");
        assertThatThrownBy(() -> WordVectors.read(count, vocabulary, 42, line -> { }))
                .hasMessage(count + ":1: the header's word count disagrees with the file; expected 3 vector lines as"
                        + " the header says, found 2 (is the file truncated?)");
        assertThatThrownBy(() -> WordVectors.read(zero, vocabulary, 42, line -> { }))
                .hasMessage(zero + ":1: bad dimension in the header; expected \"count dim\" with dim at least 1,"
                        + " found \"3 0\"");
    }

    @Test
    void read_noVectors_failsSayingWhatWasFound() throws IOException {
        Path empty = write("empty.txt", "");
        Path header = write("header.vec", "10 100\n");
        Path bare = write("bare.txt", "the\n");

        assertThatThrownBy(() -> WordVectors.read(empty, vocabulary, 42, line -> { }))
                .hasMessage(empty + ":1: no word vectors; expected lines of a word and its values, found an empty"
                        + " file");
        assertThatThrownBy(() -> WordVectors.read(header, vocabulary, 42, line -> { }))
                .hasMessage(header + ":2: no word vectors; expected lines of a word and its values, found only a"
                        + " header");
        assertThatThrownBy(() -> WordVectors.read(bare, vocabulary, 42, line -> { }))
                .hasMessage(bare + ":1: no values after the word; expected a word and its vector, found \"the\"");
    }
}
