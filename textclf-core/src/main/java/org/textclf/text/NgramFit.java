package org.textclf.text;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.textclf.batch.RowSink;
import org.textclf.data.Labels;
import org.textclf.data.SampleSource;
import org.textclf.data.Sources;

/**
 * Fits an {@link NgramVectorizer} on one source in two streaming passes, as the one-partition case of the
 * mergeable statistics, holding per n-gram only hashes and numbers:
 * <ol>
 *   <li>{@link NgramDocumentStatistics}: document frequencies of all n-grams, within the candidate budget (see
 *       {@link DocumentFrequencies}), and the labels when none were given; finished into the
 *       {@link NgramVocabulary} (min_df, idf);</li>
 *   <li>{@link NgramFeatureStatistics}: with idf known, per-class sums and the overall sum of squares of each
 *       vocabulary feature's tf-idf values, from which {@link AnovaF} scores and {@link KBest} selects. Each
 *       feature's name is written to a temp file when the pass first meets it, so that the selected ones are named
 *       by reading that file back rather than the corpus; and each document's tf-idf row can be written to a
 *       {@link RowSink}, from which the training cache is then built without vectorizing the text again
 *       ({@link NgramVectorizer#examples}).</li>
 * </ol>
 * A fit over partitions makes the same calls per partition and merges the statistics between them.
 */
final class NgramFit {
    private NgramFit() {
    }

    /**
     * The fitted vectorizer, or null when {@code firstPass} stopped the fit after its first pass.
     *
     * @param tempDir where the names go between the passes; null for the system temp folder
     * @param rows where to write each document's tf-idf row over the vocabulary, in the source's order; or null
     */
    static NgramVectorizer fit(SampleSource source, Labels labels, NgramConfig config, Consumer<String> log,
            FirstPass firstPass, Path tempDir, RowSink rows) throws IOException {
        return fit(source, labels, config, log, true, firstPass, tempDir, rows);
    }

    /** As {@link #fit}, reading on the fit's own thread when {@code readAhead} is false. */
    static NgramVectorizer fit(SampleSource source, Labels labels, NgramConfig config, Consumer<String> log,
            boolean readAhead) throws IOException {
        return fit(source, labels, config, log, readAhead, FirstPass.NONE, null, null);
    }

    private static NgramVectorizer fit(SampleSource source, Labels labels, NgramConfig config, Consumer<String> log,
            boolean readAhead, FirstPass firstPass, Path tempDir, RowSink rows) throws IOException {
        NgramVocabulary vocabulary = firstPass(source, labels, config, log, readAhead, firstPass);
        if (vocabulary == null) {
            return null;
        }
        try (NgramFeatureStatistics features = secondPass(vocabulary, source, readAhead, tempDir, rows)) {
            return features.vectorizer(log);
        }
    }

    /**
     * Pass 1 and the vocabulary, or null when {@code firstPass} stops the fit. The document-frequency table, the
     * largest structure of the fit, is garbage once this returns, before pass 2 allocates.
     */
    private static NgramVocabulary firstPass(SampleSource source, Labels labels, NgramConfig config,
            Consumer<String> log, boolean readAhead, FirstPass firstPass) throws IOException {
        NgramDocumentStatistics counted = NgramDocumentStatistics.count(config, labels, 0, source, readAhead,
                firstPass, log);
        if (counted.documents() == 0) {
            // before the first pass's consumer (auto's S/W ratio) is asked about a corpus it has no figure for
            throw Sources.noSamples(source.name());
        }
        if (!firstPass.proceed()) {
            return null;
        }
        return counted.vocabulary(log);
    }

    /** Pass 2, checked to have read what pass 1 read, its rows (if any) finished. */
    private static NgramFeatureStatistics secondPass(NgramVocabulary vocabulary, SampleSource source,
            boolean readAhead, Path tempDir, RowSink rows) throws IOException {
        NgramFeatureStatistics features = NgramFeatureStatistics.sum(vocabulary, 0, source, readAhead, tempDir,
                rows);
        try {
            features.checkDocuments();
            if (rows != null) {
                rows.finish();
            }
            return features;
        } catch (IOException | RuntimeException | Error e) {
            features.close();
            throw e;
        }
    }

    /** Python's string order: by code point, which differs from {@link String#compareTo} above U+FFFF. */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
