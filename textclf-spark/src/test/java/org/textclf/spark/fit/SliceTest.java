package org.textclf.spark.fit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a partition's examples are cut into an epoch's steps. */
class SliceTest {

    private static List<Integer> epoch(int n, int steps, long seed, int epoch, int partition, boolean shuffle) {
        List<Integer> all = new ArrayList<>();
        for (int s = 0; s < steps; s++) {
            int[] slice = EpochSlices.slice(n, steps, s, seed, epoch, partition, shuffle);
            assertThat(slice.length).isBetween(n / steps, n / steps + 1);
            for (int i : slice) {
                all.add(i);
            }
        }
        return all;
    }

    @Test
    void everyExampleOncePerEpochInNearlyEqualSlices() {
        List<Integer> all = epoch(103, 10, 42, 1, 0, true);
        assertThat(all).hasSize(103).doesNotHaveDuplicates().allMatch(i -> i >= 0 && i < 103);
    }

    @Test
    void theOrderFollowsSeedEpochAndPartitionOnly() {
        assertThat(epoch(50, 5, 42, 1, 0, true)).isEqualTo(epoch(50, 5, 42, 1, 0, true))
                .isNotEqualTo(epoch(50, 5, 42, 2, 0, true)).isNotEqualTo(epoch(50, 5, 42, 1, 1, true))
                .isNotEqualTo(epoch(50, 5, 43, 1, 0, true));
        assertThat(epoch(50, 5, 42, 1, 0, false)).isSorted();
    }

    @Test
    void aPartitionSmallerThanTheStepsHasEmptySlices() {
        assertThat(EpochSlices.slice(3, 10, 0, 42, 1, 0, true)).isEmpty();
        assertThat(epoch(3, 10, 42, 1, 0, true)).hasSize(3);
    }
}
