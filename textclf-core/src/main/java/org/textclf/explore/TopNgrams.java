package org.textclf.explore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The most frequent n-grams of a stream in bounded memory: the Space-Saving algorithm (Metwally, Agrawal and El
 * Abbadi, 2005). At most {@code capacity} n-grams are counted; a new n-gram arriving when the table is full takes
 * the place of the least counted one and inherits its count as an error bound. Every n-gram occurring more than
 * {@code total / capacity} times is guaranteed to be in the table, and a counted n-gram's true count lies in
 * {@code [count - error, count]}. While the table has never been full all counts are exact.
 *
 * <p>The table is an open-addressing hash (linear probing) over a min-heap of counts, all in primitive arrays.
 * Bigrams are looked up by their two tokens without building the joined string, which is only allocated when a
 * bigram enters the table: counting allocates nothing per token. Not thread-safe.
 */
public final class TopNgrams {
    /** Enough for exact top-50 counts on the corpora we know (IMDB: 1.7 million distinct uni+bigrams). */
    public static final int DEFAULT_CAPACITY = 100_000;

    /** Beyond this the hash table alone (up to four int slots per n-gram) would pass 1 GB. */
    public static final int MAX_CAPACITY = 1 << 26;

    private final int capacity;
    // The heap, by count: heap index -> n-gram, count, error and the hash slot that points back at it.
    private final String[] keys;
    private final long[] counts;
    private final long[] errors;
    private final int[] slotOf;
    private int size;
    // Hash slot -> heap index + 1 (0 = empty). At most half full, so probes stay short.
    private final int[] table;
    private final int mask;
    private long total;
    private boolean evicted;

