package org.textclf.text;

/**
 * The ANOVA F-value of each feature against the class, as scikit-learn's {@code f_classif} computes it (its
 * {@code f_oneway}, the same sums in the same order), from per-class sums and the overall sum of squares of the
 * feature's values, which a streaming pass can accumulate. Classes without samples do not count as groups, as
 * they are absent from scikit-learn's {@code y}.
 *
 * <p>A feature with the same value in every sample has {@code msb = msw = 0} and F = NaN (0/0); one that is
 * constant within each class but not across them has F = +infinity. Both follow IEEE arithmetic, as in
 * scikit-learn, and {@link KBest} ranks NaN lowest as {@code SelectKBest} does.
 */
final class AnovaF {
    private AnovaF() {
    }

    /**
     * @param classSums {@code classSums[c][f]}: the sum of feature f over the samples of class c
     * @param sumSquares {@code sumSquares[f]}: the sum of the squares of feature f over all samples
     * @param classCounts how many samples each class has
     * @return F per feature
     * @throws IllegalArgumentException when fewer than two classes have samples
     */
    static double[] scores(double[][] classSums, double[] sumSquares, long[] classCounts) {
        int groups = 0;
        long samples = 0;
        for (long count : classCounts) {
            if (count > 0) {
                groups++;
                samples += count;
            }
        }
        if (groups < 2) {
            throw new IllegalArgumentException("the ANOVA F-value needs samples of at least 2 classes; found "
                    + groups);
        }
        double betweenDegrees = groups - 1;
        double withinDegrees = samples - groups;
        int features = sumSquares.length;
        double[] f = new double[features];
        for (int j = 0; j < features; j++) {
            double total = 0;
            double sumOfSquaredClassSumsOverCounts = 0;
            for (int c = 0; c < classCounts.length; c++) {
                if (classCounts[c] > 0) {
                    double s = classSums[c][j];
                    total += s;
                    sumOfSquaredClassSumsOverCounts += s * s / classCounts[c];
                }
            }
            double squareOfSums = total * total;
            double totalSumOfSquares = sumSquares[j] - squareOfSums / samples;
            double between = sumOfSquaredClassSumsOverCounts - squareOfSums / samples;
            double within = totalSumOfSquares - between;
            f[j] = (between / betweenDegrees) / (within / withinDegrees);
        }
        return f;
    }
}
