package org.textclf.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KBestTest {

    @Test
    void select_distinctScores_winnersAboveAndTheKthAloneAtTheCut() {
        KBest best = KBest.select(new double[] {3, 1, 4, 1.5, 9}, 2);

        assertThat(best.winners()).containsExactly(4);
        assertThat(best.tied()).containsExactly(2);
        assertThat(best.tiedWanted()).isEqualTo(1);
    }

    @Test
    void select_tieAtTheCut_returnsTiedCandidatesAndHowManyToKeep() {
        KBest best = KBest.select(new double[] {2, 7, 2, 1, 2}, 3);

        assertThat(best.winners()).containsExactly(1);
        assertThat(best.tied()).containsExactly(0, 2, 4);
        assertThat(best.tiedWanted()).isEqualTo(2);
    }

    @Test
    void select_nanScore_ranksBelowEveryNumberButInfinity() {
        KBest best = KBest.select(new double[] {Double.NaN, -5, Double.NEGATIVE_INFINITY}, 2);

        // SelectKBest replaces NaN by the lowest finite float, above -inf and below -5
        assertThat(best.winners()).containsExactly(1);
        assertThat(best.tied()).containsExactly(0);
        assertThat(best.tiedWanted()).isEqualTo(1);
    }

    @Test
    void select_kAtLeastFeatures_keepsAll() {
        KBest best = KBest.select(new double[] {Double.NaN, 1}, 5);

        assertThat(best.winners()).containsExactly(0, 1);
    }
}
