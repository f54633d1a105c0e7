package org.textclf.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BudgetTest {

    @Test
    void parseDuration_unitsAndTheirSums_areSeconds() {
        assertThat(Budget.parseDuration("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Budget.parseDuration("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(Budget.parseDuration("1h30m")).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void parseDuration_malformed_statesTheFormAndTheValue() {
        for (String bad : new String[] {"5", "5x", "m", "", "-5m", "5m 3s"}) {
            assertThatThrownBy(() -> Budget.parseDuration(bad)).as(bad)
                    .hasMessage("expected a duration such as 90s, 5m or 1h30m, found '" + bad + "'");
        }
        assertThatThrownBy(() -> Budget.parseDuration("0m"))
                .hasMessage("expected a positive duration such as 90s, 5m or 1h30m, found '0m'");
    }

    @Test
    void budget_repeatWithoutATime_isRefused() {
        assertThatThrownBy(() -> new Budget(null, 3, 3, 1, true))
                .hasMessage("repeat needs a time to end it; found none");
        assertThatThrownBy(() -> new Budget(null, 3, 1, 1)).hasMessage("eta must be at least 2; found 1");
    }

    @Test
    void metric_unknown_namesTheAvailableOnes() {
        assertThat(TuneMetric.parse("macro_f1")).isEqualTo(TuneMetric.MACRO_F1);
        assertThatThrownBy(() -> TuneMetric.parse("f1"))
                .hasMessage("metric 'f1' not available; available: val_accuracy, val_loss, macro_f1");
    }

    @Test
    void sample_rangeValue_isItsOwnCommandLineValue() {
        Dimension rate = SearchSpace.forBranch("mlp").dimension("--learning-rate");
        java.util.Random random = new java.util.Random(1);
        for (int i = 0; i < 100; i++) {
            String v = rate.sample(random);
            float f = Float.parseFloat(v);
            assertThat(f).isBetween(1e-4f, 1e-2f);
            assertThat(v).hasSizeLessThanOrEqualTo(8);
        }
    }
}
