package org.textclf.text;

/**
 * What fitting an {@link NgramVectorizer} found and did, kept in the model file as provenance. Nothing is dropped
 * silently: when the first pass had to prune rare n-grams to stay within its memory budget, the counts say how many
 * and how much a surviving document frequency may be too low.
 *
 * @param documents training documents read (each pass reads the same)
 * @param classes classes with at least one training document
 * @param candidates distinct n-grams in the document-frequency table at the end of the first pass
 * @param prunings how many times the table was pruned (0 means every document frequency is exact)
 * @param prunedNgrams how many table entries pruning dropped in all
 * @param largestPruneThreshold the highest document frequency at or below which entries were dropped
 * @param maxDocumentFrequencyUndercount how much lower than the truth a document frequency may be after pruning
 * @param vocabulary n-grams in at least {@code minDocumentFrequency} documents (the tf-idf columns before selection)
 * @param selected features kept by {@code SelectKBest}
 * @param lowestSelectedScore the F-value of the last feature kept
 * @param fitMillis wall time of the two passes and the naming
 */
public record FitReport(long documents, int classes, long candidates, int prunings, long prunedNgrams,
        int largestPruneThreshold, long maxDocumentFrequencyUndercount, int vocabulary, int selected,
        double lowestSelectedScore, long fitMillis) {

    /** One line for the user. */
    public String summary() {
        String pruning = prunings == 0 ? "no pruning"
                : String.format("pruned %,d rare n-grams in %,d prunings (document frequency <= %,d; counts may be"
                        + " low by up to %,d)", prunedNgrams, prunings, largestPruneThreshold,
                        maxDocumentFrequencyUndercount);
        return String.format("n-gram tf-idf: %,d documents, %,d classes, %,d distinct n-grams counted, %s, %,d in"
                + " the vocabulary, selected %,d by ANOVA F (lowest %.6g) in %.1f s", documents, classes,
                candidates, pruning, vocabulary, selected, lowestSelectedScore, fitMillis / 1000.0);
    }
}
