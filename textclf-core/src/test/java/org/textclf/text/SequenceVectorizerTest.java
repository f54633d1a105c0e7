package org.textclf.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.textclf.batch.SequenceBatch;
import org.textclf.data.BadRecordException;
import org.textclf.data.Labels;
import org.textclf.data.MemorySource;
import org.textclf.data.Sample;

class SequenceVectorizerTest {
    private static final Labels CLASSES = Labels.of(List.of("1", "2"));

    /** the: 4, film: 3, good: 2, bad: 2, a: 1, plot: 1, actors: 1 */
    private static final MemorySource TINY = MemorySource.of(
            "1", "The good film, the good actors",
            "2", "a bad film; bad plot",
            "1", "the film",
            "2", "The");

    private static SequenceVectorizer fit(MemorySource source, SequenceConfig config) throws IOException {
        return SequenceVectorizer.fit(source, CLASSES, config, line -> { });
    }

    private static List<Sample> texts(String... texts) {
        List<Sample> samples = new ArrayList<>();
        for (String t : texts) {
            samples.add(new Sample(null, t, samples.size() + 1));
        }
        return samples;
    }

    @Test
    void fit_tinyCorpus_idsByDescendingCountTiesByWord() throws IOException {
        List<String> log = new ArrayList<>();
        SequenceVectorizer v = SequenceVectorizer.fit(TINY, CLASSES, SequenceConfig.DEFAULTS, log::add);

        assertThat(v.words()).containsExactly("<pad>", "<oov>", "the", "film", "bad", "good", "a", "actors", "plot");
        assertThat(v.vocabulary()).isEqualTo(9);
        assertThat(v.idOf("the")).isEqualTo(2);
        assertThat(v.idOf("plot")).isEqualTo(8);
        assertThat(v.idOf("missing")).isEqualTo(SequenceVectorizer.OUT_OF_VOCABULARY);
        assertThat(v.idOf("The")).as("idOf takes tokenized words").isEqualTo(1);
        assertThat(v.labels()).isEqualTo(CLASSES);
        SequenceFitReport report = v.fitReport();
        assertThat(report.documents()).isEqualTo(4);
        assertThat(report.tokens()).isEqualTo(14);
        assertThat(report.kept()).isEqualTo(7);
        assertThat(report.exact()).isTrue();
        assertThat(log).hasSize(1);
        assertThat(log.get(0)).startsWith("word sequences: 4 documents, 14 tokens, 7 distinct words, kept 7 (exact"
                + " counts), in ");
    }

    @Test
    void fit_maxWords_keepsTheMostFrequentAndMapsOthersToOov() throws IOException {
        SequenceVectorizer v = fit(TINY, SequenceConfig.builder().maxWords(3).build());

        assertThat(v.words()).containsExactly("<pad>", "<oov>", "the", "film", "bad");
        SequenceBatch b = v.vectorize(texts("the good bad film"), new int[] {0});
        assertThat(b.sequence(0)).containsExactly(2, 1, 4, 3);
        assertThat(b.vocabulary()).isEqualTo(5);
    }

    @Test
    void fit_nullLabels_collectsThemInTheSamePass() throws IOException {
        SequenceVectorizer v = SequenceVectorizer.fit(TINY, null, SequenceConfig.DEFAULTS, line -> { });

        assertThat(v.labels()).isEqualTo(CLASSES);
    }

    @Test
    void fit_unknownLabel_failsWithFileAndLine() {
        MemorySource source = MemorySource.of("1", "good", "3", "bad");

        assertThatThrownBy(() -> fit(source, SequenceConfig.DEFAULTS)).isInstanceOf(BadRecordException.class)
                .hasMessageContaining("list.csv:2").hasMessageContaining("unknown label '3'");
    }

    @Test
    void fit_noSamplesOrNoWords_failsSayingWhy() {
        assertThatThrownBy(() -> fit(MemorySource.of(), SequenceConfig.DEFAULTS)).isInstanceOf(IOException.class)
                .hasMessage("list.csv: no samples to fit the sequence vectorizer on");
        assertThatThrownBy(() -> fit(MemorySource.of("1", "...", "2", ""), SequenceConfig.DEFAULTS))
                .hasMessage("list.csv: no words in the 2 documents; expected text with at least one word to build a"
                        + " vocabulary from");
    }

    @Test
    void fit_budgetSmallerThanTheWords_reportsApproximateCounts() throws IOException {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            samples.add(new Sample(i % 2 == 0 ? "1" : "2", "common word" + i + " rare" + i * 7919, i + 1));
        }
        List<String> log = new ArrayList<>();
        SequenceVectorizer v = SequenceVectorizer.fit(MemorySource.of(samples), CLASSES,
                SequenceConfig.builder().countBudgetBytes(16 << 10).maxWords(5).build(), log::add);

