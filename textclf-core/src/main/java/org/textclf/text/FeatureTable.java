package org.textclf.text;

/**
 * An immutable map from n-gram hash to feature id {@code 0..size-1}, in primitive open-addressing arrays, so that
 * the transform's lookups neither box nor allocate. Safe to share between threads.
 */
final class FeatureTable {
    private final long[] keysById;
    private final long[] slotKeys;
    private final int[] slotIds;
    private final int mask;

    /** @param keysById distinct nonzero hashes; the i-th gets id i */
    FeatureTable(long[] keysById) {
        this.keysById = keysById;
        int capacity = Integer.highestOneBit(Math.max(4, keysById.length) * 2 - 1) * 2; // load at most 1/2
        slotKeys = new long[capacity];
        slotIds = new int[capacity];
        mask = capacity - 1;
        for (int id = 0; id < keysById.length; id++) {
            long key = keysById[id];
            if (key == 0) {
                throw new IllegalArgumentException("hash 0 is reserved for empty slots; found it at id " + id);
            }
            int slot = (int) key & mask;
            while (slotKeys[slot] != 0) {
                if (slotKeys[slot] == key) {
                    throw new IllegalArgumentException("hash " + key + " appears twice: ids " + slotIds[slot]
                            + " and " + id);
                }
                slot = (slot + 1) & mask;
            }
            slotKeys[slot] = key;
            slotIds[slot] = id;
        }
    }

    /** The id of {@code key}, or -1 when it is not a feature. */
    int id(long key) {
        int slot = (int) key & mask;
        for (long k = slotKeys[slot]; k != 0; k = slotKeys[slot]) {
            if (k == key) {
                return slotIds[slot];
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    int size() {
        return keysById.length;
    }

    long key(int id) {
        return keysById[id];
    }
}
