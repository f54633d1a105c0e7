package org.textclf.text;

/**
 * Sums of float32 tf-idf values and of their squares, kept exactly as fixed-point integers, so that summing in any
 * order and adding partial sums of partitions give the same bits: what makes the n-gram fit's second-pass
 * statistics mergeable. A double sum would not do: its rounding depends on the order of the additions.
 *
 * <p>A value {@code v = m * 2^(e - 150)} (m its 24-bit significand, e its biased exponent) is held as the integer
 * {@code v * 2^64} in two longs (128 bits, unsigned), its square {@code v^2 * 2^128} in three (192 bits). Exact for
 * {@code 2^-41 <= v < 2^23}, and so for every tf-idf value: an L2-normalized value is at most 1, and at least
 * {@code 1 / norm >= 2^-39} since a document's norm is at most its n-gram occurrences (under 2^33 in a String)
 * times the largest idf (under 45). Each total stays below 2^64, the most either holds, since every value is at
 * most 1 and no corpus has 2^63 documents. {@link #toDouble} then rounds once, to nearest.
 *
 * <p>Costs: 16 bytes per class and feature and 24 per feature, against 8 and 8 for double sums; about 25 integer
 * operations per value, which the cache misses of the random feature ids hide (TextPasses fit).
 */
final class ExactSums {
    /** Longs per feature of a class sum and of a sum of squares. */
    static final int SUM_WORDS = 2;
    static final int SQUARE_WORDS = 3;
    /** Biased float exponent of 2^-41, the smallest value held exactly. */
    private static final int MIN_EXPONENT = 86;

    /** Where {@link #prefetch} leaves its loads' value, so that the JIT keeps them. */
    private static volatile long sink;

    private ExactSums() {
    }

    /**
     * Loads the first and the {@code last}-th word of each of {@code ids[0..n)}'s groups of {@code stride} words (the
     * one or two cache lines its sums take). Why: the adding loop's loads wait on the stores before them, so the CPU
     * takes the cache misses of the random feature ids one at a time; this branch-free loop lets it overlap them, as
     * {@link FeatureTable#prefetch} does for the lookups. Pass 2 over IMDB in memory: 0.87 s CPU with it, 1.40 s
     * without (TextPasses fit).
     */
    static void prefetch(long[] words, int[] ids, int n, int stride, int last) {
        long touched = 0;
        for (int j = 0; j < n; j++) {
            int group = ids[j] * stride;
            touched += words[group] + words[group + last];
        }
        sink = touched;
    }

    /**
     * Adds {@code v} to the sum at {@code words[s], words[s + 1]} and its square to the sum of squares at
     * {@code words[q .. q + 2]}.
     *
     * @throws IllegalArgumentException when v is not in {@code [2^-41, 2^23)}
     */
    static void add(long[] words, int s, int q, float v) {
        int bits = Float.floatToRawIntBits(v);
        int shift = (bits >>> 23) - MIN_EXPONENT; // v * 2^64 = m << shift
        if ((shift & ~63) != 0) {
            throw outOfRange(v); // built elsewhere, to keep this method small enough to inline in the pass's loop
        }
        long m = (bits & 0x7FFFFF) | 0x800000;
        // the sum: m << shift, over two words
        long low = m << shift;
        long high = (m >>> 1) >>> (63 - shift);
        long w0 = words[s];
        long r0 = w0 + low;
        words[s] = r0;
        words[s + 1] += high + carry(w0, low, r0);
        // the square: m^2 << 2 * shift, over three words; the shift may cross into the second word
        long mm = m * m;
        int shift2 = 2 * shift;
        long up = -(long) (shift2 >>> 6); // all ones when the square starts in the second word
        int b = shift2 & 63;
        long p0 = mm << b;
        long p1 = (mm >>> 1) >>> (63 - b);
        long a0 = p0 & ~up;
        long a1 = (p1 & ~up) | (p0 & up);
        long a2 = p1 & up;
        long x0 = words[q];
        long y0 = x0 + a0;
        long c0 = carry(x0, a0, y0);
        long x1 = words[q + 1];
        long t1 = x1 + a1;
        long c1 = carry(x1, a1, t1);
        long y1 = t1 + c0;
        c1 += carry(t1, c0, y1);
        words[q] = y0;
        words[q + 1] = y1;
        words[q + 2] += a2 + c1;
    }

    private static IllegalArgumentException outOfRange(float v) {
        return new IllegalArgumentException("cannot sum " + v + " exactly; expected a value in [2^-41, 2^23)");
    }

    /** The carry out of the unsigned addition {@code a + b = sum}, as 0 or 1, without a branch. */
    private static long carry(long a, long b, long sum) {
        return ((a & b) | ((a | b) & ~sum)) >>> 63;
    }

    /** Adds the fixed-point number {@code from[at .. at + count)} to {@code to[at .. at + count)}. */
    static void add(long[] to, long[] from, int at, int count) {
        long carry = 0;
        for (int w = at; w < at + count; w++) {
            long a = to[w];
            long b = from[w];
            long t = a + b;
            long c = carry(a, b, t);
            long r = t + carry;
            c += carry(t, carry, r);
            to[w] = r;
            carry = c;
        }
        if (carry != 0) {
            throw new ArithmeticException("exact sum overflows " + 64 * count + " bits");
        }
    }

    /**
     * The fixed-point number {@code words[offset .. offset + count)} (least significant word first, unsigned) times
     * {@code 2^-scale}, rounded to the nearest double (ties to even), as one rounding of the exact value.
     */
    static double toDouble(long[] words, int offset, int count, int scale) {
        int top = count - 1;
        while (top >= 0 && words[offset + top] == 0) {
            top--;
        }
        if (top < 0) {
            return 0.0;
        }
        int msb = 64 * top + 63 - Long.numberOfLeadingZeros(words[offset + top]);
        if (msb < 63) {
            return Math.scalb((double) words[offset], -scale); // fits a positive long: one rounding already
        }
        // The 63 bits from the most significant down, the bits below folded into the lowest one ("sticky"), so
        // that the long-to-double conversion rounds exactly as the whole number would.
        int start = msb - 62;
        int word = start >>> 6;
        int bit = start & 63;
        long x = words[offset + word] >>> bit;
        if (bit > 0 && word + 1 < count) {
            x |= words[offset + word + 1] << (64 - bit);
        }
        x &= Long.MAX_VALUE;
        boolean sticky = bit > 0 && (words[offset + word] & ((1L << bit) - 1)) != 0;
        for (int w = 0; w < word && !sticky; w++) {
            sticky = words[offset + w] != 0;
        }
        return Math.scalb((double) (x | (sticky ? 1 : 0)), start - scale);
    }
}
