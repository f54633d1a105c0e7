package org.textclf.text;

import java.util.Arrays;

/**
 * Which features {@code SelectKBest} keeps: the k highest scores, NaN counting as the lowest finite score (its
 * {@code _clean_nans}). Features tied with the k-th score are split by name: scikit-learn sorts scores with a stable
 * sort and keeps the last k, so among equal scores the features with the later columns, that is, the larger
 * names, win. Names are only known after another pass, so this returns the sure winners and the tied candidates.
 *
 * @param winners ids of the features scored strictly above the k-th score, ascending
 * @param tied ids of the features scored exactly the k-th score, ascending
 * @param tiedWanted how many of {@code tied} to keep (the ones with the largest names)
 */
record KBest(int[] winners, int[] tied, int tiedWanted) {

    static KBest select(double[] scores, int k) {
        int n = scores.length;
        double[] clean = new double[n];
        for (int i = 0; i < n; i++) {
            clean[i] = Double.isNaN(scores[i]) ? -Double.MAX_VALUE : scores[i];
        }
        if (k >= n) {
            int[] all = new int[n];
            Arrays.setAll(all, i -> i);
            return new KBest(all, new int[0], 0);
        }
        double[] sorted = clean.clone();
        Arrays.sort(sorted);
        double kth = sorted[n - k];
        int above = 0;
        int equal = 0;
        for (double s : clean) {
            if (s > kth) {
                above++;
            } else if (s == kth) {
                equal++;
            }
        }
        int[] winners = new int[above];
        int[] tied = new int[equal];
        above = 0;
        equal = 0;
        for (int i = 0; i < n; i++) {
            if (clean[i] > kth) {
                winners[above++] = i;
            } else if (clean[i] == kth) {
                tied[equal++] = i;
            }
        }
        return new KBest(winners, tied, k - winners.length);
    }
}

