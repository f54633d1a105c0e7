package org.textclf.text;

import java.io.IOException;
import java.util.function.Consumer;
import org.textclf.data.Labels;
import org.textclf.data.SampleSource;

/**
 * Fits a {@link SequenceVectorizer} in one streaming pass, read ahead on a thread of its own ({@link ReadAhead}), as
 * the one-partition case of {@link SequenceStatistics}: word counts within the counting budget ({@link WordCounts}),
 * and the labels, checked against the given ones or collected when none were given. Memory: the budget, then the
 * kept words.
 */
final class SequenceFit {
    private SequenceFit() {
    }

    static SequenceVectorizer fit(SampleSource source, Labels labels, SequenceConfig config, Consumer<String> log)
            throws IOException {
        return SequenceStatistics.of(config, labels, 0, source, log).vectorizer(log);
    }
}
