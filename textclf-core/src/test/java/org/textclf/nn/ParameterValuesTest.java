package org.textclf.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The parameter counts a model file's reader checks before building a network are those the network allocates. */
final class ParameterValuesTest {

    @Test
    void mlpParameterValues_oneTwoAndFourLayers_equalsTheBuiltNetworks() {
        for (int layers : new int[] {1, 2, 4}) {
            for (int classes : new int[] {2, 5}) {
                MlpConfig config = new MlpConfig(layers, 7, 0.2f);
                assertThat(Mlp.parameterValues(config, 11, classes))
                        .isEqualTo(values(Mlp.create(config, 11, classes, 1).parameters()));
            }
        }
    }

    @Test
    void linearParameterValues_twoAndFiveClasses_equalsTheBuiltNetworks() {
        for (int classes : new int[] {2, 5}) {
            assertThat(Linear.parameterValues(11, classes))
                    .isEqualTo(values(Linear.create(new LinearConfig(0f), 11, classes, 1).parameters()));
        }
    }

    @Test
    void sepCnnParameterValues_oneTwoAndThreeBlocks_equalsTheBuiltNetworks() {
        for (int blocks : new int[] {1, 2, 3}) {
            for (int classes : new int[] {2, 5}) {
                SepCnnConfig config = new SepCnnConfig(blocks, 6, 3, 2, 0.2f, 5);
                assertThat(config.parameterValues(13, classes))
                        .isEqualTo(values(SepCnn.create(config, 13, classes, 1).parameters()));
            }
        }
    }

    @Test
    void mlpParameterValues_forgedHugeShape_saturatesInsteadOfOverflowing() {
        MlpConfig config = new MlpConfig(Integer.MAX_VALUE, Integer.MAX_VALUE, 0f);

        assertThat(Mlp.parameterValues(config, Integer.MAX_VALUE, Integer.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
    }

    private static long values(List<Parameter> parameters) {
        long values = 0;
        for (Parameter p : parameters) {
            values += p.values().length;
        }
        return values;
    }
}
