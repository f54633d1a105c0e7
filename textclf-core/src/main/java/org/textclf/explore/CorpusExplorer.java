package org.textclf.explore;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.textclf.data.Labels;
import org.textclf.data.ReadStats;
import org.textclf.data.Sample;
import org.textclf.data.SampleReader;
import org.textclf.data.SampleSource;
import org.textclf.text.Tokenizer;
import org.textclf.text.Words;

/**
 * Explores a corpus in one streaming pass and in memory bounded independently of its size: class counts, the
 * sample-length distribution, the most frequent uni- and bigrams, and the guide's model choice. Reusable
 * configuration: each {@link #explore} call keeps its counters to itself, so one explorer may serve several threads.
 */
public final class CorpusExplorer {
    /** The guide plots the 50 most frequent n-grams. */
    public static final int DEFAULT_TOP_NGRAMS = 50;

    private final int topNgrams;
    private final int ngramCapacity;
    private final int lengthCapWords;
    private final Tokenizer tokenizer;

    private CorpusExplorer(Builder builder) {
        this.topNgrams = builder.topNgrams;
        this.ngramCapacity = builder.ngramCapacity;
        this.lengthCapWords = builder.lengthCapWords;
        this.tokenizer = builder.tokenizer;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** An explorer with every default. */
    public static CorpusExplorer withDefaults() {
        return builder().build();
    }

    /**
     * Reads {@code source} once.
     *
     * @throws IOException when the source cannot be read, has a bad record under the fail policy, has no samples,
     *                     or has a median of zero words per sample (the S/W ratio is then undefined)
     */
    public CorpusStats explore(SampleSource source) throws IOException {
        Map<String, long[]> perLabel = new HashMap<>();
        long unlabeled = 0;
        LengthHistogram lengths = new LengthHistogram(lengthCapWords);
        TopNgrams ngrams = new TopNgrams(ngramCapacity);
        NgramSink sink = new NgramSink(ngrams);
        ReadStats stats;
        try (SampleReader reader = source.open()) {
            for (Sample sample = reader.next(); sample != null; sample = reader.next()) {
                String label = sample.label();
                if (label == null) {
                    unlabeled++;
                } else {
                    long[] count = perLabel.get(label);
                    if (count == null) {
                        if (perLabel.size() == Labels.MAX_CLASSES) {
                            throw new IOException(source.name() + ":" + sample.line() + ": more than "
                                    + Labels.MAX_CLASSES + " distinct labels; is the label column the right one?");
                        }
                        count = new long[1];
                        perLabel.put(label, count);
                    }
                    count[0]++;
                }
                String text = sample.text();
                lengths.add(Words.count(text));
                sink.startSample();
                tokenizer.tokenize(text, sink);
            }
            stats = reader.stats();
        }
        long samples = lengths.samples();
        if (samples == 0) {
            throw new IOException(source.name() + ": no samples to explore; expected at least one record, found "
                    + (stats.skipped() == 0 ? "none" : "only " + String.format("%,d", stats.skipped())
                    + " malformed ones (skipped)") + ". Check the file and --format");
        }
        SampleLengths sampleLengths = lengths.summary();
        double median = sampleLengths.medianWords();
        if (median == 0) {
            throw new IOException(source.name() + ": the median sample has no words, so the S/W ratio is undefined;"
                    + " expected text in most samples, found " + String.format("%,d", samples)
                    + " samples, at least half of them empty. Check --text-column");
        }
        Labels labels = Labels.of(perLabel.keySet());
        List<Long> perClass = new ArrayList<>(labels.size());
        for (int id = 0; id < labels.size(); id++) {
            perClass.add(perLabel.get(labels.raw(id))[0]);
        }
        double ratio = samples / median;
        return new CorpusStats(samples, labels, perClass, unlabeled, sampleLengths, ratio,
                ModelChoice.forRatio(ratio), ngrams.top(topNgrams), ngrams.isTopExact(topNgrams), ngrams.total(),
                stats.read(), stats.skipped());
    }

    /** Counts each token and each pair of adjacent tokens of one sample; bigrams never span two samples. */
    private static final class NgramSink implements Tokenizer.TokenSink {
        private final TopNgrams ngrams;
        private String previous;

        NgramSink(TopNgrams ngrams) {
            this.ngrams = ngrams;
        }

        void startSample() {
            previous = null;
        }

        @Override
        public void accept(String token) {
            ngrams.add(token);
            if (previous != null) {
                ngrams.add(previous, token);
            }
            previous = token;
        }
    }

    /** Options of an explorer; every one has a default. */
    public static final class Builder {
        private int topNgrams = DEFAULT_TOP_NGRAMS;
        private int ngramCapacity = TopNgrams.DEFAULT_CAPACITY;
        private int lengthCapWords = LengthHistogram.DEFAULT_CAP_WORDS;
        private Tokenizer tokenizer = Tokenizer.DEFAULT;

        private Builder() {
        }

        /** How many of the most frequent n-grams to report (default {@value #DEFAULT_TOP_NGRAMS}). */
        public Builder topNgrams(int topNgrams) {
            if (topNgrams < 0) {
                throw new IllegalArgumentException("topNgrams must not be negative, found " + topNgrams);
            }
            this.topNgrams = topNgrams;
            return this;
        }

        /**
         * How many distinct n-grams to count at once (default {@value TopNgrams#DEFAULT_CAPACITY}); more gives exact
         * top counts on larger vocabularies at about 100 bytes per n-gram.
         */
        public Builder ngramCapacity(int ngramCapacity) {
            if (ngramCapacity < 1 || ngramCapacity > TopNgrams.MAX_CAPACITY) {
                throw new IllegalArgumentException("ngramCapacity must be in [1, " + TopNgrams.MAX_CAPACITY
                        + "], found " + ngramCapacity);
            }
            this.ngramCapacity = ngramCapacity;
            return this;
        }

        /** Lengths below this are counted exactly (default {@value LengthHistogram#DEFAULT_CAP_WORDS}). */
        public Builder lengthCapWords(int lengthCapWords) {
            if (lengthCapWords < 1) {
                throw new IllegalArgumentException("lengthCapWords must be at least 1, found " + lengthCapWords);
            }
            this.lengthCapWords = lengthCapWords;
            return this;
        }

        public Builder tokenizer(Tokenizer tokenizer) {
            this.tokenizer = java.util.Objects.requireNonNull(tokenizer, "tokenizer");
            return this;
        }

        public CorpusExplorer build() {
            if (topNgrams > ngramCapacity) {
                throw new IllegalArgumentException("topNgrams must be at most ngramCapacity (" + ngramCapacity
                        + "), found " + topNgrams);
            }
            return new CorpusExplorer(this);
        }
    }
}
