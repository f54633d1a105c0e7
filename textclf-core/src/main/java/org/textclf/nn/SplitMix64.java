package org.textclf.nn;

import java.util.random.RandomGenerator;

/**
 * Steele, Lea and Flood's SplitMix64 with a re-seedable state: the dropout masks of one sequence are drawn from
 * its own seed, so they do not depend on which thread handles the sequence, nor on how many threads there are, and
 * re-seeding one generator per thread allocates nothing per sequence.
 */
final class SplitMix64 implements RandomGenerator {

    private long state;

    void seed(long seed) {
        state = seed;
    }

    @Override
    public long nextLong() {
        long z = (state += 0x9e3779b97f4a7c15L);
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