        assertThat(v.fitReport().exact()).isFalse();
        assertThat(v.words().get(2)).isEqualTo("common");
        assertThat(log.get(log.size() - 1)).contains("approximate counts: pruned");
    }

    @Test
    void vectorize_batch_paddedToItsLongestRowWithOovInPlace() throws IOException {
        SequenceVectorizer v = fit(TINY, SequenceConfig.DEFAULTS);

        SequenceBatch b = v.vectorize(texts("The GOOD film!", "unknown bad", "", "the"), new int[] {0, 1, -1, 0});

        assertThat(b.width()).isEqualTo(3);
        assertThat(b.lengths()).containsExactly(3, 2, 0, 1);
        assertThat(b.tokens()).containsExactly(2, 5, 3, /* */ 1, 4, 0, /* */ 0, 0, 0, /* */ 2, 0, 0);
        assertThat(b.labels()).containsExactly(0, 1, -1, 0);
        assertThat(b.vocabulary()).isEqualTo(9);
    }

    @Test
    void vectorize_longerThanMaxLength_keepsTheLastTokensAsKerasTruncatingPre() throws IOException {
        SequenceVectorizer v = fit(TINY, SequenceConfig.builder().maxLength(3).build());

        // the=2 film=3 bad=4 good=5 a=6 actors=7 plot=8
        SequenceBatch b = v.vectorize(texts("the film bad good a", "the film bad", "the film bad good a actors",
                "the film bad good a actors plot"), new int[4]);

        assertThat(b.width()).isEqualTo(3);
        assertThat(b.sequence(0)).containsExactly(4, 5, 6);
        assertThat(b.sequence(1)).containsExactly(2, 3, 4);
        assertThat(b.sequence(2)).containsExactly(5, 6, 7);
        assertThat(b.sequence(3)).containsExactly(6, 7, 8);
    }

    @Test
    void vectorize_randomTextsAndLengths_matchesNaiveTokenizeMapAndKeepTheLast() throws IOException {
        Random random = new Random(11);
        String[] pool = {"the", "film", "bad", "good", "a", "plot", "actors", "Unknown", "x-ray", "it's", "!!"};
        for (int maxLength : new int[] {1, 3, 63, 64, 65, 100, 1_000}) {
            SequenceVectorizer v = fit(TINY, SequenceConfig.builder().maxLength(maxLength).build());
            List<Sample> samples = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                StringBuilder text = new StringBuilder();
                for (int w = random.nextInt(i % 4 == 0 ? 300 : 20); w > 0; w--) {
                    text.append(pool[random.nextInt(pool.length)]).append(random.nextBoolean() ? " " : ", ");
                }
                samples.add(new Sample(null, text.toString(), i + 1));
            }

            SequenceBatch b = v.vectorize(samples, new int[samples.size()]);

            int width = 1;
            for (int r = 0; r < samples.size(); r++) {
                List<String> words = SequenceTokenizer.words(samples.get(r).text());
                List<String> kept = words.subList(Math.max(0, words.size() - maxLength), words.size());
                int[] expected = kept.stream().mapToInt(v::idOf).toArray();
                assertThat(b.sequence(r)).as("maxLength %d, row %d", maxLength, r).containsExactly(expected);
                width = Math.max(width, expected.length);
            }
            assertThat(b.width()).isEqualTo(width);
        }
    }

    @Test
    void vectorize_labelCountDiffers_statesBoth() throws IOException {
        SequenceVectorizer v = fit(TINY, SequenceConfig.DEFAULTS);

        assertThatThrownBy(() -> v.vectorize(texts("a", "b"), new int[1]))
                .hasMessage("expected one label per sample, 2, found 1");
    }

    @Test
    void vectorize_concurrentCalls_sameAsOneByOne() throws Exception {
        SequenceVectorizer v = fit(TINY, SequenceConfig.builder().maxLength(4).build());
        List<List<Sample>> batches = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            batches.add(texts("the good film " + "bad ".repeat(i % 7), "a plot " + i, "actors the"));
        }
        List<SequenceBatch> expected = new ArrayList<>();
        for (List<Sample> batch : batches) {
            expected.add(v.vectorize(batch, new int[3]));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<SequenceBatch>> futures = new ArrayList<>();
            for (List<Sample> batch : batches) {
                futures.add(pool.submit(() -> v.vectorize(batch, new int[3])));
            }
            for (int i = 0; i < batches.size(); i++) {
                assertThat(futures.get(i).get()).isEqualTo(expected.get(i));
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void write_thenRead_sameVocabularyConfigReportAndBatches() throws IOException {
        SequenceVectorizer v = fit(MemorySource.of("1", "Café über the film", "2", "the film, the end"),
                SequenceConfig.builder().maxWords(4).maxLength(7).countBudgetBytes(1 << 20).build());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        v.write(new DataOutputStream(bytes));

        SequenceVectorizer back = SequenceVectorizer.read(new DataInputStream(
                new ByteArrayInputStream(bytes.toByteArray())));

        assertThat(back.words()).containsExactlyElementsOf(v.words());
        assertThat(back.config()).isEqualTo(v.config());
        assertThat(back.fitReport()).isEqualTo(v.fitReport());
        assertThat(back.labels()).isNull();
        List<Sample> samples = texts("the café end", "über film unknown the the the the the the the");
        assertThat(back.vectorize(samples, new int[2])).isEqualTo(v.vectorize(samples, new int[2]));
    }

    @Test
    void read_badVersion_failsNamingExpectedAndFound() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(99);
        out.writeInt(20_000);

        assertThatThrownBy(() -> SequenceVectorizer.read(new DataInputStream(
                new ByteArrayInputStream(bytes.toByteArray())))).isInstanceOf(IOException.class)
                .hasMessage("sequence vectorizer: unsupported format version; expected 1, found 99");
    }

    @Test
    void read_wordCountAboveMaxWords_failsNamingExpectedAndFound() throws IOException {
        SequenceVectorizer v = fit(TINY, SequenceConfig.builder().maxWords(3).build());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        v.write(new DataOutputStream(bytes));
        byte[] b = bytes.toByteArray();
        // the word count follows version (4), config (4 + 4 + 8) and report (8 * 4 + 4 + 4 + 8 * 3): offset 84
        b[87] = 9;

        assertThatThrownBy(() -> SequenceVectorizer.read(new DataInputStream(new ByteArrayInputStream(b))))
                .hasMessage("sequence vectorizer: bad word count; expected 1 to maxWords = 3, found 9");
    }
}
