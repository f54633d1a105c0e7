package org.textclf.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NgramConfigTest {

    @Test
    void builder_nothingSet_givesTheGuidesSettings() {
        NgramConfig config = NgramConfig.builder().build();

        assertThat(config).isEqualTo(new NgramConfig(1, 2, 2, 20_000, 64L << 20, true, TokenPattern.WORDS_AND_SYMBOLS)).isEqualTo(NgramConfig.DEFAULT);
        assertThat(config.toBuilder().topK(5).build().topK()).isEqualTo(5);
    }

    @Test
    void builder_badRange_statesRuleAndValue() {
        assertThatThrownBy(() -> NgramConfig.builder().ngramRange(2, 1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ngramRange must satisfy 1 <= min <= max <= 8; found (2, 1)");
    }

    @Test
    void builder_badCounts_stateRuleAndValue() {
        assertThatThrownBy(() -> NgramConfig.builder().minDocumentFrequency(0).build())
                .hasMessage("minDocumentFrequency must be at least 1; found 0");
        assertThatThrownBy(() -> NgramConfig.builder().topK(0).build())
                .hasMessage("topK must be at least 1; found 0");
        assertThatThrownBy(() -> NgramConfig.builder().candidateBudgetBytes(100).build())
                .hasMessage("candidateBudgetBytes must be at least 768; found 100");
    }
}
