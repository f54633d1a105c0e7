package org.textclf.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SequenceBatchTest {

    @Test
    void of_ragged_padsToLongestWithZeros() {
        SequenceBatch b = SequenceBatch.of(10, new int[][] {{3, 4}, {5, 6, 7}, {}}, new int[] {0, 1, -1});

        assertThat(b.width()).isEqualTo(3);
        assertThat(b.tokens()).containsExactly(3, 4, 0, 5, 6, 7, 0, 0, 0);
        assertThat(b.lengths()).containsExactly(2, 3, 0);
        assertThat(b.sequence(0)).containsExactly(3, 4);
    }

    @Test
    void of_allEmpty_widthOne() {
        SequenceBatch b = SequenceBatch.of(10, new int[][] {{}, {}}, new int[] {0, 1});

        assertThat(b.width()).isEqualTo(1);
        assertThat(b.tokens()).containsExactly(0, 0);
    }

    @Test
    void rows_splitThenAssemble_roundTrips() {
        SequenceBatch b = SequenceBatch.of(10, new int[][] {{3, 4}, {5, 6, 7}, {9}}, new int[] {0, 1, 2});
        BatchRows<SequenceBatch> rows = SequenceBatch.rows(10);

        Example middle = rows.row(b, 1);
        SequenceBatch back = rows.assemble(List.of(rows.row(b, 0), middle, rows.row(b, 2)));

        assertThat(middle.values()).isNull();
        assertThat(middle.indices()).containsExactly(5, 6, 7);
        assertThat(back).isEqualTo(b);
    }

    @Test
    void new_tokensNotRowsTimesWidth_throws() {
        assertThatThrownBy(() -> new SequenceBatch(10, 2, new int[3], new int[2], new int[2]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rows x width = 4");
    }
}
