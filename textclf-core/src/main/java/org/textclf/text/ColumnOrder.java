package org.textclf.text;

/**
 * Puts one row's (column, value) pairs in ascending column order without sorting: a bit per column set as pairs
 * come, then the set bits read back in order. Costs a tenth of sorting the row (TextPasses transform). Reused from
 * row to row; one per thread.
 */
final class ColumnOrder {
    private final long[] present;
    private final float[] valueOf;
    private int size;

    ColumnOrder(int columns) {
        present = new long[(columns + 63) >>> 6];
        valueOf = new float[columns];
    }

    /** Adds a pair; a column at most once per row. */
    void add(int column, float value) {
        present[column >>> 6] |= 1L << column;
        valueOf[column] = value;
        size++;
    }

    /** How many pairs the row has so far. */
    int size() {
        return size;
    }

    /**
     * Writes the row's pairs, columns ascending, to {@code indices} and {@code values} from {@code offset} (which
     * must have room for {@link #size()} more), then starts a new row. Returns how many were written.
     */
    int drain(int[] indices, float[] values, int offset) {
        int n = offset;
        for (int w = 0, left = size; left > 0; w++) {
            long bits = present[w];
            if (bits == 0) {
                continue;
            }
            present[w] = 0;
            left -= Long.bitCount(bits);
            do {
                int c = w << 6 | Long.numberOfTrailingZeros(bits);
                indices[n] = c;
                values[n++] = valueOf[c];
                bits &= bits - 1;
            } while (bits != 0);
        }
        int written = size;
        size = 0;
        return written;
    }
}
