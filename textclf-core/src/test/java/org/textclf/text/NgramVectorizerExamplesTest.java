package org.textclf.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textclf.batch.Example;
import org.textclf.batch.SparseBatch;
import org.textclf.batch.VectorizedExamples;
import org.textclf.data.Labels;
import org.textclf.data.MemorySource;
import org.textclf.data.Sample;
import org.textclf.feed.ExampleSpill;

/**
 * {@link NgramVectorizer#examples}: the rows the fit's second pass spilled, restricted to the selected columns, must
 * be exactly what {@link NgramVectorizer#vectorize} gives each sample, since the training cache is built from them.
 */
class NgramVectorizerExamplesTest {
    @TempDir
    Path temp;

    /** Several classes ("c0".."c{classes-1}"), each preferring its own band of a shared vocabulary. */
    private static MemorySource classes(int classes, int documents, long seed) {
        Random random = new Random(seed);
        List<Sample> samples = new ArrayList<>();
        for (int d = 0; d < documents; d++) {
            int label = random.nextInt(classes);
            StringBuilder text = new StringBuilder();
            for (int t = 0, length = 1 + random.nextInt(25); t < length; t++) {
                int w = random.nextInt(4) == 0 ? random.nextInt(60) : label * 10 + random.nextInt(15);
                text.append(t > 0 ? " " : "").append('w').append(w);
            }
            samples.add(new Sample("c" + label, text.toString(), d + 1));
        }
        return MemorySource.of(samples);
    }

    /** The fit with a spill; checks the spill, then every example against vectorize, bit for bit. */
    private NgramVectorizer fitAndCheckExamples(MemorySource source, NgramConfig config) throws IOException {
        try (ExampleSpill spill = ExampleSpill.create(temp)) {
            NgramVectorizer v = NgramVectorizer.fit(source, null, config, line -> { }, FirstPass.NONE, temp, spill)
                    .orElseThrow();

            assertThat(spill.finished()).as("finished when fit returns").isTrue();
            assertThat(spill.examples()).isEqualTo(source.samples().size());
            List<Sample> samples = source.samples();
            Labels labels = v.labels();
            int[] ids = new int[samples.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = labels.idOf(samples.get(i), source.name());
            }
            SparseBatch expected = v.vectorize(samples, ids);
            VectorizedExamples examples = v.examples(spill);
            for (int pass = 0; pass < 2; pass++) {
                assertSameRows(examples, expected);
            }
            return v;
        }
    }

    private static void assertSameRows(VectorizedExamples examples, SparseBatch expected) throws IOException {
        try (VectorizedExamples.Reader in = examples.open()) {
            for (int r = 0; r < expected.rows(); r++) {
                Example e = in.next();
                assertThat(e).as("example %d", r).isNotNull();
                int from = expected.rowStart()[r];
                int to = expected.rowStart()[r + 1];
                assertThat(e.label()).as("label of row %d", r).isEqualTo(expected.labels()[r]);
                int[] indices = Arrays.copyOfRange(expected.indices(), from, to);
                assertThat(e.indices()).as("indices of row %d", r).containsExactly(indices);
                int[] bits = new int[to - from];
                int[] actualBits = new int[e.values().length];
                for (int j = 0; j < bits.length; j++) {
                    bits[j] = Float.floatToRawIntBits(expected.values()[from + j]);
                }
                for (int j = 0; j < actualBits.length; j++) {
                    actualBits[j] = Float.floatToRawIntBits(e.values()[j]);
                }
                assertThat(actualBits).as("value bits of row %d", r).containsExactly(bits);
            }
            assertThat(in.next()).as("after the last row").isNull();
        }
    }

    @Test
    void examples_defaultConfig_sameRowsAsVectorize() throws IOException {
        MemorySource corpus = RandomCorpus.make(300, 80, 1);

        NgramVectorizer v = fitAndCheckExamples(corpus, NgramConfig.DEFAULT);

        assertThat(v.features()).isEqualTo(v.fitReport().vocabulary()); // every column: topK is above it
        assertThat(v.features()).isGreaterThan(100);
    }

    @Test
    void examples_topKBelowVocabulary_sameRowsAsVectorizeAndNamesOfTheFitWithoutSpill() throws IOException {
        MemorySource corpus = RandomCorpus.make(300, 80, 2);
        NgramConfig config = NgramConfig.builder().topK(40).build();

        NgramVectorizer v = fitAndCheckExamples(corpus, config);

        assertThat(v.featureNames()).hasSize(40)
                .isEqualTo(NgramVectorizer.fit(corpus, null, config, line -> { }).featureNames())
                .isEqualTo(new NaiveNgramTfidf(corpus.samples(), 2, 40).selected);
    }

    @Test
    void examples_tiesAtTheCut_sameRowsAsVectorizeAndScikitLearnsNames() throws IOException {
        MemorySource tie = MemorySource.of("1", "aa bb good", "1", "aa bb good film", "2", "cc dd bad",
                "2", "cc dd bad film", "1", "film");
        // 'bad', 'cc', 'cc dd', 'dd', 'dd bad' share F at the cut (see NgramVectorizerTest)
        NgramVectorizer v = fitAndCheckExamples(tie, NgramConfig.builder().topK(3).build());

        assertThat(v.featureNames()).containsExactly("cc dd", "dd", "dd bad");
        assertThat(v.fitReport().vocabulary()).isGreaterThan(3);
    }

    @Test
    void examples_severalClasses_sameRowsAsVectorizeAndNamesOfTheFitWithoutSpill() throws IOException {
        MemorySource corpus = classes(5, 400, 7);
        NgramConfig config = NgramConfig.builder().topK(60).build();

        NgramVectorizer v = fitAndCheckExamples(corpus, config);

        assertThat(v.labels().size()).isEqualTo(5);
        assertThat(v.featureNames()).hasSize(60)
                .isEqualTo(NgramVectorizer.fit(corpus, null, config, line -> { }).featureNames())
                .isEqualTo(new NaiveNgramTfidf(corpus.samples(), 2, 60).selected);
    }
}
