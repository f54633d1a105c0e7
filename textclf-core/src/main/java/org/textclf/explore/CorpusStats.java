package org.textclf.explore;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.textclf.data.Labels;

/**
 * The guide's key metrics of a corpus ("Step 2: Explore your data"), from one pass of {@link CorpusExplorer}.
 *
 * @param samples              samples read (labeled or not)
 * @param labels               the classes found, ids in {@link Labels}' order
 * @param samplesPerClass      samples of each class, by class id
 * @param unlabeledSamples     samples without a label (not in any class)
 * @param sampleLengths        words per sample: the median is the guide's W
 * @param swRatio              samples / median words per sample
 * @param modelChoice          the guide's recommendation for that ratio
 * @param topNgrams            the most frequent uni- and bigrams, most frequent first
 * @param topNgramsExact       whether those counts (and the list) are exact; otherwise counts are upper bounds
 * @param ngramOccurrences     uni- plus bigram occurrences in the corpus
 * @param recordsRead          records the pass read (as {@code ReadStats.read()})
 * @param recordsSkipped       malformed records the pass skipped
 */
public record CorpusStats(long samples, Labels labels, List<Long> samplesPerClass, long unlabeledSamples,
        SampleLengths sampleLengths, double swRatio, ModelChoice modelChoice, List<NgramCount> topNgrams,
        boolean topNgramsExact, long ngramOccurrences, long recordsRead, long recordsSkipped) {

    public CorpusStats {
        samplesPerClass = List.copyOf(samplesPerClass);
        topNgrams = List.copyOf(topNgrams);
        if (samplesPerClass.size() != labels.size()) {
            throw new IllegalArgumentException("expected a sample count for each of the " + labels.size()
                    + " classes, found " + samplesPerClass.size());
        }
    }

    /** The number of classes (distinct labels). */
    public int classes() {
        return labels.size();
    }

    /** The median number of words per sample, the W of S/W. */
    public double medianWordsPerSample() {
        return sampleLengths.medianWords();
    }

    /** Class display name to sample count, in class-id order. */
    public Map<String, Long> samplesPerClassByName() {
        Map<String, Long> byName = new LinkedHashMap<>();
        for (int id = 0; id < labels.size(); id++) {
            byName.merge(labels.name(id), samplesPerClass.get(id), Long::sum);
        }
        return byName;
    }

    /** The same statistics with other class names, e.g. {@code labels().withNamesBeside(data)}. */
    public CorpusStats withLabels(Labels renamed) {
        if (!renamed.rawLabels().equals(labels.rawLabels())) {
            throw new IllegalArgumentException("expected the same classes " + labels.rawLabels() + ", found "
                    + renamed.rawLabels());
        }
        return new CorpusStats(samples, renamed, samplesPerClass, unlabeledSamples, sampleLengths, swRatio,
                modelChoice, topNgrams, topNgramsExact, ngramOccurrences, recordsRead, recordsSkipped);
    }
}
