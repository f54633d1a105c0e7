package org.textclf.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LengthHistogramTest {

    private static LengthHistogram of(int cap, int... lengths) {
        LengthHistogram h = new LengthHistogram(cap);
        for (int n : lengths) {
            h.add(n);
        }
        return h;
    }

    @Test
    void percentile_evenCount_medianAveragesTheMiddleTwo() {
        // np.median([1, 3, 4, 10]) == 3.5
        assertThat(of(100, 10, 1, 4, 3).percentile(50)).isEqualTo(3.5);
    }

    @Test
    void percentile_oddCount_medianIsMiddle() {
        assertThat(of(100, 7, 2, 9).percentile(50)).isEqualTo(7);
    }

    @Test
    void percentile_linearInterpolation_matchesNumpy() {
        // np.percentile([0, 10, 20, 30, 40], [10, 25, 90, 99]) == [4, 10, 36, 39.6]
        LengthHistogram h = of(100, 40, 30, 20, 10, 0);
        assertThat(h.percentile(10)).isCloseTo(4, within(1e-9));
        assertThat(h.percentile(25)).isCloseTo(10, within(1e-9));
        assertThat(h.percentile(90)).isCloseTo(36, within(1e-9));
        assertThat(h.percentile(99)).isCloseTo(39.6, within(1e-9));
        assertThat(h.percentile(0)).isEqualTo(0);
        assertThat(h.percentile(100)).isEqualTo(40);
    }

    @Test
    void percentile_randomLengths_matchesSortedReference() {
        Random random = new Random(7);
        int[] lengths = new int[1001];
        LengthHistogram h = new LengthHistogram(5000);
        for (int i = 0; i < lengths.length; i++) {
            lengths[i] = random.nextInt(3000);
            h.add(lengths[i]);
        }
        Arrays.sort(lengths);
        for (double p : new double[] {10, 25, 50, 75, 90, 99}) {
            double position = p / 100 * (lengths.length - 1);
            int lo = (int) Math.floor(position);
            double expected = lengths[lo] + (lengths[(int) Math.ceil(position)] - lengths[lo]) * (position - lo);
            assertThat(h.percentile(p)).as("p%s", p).isCloseTo(expected, within(1e-9));
            assertThat(h.isExact(p)).isTrue();
        }
    }

    @Test
    void percentile_medianBelowCapWithOverflow_exact() {
        LengthHistogram h = of(10, 1, 2, 3, 50, 70);

        assertThat(h.percentile(50)).isEqualTo(3);
        assertThat(h.isExact(50)).isTrue();
        assertThat(h.percentile(75)).isEqualTo(50); // the overflow's smallest value is known
        assertThat(h.percentile(100)).isEqualTo(70); // and its largest
    }

    @Test
    void percentile_insideOverflow_lowerBoundAndNotExact() {
        LengthHistogram h = of(10, 1, 20, 30, 40, 50);

        assertThat(h.percentile(50)).isEqualTo(10);
        assertThat(h.isExact(50)).isFalse();
        assertThat(h.summary().exact()).isFalse();
    }

    @Test
    void percentile_empty_throwsClearMessage() {
        assertThatThrownBy(() -> new LengthHistogram(10).percentile(50))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no sample lengths to take a percentile of; add at least one");
    }

    @Test
    void buckets_smallRange_widthOneThenTail() {
        List<LengthBucket> buckets = of(100, 0, 1, 1, 3, 9).buckets(50, 3);

        assertThat(buckets).containsExactly(new LengthBucket(0, 0, 1), new LengthBucket(1, 1, 2),
                new LengthBucket(2, 2, 0), new LengthBucket(3, 3, 1),
                new LengthBucket(4, LengthBucket.UNBOUNDED, 1));
        assertThat(buckets.get(4).label()).isEqualTo("4+");
    }

    @Test
    void buckets_wideRange_niceWidthAndAllSamplesCounted() {
        LengthHistogram h = new LengthHistogram(10_000);
        for (int n = 0; n < 1000; n++) {
            h.add(n);
        }
        List<LengthBucket> buckets = h.buckets(50, 999);

        assertThat(buckets).hasSize(50);
        assertThat(buckets.get(0)).isEqualTo(new LengthBucket(0, 19, 20));
        assertThat(buckets.get(0).label()).isEqualTo("0-19");
        assertThat(buckets.stream().mapToLong(LengthBucket::samples).sum()).isEqualTo(1000);
    }

    @Test
    void niceWidth_variousMinimums_oneTwoFiveTimesPowerOfTen() {
        assertThat(LengthHistogram.niceWidth(1)).isEqualTo(1);
        assertThat(LengthHistogram.niceWidth(3)).isEqualTo(5);
        assertThat(LengthHistogram.niceWidth(11)).isEqualTo(20);
        assertThat(LengthHistogram.niceWidth(51)).isEqualTo(100);
    }

    @Test
    void summary_handCorpus_allFigures() {
        SampleLengths s = of(100, 2, 4, 6, 8).summary();

        assertThat(s.minWords()).isEqualTo(2);
        assertThat(s.maxWords()).isEqualTo(8);
        assertThat(s.meanWords()).isEqualTo(5);
        assertThat(s.p50()).isEqualTo(5);
        assertThat(s.p25()).isEqualTo(3.5);
        assertThat(s.exact()).isTrue();
    }
}
