package org.textclf.nn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SplitMix64Test {

    @ParameterizedTest(name = "rate {0}, n {1}")
    @CsvSource({"0.2, 200", "0.0, 7", "0.5, 1", "0.999, 333", "0.3, 0", "0.0000001, 64", "0.7654321, 129"})
    void dropoutMask_anyRate_sameMaskAndNextStateAsDropoutDrawMask(float rate, int n) {
        for (long seed : new long[] {0, 1, -5, 0x9e3779b97f4a7c15L, Long.MIN_VALUE}) {
            SplitMix64 general = new SplitMix64();
            general.seed(seed);
            SplitMix64 fast = new SplitMix64();
            fast.seed(seed);
            float[] expected = new float[n + 1];
            float[] actual = new float[n + 1];
            expected[n] = 9f;
            actual[n] = 9f;
            Dropout.drawMask(rate, general, expected, n);
            fast.dropoutMask(rate, actual, n);
            for (int j = 0; j <= n; j++) {
                assertThat(Float.floatToRawIntBits(actual[j])).as("seed %d, value %d", seed, j)
                        .isEqualTo(Float.floatToRawIntBits(expected[j]));
            }
            assertThat(fast.nextLong()).as("the state after, seed %d", seed).isEqualTo(general.nextLong());
        }
    }

    @Test
    void dropoutMask_rateEqualToADrawOrOneUlpAround_keepsExactlyWhereDrawMaskDoes() {
        for (long seed = 0; seed < 50; seed++) {
            SplitMix64 probe = new SplitMix64();
            probe.seed(seed);
            float draw = probe.nextFloat(); // a rate equal to the first draw: kept, as nextFloat() >= rate
            for (float rate : new float[] {draw, Math.nextUp(draw), Math.nextDown(draw)}) {
                if (!(rate >= 0f && rate < 1f)) {
                    continue;
                }
                SplitMix64 general = new SplitMix64();
                general.seed(seed);
                SplitMix64 fast = new SplitMix64();
                fast.seed(seed);
                float[] expected = new float[3];
                float[] actual = new float[3];
                Dropout.drawMask(rate, general, expected, 3);
                fast.dropoutMask(rate, actual, 3);
                assertThat(actual).as("seed %d, rate %s", seed, rate).containsExactly(expected);
            }
        }
    }
}
