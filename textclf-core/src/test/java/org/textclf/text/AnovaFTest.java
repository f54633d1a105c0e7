package org.textclf.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AnovaFTest {

    @Test
    void scores_twoGroups_matchesHandComputation() {
        // feature 0: class 0 has {1, 2}, class 1 has {3, 5}. By hand (and scipy.stats.f_oneway([1, 2], [3, 5])):
        // grand mean 2.75; between = 2 * 1.25^2 + 2 * 1.25^2 = 6.25 over 1 degree; within = 0.5 + 2 = 2.5 over 2
        // degrees = 1.25; F = 5.
        // feature 1: 0 everywhere but one sample of class 1, {0, 0} vs {0, 4}: between 4 / 1, within 8 / 2, F = 1.
        double[][] classSums = {{3, 0}, {8, 4}};
        double[] sumSquares = {1 + 4 + 9 + 25, 16};

        double[] f = AnovaF.scores(classSums, sumSquares, new long[] {2, 2});

        assertThat(f[0]).isCloseTo(5.0, within(1e-12));
        assertThat(f[1]).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void scores_classWithoutSamples_isNotAGroup() {
        double[][] classSums = {{3}, {0}, {8}};

        double[] f = AnovaF.scores(classSums, new double[] {39}, new long[] {2, 0, 2});

        assertThat(f[0]).isCloseTo(5.0, within(1e-12));
    }

    @Test
    void scores_constantFeature_isNaNAsScikitLearn() {
        double[] f = AnovaF.scores(new double[][] {{2}, {2}}, new double[] {4}, new long[] {2, 2});

        assertThat(f[0]).isNaN();
    }

    @Test
    void scores_oneGroup_throws() {
        assertThatThrownBy(() -> AnovaF.scores(new double[][] {{1}, {0}}, new double[] {1}, new long[] {3, 0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the ANOVA F-value needs samples of at least 2 classes; found 1");
    }
}
