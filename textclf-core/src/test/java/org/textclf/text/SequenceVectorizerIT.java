package org.textclf.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.textclf.batch.SequenceBatch;
import org.textclf.data.Labels;
import org.textclf.data.Sample;
import org.textclf.data.SampleReader;
import org.textclf.data.SampleSource;
import org.textclf.data.SourceOptions;
import org.textclf.data.Sources;

/** The sequence vectorizer and word vectors on SST-2 train (67,349 sentences) and the shared embeddings. */
class SequenceVectorizerIT {
    private static final int REPS = 3;

    private static SampleSource sst2Train() throws IOException {
        return Sources.open(NgramVectorizerIT.data("sst2/train.csv.gz"), SourceOptions.DEFAULTS);
    }

    @Test
    void fit_sst2Train_sensibleExactVocabulary() throws IOException {
        SampleSource source = sst2Train();
        List<String> log = new ArrayList<>();
        SequenceVectorizer v = null;
        long bestMillis = Long.MAX_VALUE;
        for (int rep = 0; rep < REPS; rep++) {
            log.clear();
            v = SequenceVectorizer.fit(source, null, SequenceConfig.DEFAULTS, log::add);
            bestMillis = Math.min(bestMillis, v.fitReport().fitMillis());
        }
        log.forEach(System.out::println);
        SequenceFitReport report = v.fitReport();
        System.out.printf("fit: best of %d = %,d ms wall (one pass, read ahead); vocabulary %,d ids%n", REPS,
                bestMillis, v.vocabulary());

        assertThat(report.documents()).isEqualTo(67_349);
        assertThat(report.exact()).isTrue();
        assertThat(v.labels()).isEqualTo(Labels.of(List.of("1", "2")));
        // SST-2 has fewer distinct words than maxWords: all are kept
        assertThat(report.distinctWordsAtLeast()).isBetween(10_000L, 20_000L);
        assertThat(report.kept()).isEqualTo((int) report.distinctWordsAtLeast());
        assertThat(v.words().subList(2, 12)).contains("the", "a", "and", "of", "to");
        assertThat(v.words()).doesNotContain(",", ".", "");
        assertThat(v.idOf("good")).isBetween(2, 100);
        assertThat(v.idOf("film")).isBetween(2, 100);
        // SST-2 is tokenized already ("it 's"): the clitic is a word of its own, kept whole ("'" is no filter)
        assertThat(v.idOf("'s")).isBetween(2, 100);
        System.out.println("most frequent: " + v.words().subList(2, 22));

        long[] counted = transform(source, v);
        System.out.printf("transform: %,d documents, %,d tokens, %.2f%% out of vocabulary, in %,d ms CPU (best of"
                + " %d, one thread)%n", counted[0], counted[1], 100.0 * counted[2] / counted[1], counted[3] / 1_000_000,
                REPS);
        assertThat(counted[0]).isEqualTo(67_349);
        assertThat(counted[2]).as("every training word is in the vocabulary").isZero();
    }

