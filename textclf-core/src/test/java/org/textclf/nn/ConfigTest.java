package org.textclf.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConfigTest {

    @Test
    void mlpConfigDefaults_guideValues_twoLayers64UnitsDropoutOneFifth() {
        assertThat(MlpConfig.DEFAULTS).isEqualTo(new MlpConfig(2, 64, 0.2f));
        assertThat(MlpConfig.builder().build()).isEqualTo(MlpConfig.DEFAULTS);
        assertThat(MlpConfig.builder().layers(3).units(8).dropoutRate(0f).build()).isEqualTo(new MlpConfig(3, 8, 0f));
    }

    @Test
    void mlpConfigBuilder_badValues_throwStatingTheRule() {
        assertThatThrownBy(() -> MlpConfig.builder().layers(0).build())
                .hasMessage("layers must be at least 1; found 0");
        assertThatThrownBy(() -> MlpConfig.builder().units(-3).build())
                .hasMessage("units must be at least 1; found -3");
        assertThatThrownBy(() -> MlpConfig.builder().dropoutRate(1f).build())
                .hasMessage("dropoutRate must be in [0, 1); found 1.0");
        assertThatThrownBy(() -> MlpConfig.builder().dropoutRate(Float.NaN).build())
                .hasMessage("dropoutRate must be in [0, 1); found NaN");
    }

    @Test
    void adamConfigDefaults_kerasValues() {
        assertThat(AdamConfig.DEFAULTS).isEqualTo(new AdamConfig(1e-3f, 0.9f, 0.999f, 1e-7f));
        assertThat(AdamConfig.builder().build()).isEqualTo(AdamConfig.DEFAULTS);
    }

    @Test
    void adamConfigBuilder_badValues_throwStatingTheRule() {
        assertThatThrownBy(() -> AdamConfig.builder().learningRate(0f).build())
                .hasMessage("learningRate must be a finite number greater than 0; found 0.0");
        assertThatThrownBy(() -> AdamConfig.builder().beta1(1f).build())
                .hasMessage("beta1 must be in [0, 1); found 1.0");
        assertThatThrownBy(() -> AdamConfig.builder().beta2(-0.5f).build())
                .hasMessage("beta2 must be in [0, 1); found -0.5");
        assertThatThrownBy(() -> AdamConfig.builder().epsilon(-1f).build())
                .hasMessage("epsilon must be a finite number at least 0; found -1.0");
    }

    @Test
    void linearConfig_defaultAndBadValues_documentedDefaultAndRuleStated() {
        assertThat(LinearConfig.DEFAULTS).isEqualTo(new LinearConfig(1e-5f));
        assertThat(new LinearConfig(0f).l2()).isZero();
        assertThatThrownBy(() -> new LinearConfig(-0.1f)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("l2 must be a finite number at least 0; found -0.1");
        assertThatThrownBy(() -> new LinearConfig(Float.NaN))
                .hasMessage("l2 must be a finite number at least 0; found NaN");
        assertThatThrownBy(() -> new LinearConfig(Float.POSITIVE_INFINITY))
                .hasMessage("l2 must be a finite number at least 0; found Infinity");
    }

    @Test
    void batchMetrics_plus_addsSumsAndComputesMeans() {
        BatchMetrics m = new BatchMetrics(3, 1, 2).plus(new BatchMetrics(1, 2, 2));
        assertThat(m).isEqualTo(new BatchMetrics(4, 3, 4));
        assertThat(m.loss()).isEqualTo(1.0);
        assertThat(m.accuracy()).isEqualTo(0.75);
        assertThat(BatchMetrics.EMPTY.loss()).isNaN();
    }
}
