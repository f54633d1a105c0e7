package org.textclf.explore;

/**
 * How often an n-gram occurs in a corpus (total occurrences, as scikit-learn's {@code CountVectorizer} sums them).
 *
 * @param ngram one token, or adjacent tokens joined by one space
 * @param count occurrences; exact when {@link CorpusStats#topNgramsExact()} says so, otherwise an upper bound
 */
public record NgramCount(String ngram, long count) {
    public NgramCount {
        if (ngram == null || ngram.isEmpty()) {
            throw new IllegalArgumentException("ngram must not be empty, found " + (ngram == null ? "null" : "''"));
        }
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, found " + count);
        }
    }
}
