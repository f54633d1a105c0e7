package org.textclf.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fixed-point sums against a naive reference: BigDecimal, exact, rounded once. */
class ExactSumsTest {

    @Test
    void add_randomFloatsOfEveryScale_equalBigDecimalSumsRoundedOnce() {
        Random random = new Random(5);
        long[] words = new long[5];
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal squares = BigDecimal.ZERO;
        for (int i = 0; i < 100_000; i++) {
            float v = (float) Math.scalb(1 + random.nextDouble(), -random.nextInt(40)); // 2^-40 .. 2
            v = Math.min(v, 1f);
            ExactSums.add(words, 3, 0, v);
            sum = sum.add(new BigDecimal(v));
            squares = squares.add(new BigDecimal(v).multiply(new BigDecimal(v)));
        }
        assertThat(ExactSums.toDouble(words, 3, 2, 64)).isEqualTo(sum.round(MathContext.DECIMAL128).doubleValue());
        assertThat(ExactSums.toDouble(words, 0, 3, 128))
                .isEqualTo(squares.round(MathContext.DECIMAL128).doubleValue());
    }

    @Test
    void add_inAnyOrderOrSplitAndAdded_sameWords() {
        Random random = new Random(9);
        float[] values = new float[10_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) Math.scalb(1 + random.nextDouble(), -random.nextInt(30) - 1);
        }
        long[] forward = new long[5];
        long[] backward = new long[5];
        long[] half = new long[5];
        long[] otherHalf = new long[5];
        for (int i = 0; i < values.length; i++) {
            ExactSums.add(forward, 3, 0, values[i]);
            ExactSums.add(backward, 3, 0, values[values.length - 1 - i]);
            ExactSums.add(i % 3 == 0 ? half : otherHalf, 3, 0, values[i]);
        }
        ExactSums.add(half, otherHalf, 0, 3);
        ExactSums.add(half, otherHalf, 3, 2);
        assertThat(backward).isEqualTo(forward);
        assertThat(half).isEqualTo(forward);
    }

    @Test
    void toDouble_halfwayCases_roundToEven() {
        // 2^53 + 1 is halfway between two doubles: to even, 2^53; 2^53 + 3 rounds up to 2^53 + 4.
        assertThat(ExactSums.toDouble(new long[] {(1L << 53) + 1, 0}, 0, 2, 0)).isEqualTo(0x1p53);
        assertThat(ExactSums.toDouble(new long[] {(1L << 53) + 3, 0}, 0, 2, 0)).isEqualTo(0x1p53 + 4);
        // a set bit far below the halfway point makes it round up
        assertThat(ExactSums.toDouble(new long[] {1, 1L << 53 | 1L << 52 >>> 1 << 1 >>> 1, 0}, 0, 3, 64))
                .isEqualTo(new BigDecimal(java.math.BigInteger.ONE.shiftLeft(64).multiply(
                        java.math.BigInteger.valueOf(1L << 53 | 1L << 51)).add(java.math.BigInteger.ONE))
                        .divide(new BigDecimal(java.math.BigInteger.ONE.shiftLeft(64))).doubleValue());
    }

    @Test
    void add_valueOutOfTheExactRange_throws() {
        assertThatThrownBy(() -> ExactSums.add(new long[5], 3, 0, 0f)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot sum 0.0 exactly; expected a value in [2^-41, 2^23)");
    }
}
