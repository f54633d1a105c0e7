package org.textclf.text;

import java.io.IOException;
import java.util.function.Consumer;
import org.textclf.data.Labels;
import org.textclf.data.Sample;
import org.textclf.data.SampleReader;
import org.textclf.data.SampleSource;

/**
 * Fits a {@link SequenceVectorizer} in one streaming pass, read ahead on a thread of its own ({@link ReadAhead}):
 * word counts within the counting budget ({@link WordCounts}), and the labels, checked against the given ones or
 * collected when none were given. Memory: the budget, then the kept words.
 */
final class SequenceFit {
    private SequenceFit() {
    }

    static SequenceVectorizer fit(SampleSource source, Labels labels, SequenceConfig config, Consumer<String> log)
            throws IOException {
        long start = System.nanoTime();
        WordCounts counts = new WordCounts(config.countBudgetBytes(), log);
        Labels.Collector collected = labels == null ? new Labels.Collector(source.name()) : null;
        long documents = 0;
        try (SampleReader reader = ReadAhead.open(source)) {
            for (Sample s = reader.next(); s != null; s = reader.next()) {
                if (collected == null) {
                    labels.idOf(s, source.name());
                } else {
                    collected.add(s);
                }
                SequenceTokenizer.tokenizeSpans(s.text(), counts::add);
                documents++;
            }
        }
        if (documents == 0) {
            throw new IOException(source.name() + ": no samples to fit the sequence vectorizer on");
        }
        if (counts.size() == 0) {
            throw new IOException(source.name() + ": no words in the " + documents + " documents; expected text"
                    + " with at least one word to build a vocabulary from");
        }
        String[] words = counts.top(config.maxWords());
        SequenceFitReport report = new SequenceFitReport(documents, counts.occurrences(), counts.distinctAtLeast(),
                counts.distinctAtMost(), words.length, counts.prunings(), counts.pruned(), counts.maxUndercount(),
                (System.nanoTime() - start) / 1_000_000);
        log.accept(report.summary());
        return new SequenceVectorizer(config, report, words, collected == null ? labels : collected.labels());
    }
}
