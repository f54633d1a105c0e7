package org.textclf.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.textclf.feed.BatchGenerator;
import org.textclf.text.NgramConfig;
import org.textclf.text.SequenceConfig;

class HeapShareTest {
    private static final long MIB = 1L << 20;

    @Test
    void of_largeHeap_isTheCap() {
        assertThat(HeapShare.of(64 * MIB, 4, 6_000 * MIB)).isEqualTo(64 * MIB);
    }

    @Test
    void of_smallHeap_isItsShare() {
        assertThat(HeapShare.of(64 * MIB, 4, 64 * MIB)).isEqualTo(16 * MIB);
        assertThat(HeapShare.of(64 * MIB, 4, 32 * MIB)).isEqualTo(8 * MIB);
    }

    @Test
    void of_badDivisor_refuses() {
        assertThatThrownBy(() -> HeapShare.of(64 * MIB, 0, 64 * MIB)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("divisor must be at least 1; found 0");
    }

    @Test
    void defaults_areAQuarterOfThisHeapAtMost() {
        long quarter = Runtime.getRuntime().maxMemory() / 4;
        assertThat(BatchGenerator.DEFAULT_SHUFFLE_BUFFER_BYTES).isEqualTo(Math.min(64 * MIB, quarter));
        assertThat(NgramConfig.DEFAULT_CANDIDATE_BUDGET_BYTES).isEqualTo(Math.min(64 * MIB, quarter));
        assertThat(SequenceConfig.DEFAULT_COUNT_BUDGET_BYTES).isEqualTo(Math.min(64 * MIB, quarter));
    }

    @Test
    void check_moreThanTheHeap_refusesSayingWhatToRaise() {
        assertThatThrownBy(() -> HeapShare.check("shuffleBufferBytes", 100 * MIB, 64 * MIB))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("shuffleBufferBytes is 100 MiB, more than the whole heap of 64 MiB; expected at most"
                        + " a share of it (the default is a quarter): lower it, or raise the heap (-Xmx)");
        HeapShare.check("shuffleBufferBytes", 64 * MIB, 64 * MIB);
    }
}
