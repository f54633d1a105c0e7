package org.textclf.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SequenceConfigTest {

    @Test
    void builder_nothingSet_givesTheGuidesSettings() {
        SequenceConfig config = SequenceConfig.builder().build();

        assertThat(config).isEqualTo(new SequenceConfig(20_000, 500, 64L << 20)).isEqualTo(SequenceConfig.DEFAULTS);
        assertThat(config.toBuilder().maxLength(7).build().maxLength()).isEqualTo(7);
    }

    @Test
    void builder_badValues_stateRuleAndValue() {
        assertThatThrownBy(() -> SequenceConfig.builder().maxWords(0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxWords must be between 1 and 2147483631; found 0");
        assertThatThrownBy(() -> SequenceConfig.builder().maxLength(0).build())
                .hasMessage("maxLength must be at least 1; found 0");
        assertThatThrownBy(() -> SequenceConfig.builder().countBudgetBytes(100).build())
                .hasMessage("countBudgetBytes must be at least 4096; found 100");
    }
}
