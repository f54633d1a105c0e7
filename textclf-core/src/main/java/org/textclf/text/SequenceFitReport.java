package org.textclf.text;

/**
 * What fitting a {@link SequenceVectorizer} found, kept in the model file as provenance. Nothing is dropped
 * silently: when counting had to prune rare words to stay within its budget, {@link #exact()} is false and the
 * counts say by how much a kept word's count may be low.
 *
 * @param documents training documents read
 * @param tokens words read, repeats included
 * @param distinctWordsAtLeast distinct words seen: exactly this many when the counts are exact, else at least
 * @param distinctWordsAtMost distinct words seen: equal to the above when exact, else at most this many
 * @param kept words given an id of their own: {@code min(maxWords, distinct words)}
 * @param prunings how many times rare words were pruned to stay in budget (0: every count is exact)
 * @param prunedWords how many table entries pruning dropped in all
 * @param maxCountUndercount how much lower than the truth a kept word's count may be
 * @param fitMillis wall time of the pass
 */
public record SequenceFitReport(long documents, long tokens, long distinctWordsAtLeast, long distinctWordsAtMost,
        int kept, int prunings, long prunedWords, long maxCountUndercount, long fitMillis) {

    /** Whether every word count was exact, so that the kept words are exactly the most frequent ones. */
    public boolean exact() {
        return prunings == 0;
    }

    /** One line for the user. */
    public String summary() {
        String distinct = exact() ? String.format("%,d distinct words", distinctWordsAtLeast)
                : String.format("%,d to %,d distinct words", distinctWordsAtLeast, distinctWordsAtMost);
        String counts = exact() ? "exact counts" : String.format("approximate counts: pruned %,d rare words in %,d"
                + " prunings to stay in the counting budget; a count may be low by up to %,d", prunedWords, prunings,
                maxCountUndercount);
        return String.format("word sequences: %,d documents, %,d tokens, %s, kept %,d (%s), in %.1f s", documents,
                tokens, distinct, kept, counts, fitMillis / 1000.0);
    }
}