    public TopNgrams(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, found " + capacity);
        }
        if (capacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("capacity must be at most " + MAX_CAPACITY + ", found " + capacity);
        }
        this.capacity = capacity;
        keys = new String[capacity];
        counts = new long[capacity];
        errors = new long[capacity];
        slotOf = new int[capacity];
        int tableSize = Integer.highestOneBit(capacity) << 2;
        table = new int[tableSize];
        mask = tableSize - 1;
    }

    /** Counts one occurrence of a unigram. */
    public void add(String token) {
        int hash = token.hashCode();
        int heapIndex = find(token, null, hash);
        if (heapIndex >= 0) {
            increment(heapIndex);
        } else {
            insert(token, hash);
        }
    }

    /** Counts one occurrence of the bigram {@code first + " " + second}. */
    public void add(String first, String second) {
        int hash = first.hashCode() * 31 + ' ';
        for (int i = 0, n = second.length(); i < n; i++) {
            hash = 31 * hash + second.charAt(i);
        }
        int heapIndex = find(first, second, hash);
        if (heapIndex >= 0) {
            increment(heapIndex);
        } else {
            insert(first + ' ' + second, hash);
        }
    }

    /** Occurrences counted so far, of all n-grams. */
    public long total() {
        return total;
    }

    public int capacity() {
        return capacity;
    }

    /** Distinct n-grams in the table now. */
    public int size() {
        return size;
    }

    /**
     * The {@code n} most counted n-grams, most frequent first, ties by n-gram. Their counts are upper bounds
     * unless {@link #isTopExact(int)}.
     */
    public List<NgramCount> top(int n) {
        Integer[] order = sortedIndexes();
        List<NgramCount> top = new ArrayList<>(Math.min(n, size));
        for (int i = 0; i < order.length && i < n; i++) {
            top.add(new NgramCount(keys[order[i]], counts[order[i]]));
        }
        return top;
    }

    /**
     * Whether {@link #top(int)} is exactly what counting every n-gram would give: every listed count has no error,
     * and no n-gram left out (counted or not) can reach the last listed count.
     */
    public boolean isTopExact(int n) {
        if (!evicted) {
            return true;
        }
        Integer[] order = sortedIndexes();
        int listed = Math.min(n, order.length);
        for (int i = 0; i < listed; i++) {
            if (errors[order[i]] != 0) {
                return false;
            }
        }
        // An n-gram not in the table occurred at most min-count times; one in the table but not listed, at most
        // its count. Both must stay below the last listed count, or a tie could have been broken differently.
        long bound = counts[0];
        if (listed < order.length) {
            bound = Math.max(bound, counts[order[listed]]);
        }
        return listed == 0 || counts[order[listed - 1]] > bound;
    }

    private Integer[] sortedIndexes() {
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.<Integer>comparingLong(i -> -counts[i]).thenComparing(i -> keys[i]));
        return order;
    }

    /** The heap index of the n-gram {@code first} (unigram, when {@code second} is null) or first+' '+second. */
    private int find(String first, String second, int hash) {
        for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
            int entry = table[slot];
            if (entry == 0) {
                return -1;
            }
            String key = keys[entry - 1];
            if (key.hashCode() == hash && matches(key, first, second)) {
                return entry - 1;
            }
        }
    }

    private static boolean matches(String key, String first, String second) {
        if (second == null) {
            return key.equals(first);
        }
        int a = first.length();
        return key.length() == a + 1 + second.length() && key.charAt(a) == ' '
                && key.startsWith(first) && key.startsWith(second, a + 1);
    }

    private void increment(int heapIndex) {
        counts[heapIndex]++;
        total++;
        siftDown(heapIndex);
    }

    private void insert(String key, int hash) {
        total++;
        if (size < capacity) {
            int i = size++;
            keys[i] = key;
            counts[i] = 1;
            errors[i] = 0;
            slotOf[i] = place(hash, i);
            siftUp(i);
            return;
        }
        // Space-Saving: the newcomer replaces the least counted n-gram and inherits its count as its error.
        evicted = true;
        removeSlot(slotOf[0]);
        long min = counts[0];
        keys[0] = key;
        counts[0] = min + 1;
        errors[0] = min;
        slotOf[0] = place(hash, 0);
        siftDown(0);
    }

    private int place(int hash, int heapIndex) {
        int slot = spread(hash) & mask;
        while (table[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        table[slot] = heapIndex + 1;
        return slot;
    }

    /** Linear-probing deletion by backward shift, so no tombstones pile up under constant eviction. */
    private void removeSlot(int hole) {
        table[hole] = 0;
        for (int slot = (hole + 1) & mask; table[slot] != 0; slot = (slot + 1) & mask) {
            int heapIndex = table[slot] - 1;
            int home = spread(keys[heapIndex].hashCode()) & mask;
            // Move the entry into the hole unless its home lies cyclically in (hole, slot].
            boolean homeBetween = hole <= slot ? (home > hole && home <= slot) : (home > hole || home <= slot);
            if (!homeBetween) {
                table[hole] = table[slot];
                slotOf[heapIndex] = hole;
                table[slot] = 0;
                hole = slot;
            }
        }
    }

    private static int spread(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    private void siftUp(int i) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (counts[parent] <= counts[i]) {
                return;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void siftDown(int i) {
        while (true) {
            int left = 2 * i + 1;
            if (left >= size) {
                return;
            }
            int right = left + 1;
            int smallest = right < size && counts[right] < counts[left] ? right : left;
            if (counts[i] <= counts[smallest]) {
                return;
            }
            swap(i, smallest);
            i = smallest;
        }
    }

    private void swap(int i, int j) {
        String key = keys[i];
        keys[i] = keys[j];
        keys[j] = key;
        long count = counts[i];
        counts[i] = counts[j];
        counts[j] = count;
        long error = errors[i];
        errors[i] = errors[j];
        errors[j] = error;
        int slot = slotOf[i];
        slotOf[i] = slotOf[j];
        slotOf[j] = slot;
        table[slotOf[i]] = i + 1;
        table[slotOf[j]] = j + 1;
    }
}
