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
 * <p>The paper's Stream-Summary keeps increments and evictions O(1) whatever the stream: n-grams with equal counts
 * share a bucket, and buckets form a list by increasing count, so the least counted n-gram is the head of the first
 * bucket. On IMDB train (11.3 million uni+bigram occurrences, 1.5 million distinct) it takes about as long as a
 * min-heap did (2.6 s vs 2.7 s CPU, best of three): the time goes to hash probes. Everything lives in primitive
 * arrays, with an open-addressing hash (linear probing) from n-gram to place. Bigrams are looked up by their two
 * tokens without building the joined string, which is only allocated when a bigram enters the table: counting
 * allocates nothing per token. Not thread-safe.
 */
public final class TopNgrams {
    /** Enough for exact top-50 counts on the corpora we know (IMDB: 1.5 million distinct uni+bigrams). */
    public static final int DEFAULT_CAPACITY = 100_000;

    /** Beyond this the hash table alone (up to four int slots per n-gram) would pass 1 GB. */
    public static final int MAX_CAPACITY = 1 << 26;

    private static final int NONE = -1;

    private final int capacity;
    // Places, 0..size-1: the n-gram, its error, its hash slot, its bucket and its neighbours in that bucket.
    private final String[] keys;
    private final long[] errors;
    private final int[] slotOf;
    private final int[] bucketOf;
    private final int[] nextInBucket;
    private final int[] previousInBucket;
    private int size;
    // Buckets: a count, the first place with that count, and the buckets of the next lower and higher counts.
    // Unused buckets are chained through bucketNext from freeBucket.
    private final long[] bucketCount;
    private final int[] bucketFirst;
    private final int[] bucketPrevious;
    private final int[] bucketNext;
    private int freeBucket;
    private int minBucket = NONE;
    // Hash slot -> place + 1 (0 = empty). At most half full, so probes stay short.
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
        errors = new long[capacity];
        slotOf = new int[capacity];
        bucketOf = new int[capacity];
        nextInBucket = new int[capacity];
        previousInBucket = new int[capacity];
        // One bucket per place at most, plus one being created while the last place still holds its old one.
        int buckets = capacity + 1;
        bucketCount = new long[buckets];
        bucketFirst = new int[buckets];
        bucketPrevious = new int[buckets];
        bucketNext = new int[buckets];
        for (int b = 0; b < buckets; b++) {
            bucketNext[b] = b + 1 < buckets ? b + 1 : NONE;
        }
        freeBucket = 0;
        int tableSize = Integer.highestOneBit(capacity) << 2;
        table = new int[tableSize];
        mask = tableSize - 1;
    }

    /** Counts one occurrence of a unigram. */
    public void add(String token) {
        int hash = token.hashCode();
        int place = find(token, null, hash);
        total++;
        if (place >= 0) {
            increment(place);
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
        int place = find(first, second, hash);
        total++;
        if (place >= 0) {
            increment(place);
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
        Integer[] order = sortedPlaces();
        List<NgramCount> top = new ArrayList<>(Math.min(n, size));
        for (int i = 0; i < order.length && i < n; i++) {
            top.add(new NgramCount(keys[order[i]], count(order[i])));
        }
        return top;
    }

    /**
     * Whether {@link #top(int)} is exactly what counting every n-gram would give: every listed count has no error,
     * no n-gram out of the table can reach the last listed count, and every n-gram in the table that reaches it
     * has an exact count (so ties are broken by n-gram as in an exact count).
     */
    public boolean isTopExact(int n) {
        if (!evicted) {
            return true;
        }
        Integer[] order = sortedPlaces();
        int listed = Math.min(n, order.length);
        if (listed == 0) {
            return true;
        }
        long last = count(order[listed - 1]);
        // An n-gram out of the table occurred at most min-count times, and may sort before a tied listed one.
        if (bucketCount[minBucket] >= last) {
            return false;
        }
        for (int i = 0; i < order.length && (i < listed || count(order[i]) >= last); i++) {
            if (errors[order[i]] != 0) {
                return false;
            }
        }
        return true;
    }

    private long count(int place) {
        return bucketCount[bucketOf[place]];
    }

    private Integer[] sortedPlaces() {
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.<Integer>comparingLong(i -> -count(i)).thenComparing(i -> keys[i]));
        return order;
    }

    /** The place of the n-gram {@code first} (a unigram, when {@code second} is null) or first+' '+second. */
    private int find(String first, String second, int hash) {
        for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
            int entry = table[slot];
            if (entry == 0) {
                return NONE;
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

    private void insert(String key, int hash) {
        if (size < capacity) {
            int place = size++;
            keys[place] = key;
            errors[place] = 0;
            slotOf[place] = place(hash, place);
            if (minBucket != NONE && bucketCount[minBucket] == 1) {
                link(place, minBucket);
            } else {
                int b = newBucket(1, NONE, minBucket);
                link(place, b);
            }
            return;
        }
        // Space-Saving: the newcomer replaces a least counted n-gram and inherits its count as its error.
        evicted = true;
        int place = bucketFirst[minBucket];
        removeSlot(slotOf[place]);
        errors[place] = bucketCount[minBucket];
        keys[place] = key;
        slotOf[place] = place(hash, place);
        increment(place);
    }

    /** Moves {@code place} from its bucket to the bucket of the next count, creating it when needed. */
    private void increment(int place) {
        int from = bucketOf[place];
        long count = bucketCount[from] + 1;
        int next = bucketNext[from];
        boolean alone = bucketFirst[from] == place && nextInBucket[place] == NONE;
        if (next != NONE && bucketCount[next] == count) {
            unlink(place);
            link(place, next);
        } else if (alone) {
            bucketCount[from] = count; // still below the next bucket's count, so the list stays ordered
        } else {
            unlink(place);
            link(place, newBucket(count, from, next));
        }
    }

    private int newBucket(long count, int previous, int next) {
        int b = freeBucket;
        freeBucket = bucketNext[b];
        bucketCount[b] = count;
        bucketFirst[b] = NONE;
        bucketPrevious[b] = previous;
        bucketNext[b] = next;
        if (previous != NONE) {
            bucketNext[previous] = b;
        } else {
            minBucket = b;
        }
        if (next != NONE) {
            bucketPrevious[next] = b;
        }
        return b;
    }

    private void link(int place, int bucket) {
        int first = bucketFirst[bucket];
        nextInBucket[place] = first;
        previousInBucket[place] = NONE;
        if (first != NONE) {
            previousInBucket[first] = place;
        }
        bucketFirst[bucket] = place;
        bucketOf[place] = bucket;
    }

    /** Takes {@code place} out of its bucket, freeing the bucket when it empties. */
    private void unlink(int place) {
        int bucket = bucketOf[place];
        int previous = previousInBucket[place];
        int next = nextInBucket[place];
        if (previous != NONE) {
            nextInBucket[previous] = next;
        } else {
            bucketFirst[bucket] = next;
        }
        if (next != NONE) {
            previousInBucket[next] = previous;
        }
        if (bucketFirst[bucket] == NONE) {
            int lower = bucketPrevious[bucket];
            int higher = bucketNext[bucket];
            if (lower != NONE) {
                bucketNext[lower] = higher;
            } else {
                minBucket = higher;
            }
            if (higher != NONE) {
                bucketPrevious[higher] = lower;
            }
            bucketNext[bucket] = freeBucket;
            freeBucket = bucket;
        }
    }

    private int place(int hash, int place) {
        int slot = spread(hash) & mask;
        while (table[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        table[slot] = place + 1;
        return slot;
    }

    /** Linear-probing deletion by backward shift, so no tombstones pile up under constant eviction. */
    private void removeSlot(int hole) {
        table[hole] = 0;
        for (int slot = (hole + 1) & mask; table[slot] != 0; slot = (slot + 1) & mask) {
            int place = table[slot] - 1;
            int home = spread(keys[place].hashCode()) & mask;
            // Move the entry into the hole unless its home lies cyclically in (hole, slot].
            boolean homeBetween = hole <= slot ? (home > hole && home <= slot) : (home > hole || home <= slot);
            if (!homeBetween) {
                table[hole] = table[slot];
                slotOf[place] = hole;
                table[slot] = 0;
                hole = slot;
            }
        }
    }

    private static int spread(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
