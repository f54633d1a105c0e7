package org.textclf.text;

import org.textclf.data.MemorySource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.textclf.batch.SparseBatch;
import org.textclf.data.Labels;
import org.textclf.data.Sample;

/** The streaming, hashed vectorizer against {@link NaiveNgramTfidf} on random corpora. */
class NgramVectorizerReferenceTest {

    @ParameterizedTest(name = "seed {0}, sublinear tf {1}, {2}")
    @CsvSource({"1, false, GUIDE", "2, false, GUIDE", "3, false, GUIDE", "1, true, GUIDE", "2, true, GUIDE",
        "1, false, WORDS_AND_SYMBOLS", "2, true, WORDS_AND_SYMBOLS", "3, true, WORDS_AND_SYMBOLS"})
    void fit_randomCorpus_sameFeaturesAndValuesAsNaiveReference(long seed, boolean sublinear, TokenPattern pattern)
            throws IOException {
        MemorySource corpus = RandomCorpus.make(300, 80, seed, true);
        int k = 40;
        NaiveNgramTfidf naive = new NaiveNgramTfidf(corpus.samples(), 2, k, sublinear, pattern);

        NgramVectorizer v = NgramVectorizer.fit(corpus, Labels.of(List.of("1", "2")),
                NgramConfig.builder().topK(k).sublinearTf(sublinear).tokenPattern(pattern).build(), line -> { });

        assertThat(v.fitReport().vocabulary()).isEqualTo(naive.vocabulary.size());
        assertThat(v.featureNames()).isEqualTo(naive.selected);
        double lowest = naive.selected.stream().mapToDouble(naive.f::get).min().orElseThrow();
        assertThat(v.fitReport().lowestSelectedScore()).isCloseTo(lowest, within(1e-9 * lowest));
        for (int c = 0; c < k; c++) {
            assertThat(v.idf(c)).isEqualTo(naive.idf.get(naive.selected.get(c)));
        }
        List<Sample> samples = corpus.samples();
        SparseBatch batch = v.vectorize(samples, new int[samples.size()]);
        for (int r = 0; r < samples.size(); r++) {
            Map<String, Float> expected = naive.row(samples.get(r).text());
            int expectedNonzeros = 0;
            for (String g : naive.selected) {
                expectedNonzeros += expected.containsKey(g) ? 1 : 0;
            }
            assertThat(batch.rowStart()[r + 1] - batch.rowStart()[r]).as("nonzeros of row %d", r)
                    .isEqualTo(expectedNonzeros);
            for (int j = batch.rowStart()[r]; j < batch.rowStart()[r + 1]; j++) {
                String g = naive.selected.get(batch.indices()[j]);
                assertThat(batch.values()[j]).as("row %d %s", r, g).isCloseTo(expected.get(g), within(1e-6f));
            }
        }
    }
}