    /** {documents, tokens, out-of-vocabulary tokens, best CPU nanos of the vectorize calls}. */
    private static long[] transform(SampleSource source, SequenceVectorizer v) throws IOException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long best = Long.MAX_VALUE;
        long[] counts = new long[3];
        for (int rep = 0; rep < REPS; rep++) {
            counts = new long[3];
            long cpu = 0;
            try (SampleReader reader = source.open()) {
                List<Sample> batch = new ArrayList<>();
                for (Sample s = reader.next(); ; s = reader.next()) {
                    if (s != null) {
                        batch.add(s);
                    }
                    if (batch.size() == 128 || (s == null && !batch.isEmpty())) {
                        long t = threads.getCurrentThreadCpuTime();
                        SequenceBatch b = v.vectorize(batch, new int[batch.size()]);
                        cpu += threads.getCurrentThreadCpuTime() - t;
                        counts[0] += b.rows();
                        for (int r = 0; r < b.rows(); r++) {
                            counts[1] += b.lengths()[r];
                            for (int k = 0; k < b.lengths()[r]; k++) {
                                counts[2] += b.tokens()[r * b.width() + k] == SequenceVectorizer.OUT_OF_VOCABULARY
                                        ? 1 : 0;
                            }
                        }
                        batch.clear();
                    }
                    if (s == null) {
                        break;
                    }
                }
            }
            best = Math.min(best, cpu);
        }
        return new long[] {counts[0], counts[1], counts[2], best};
    }

    @Test
    void fit_budgetSmallerThanTheDistinctWords_worksAndSaysItIsApproximate() throws IOException {
        SampleSource source = sst2Train();
        Map<String, Long> exactCounts = new HashMap<>();
        try (SampleReader reader = source.open()) {
            for (Sample s = reader.next(); s != null; s = reader.next()) {
                for (String w : SequenceTokenizer.words(s.text())) {
                    exactCounts.merge(w, 1L, Long::sum);
                }
            }
        }
        SequenceVectorizer exact = SequenceVectorizer.fit(source, null, SequenceConfig.DEFAULTS, line -> { });
        List<String> log = new ArrayList<>();
        // 256 KiB: exact counting needs about 1.2 MiB by WordCounts' estimate (a 32k-slot table, 13.8k Strings)
        SequenceConfig small = SequenceConfig.builder().countBudgetBytes(256 << 10).build();

        SequenceVectorizer approximate = SequenceVectorizer.fit(source, null, small, log::add);

        log.forEach(System.out::println);
        assertThat(log).hasSize(2);
        SequenceFitReport report = approximate.fitReport();
        assertThat(report.exact()).isFalse();
        assertThat(exact.fitReport().distinctWordsAtLeast()).isEqualTo(exactCounts.size());
        assertThat(report.distinctWordsAtLeast()).isLessThan(exactCounts.size());
        assertThat(report.distinctWordsAtMost()).isGreaterThanOrEqualTo(exactCounts.size());
        assertThat(log.get(log.size() - 1)).contains("approximate counts: pruned");
        // lossy counting's guarantee: a word occurring more often than the undercount bound is never lost
        Set<String> kept = new HashSet<>(approximate.words());
        long sure = 0;
        for (Map.Entry<String, Long> e : exactCounts.entrySet()) {
            if (e.getValue() > report.maxCountUndercount()) {
                sure++;
                assertThat(kept).as("'%s', counted %d times", e.getKey(), e.getValue()).contains(e.getKey());
            }
        }
        assertThat(approximate.words().subList(2, 22)).containsExactlyElementsOf(exact.words().subList(2, 22));
        Set<String> exactTop = new HashSet<>(exact.words().subList(2, 1_002));
        long common = approximate.words().subList(2, 1_002).stream().filter(exactTop::contains).count();
        System.out.printf("budget 256 KiB: kept %,d words, all %,d that occur more than %,d times among them; %,d of"
                + " the exact top 1,000 in the approximate top 1,000%n", report.kept(), sure,
                report.maxCountUndercount(), common);
    }

    @Test
    void read_sharedEmbeddingsForSst2Vocabulary_reportsCoverage() throws IOException {
        SequenceVectorizer v = SequenceVectorizer.fit(sst2Train(), null, SequenceConfig.DEFAULTS, line -> { });
        Path file = NgramVectorizerIT.data("embeddings/imdb-sst2-skipgram-100d.vec.gz");
        List<String> log = new ArrayList<>();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        WordVectors vectors = null;
        long best = Long.MAX_VALUE;
        for (int rep = 0; rep < REPS; rep++) {
            log.clear();
            long cpu = threads.getCurrentThreadCpuTime();
            vectors = WordVectors.read(file, v, 42, log::add);
            best = Math.min(best, threads.getCurrentThreadCpuTime() - cpu);
        }
        log.forEach(System.out::println);
        System.out.printf("read in %,d ms CPU (best of %d)%n", best / 1_000_000, REPS);
        List<String> missing = new ArrayList<>();
        for (int id = SequenceVectorizer.FIRST_WORD; id < v.vocabulary() && missing.size() < 20; id++) {
            if (isRandomRow(vectors, id)) {
                missing.add(v.words().get(id));
            }
        }
        System.out.println("most frequent words without a vector: " + missing);
        assertThat(vectors.dim()).isEqualTo(100);
        assertThat(vectors.rows()).isEqualTo(v.vocabulary());
        // the vectors were trained on SST-2 train with minCount 5, so most words, and all frequent ones, have one
        assertThat(vectors.found()).isGreaterThan((v.vocabulary() - 2) / 2);
        assertThat(isRandomRow(vectors, v.idOf("the"))).isFalse();
        assertThat(isRandomRow(vectors, v.idOf("good"))).isFalse();
    }

    /** Whether a row holds only values of the random init range, which trained vectors rarely do. */
    private static boolean isRandomRow(WordVectors vectors, int id) {
        float[] m = vectors.matrix();
        for (int k = id * vectors.dim(); k < (id + 1) * vectors.dim(); k++) {
            if (Math.abs(m[k]) >= WordVectors.INIT_LIMIT) {
                return false;
            }
        }
        return true;
    }
}
