package org.textclf.feed;

/** Seeded 64-bit hashing for splits and shuffles: FNV-1a over UTF-16 units, finished by a strong mixer. */
final class Hashing {
    private Hashing() {
    }

    static long text(String text, long seed) {
        long h = 0xcbf29ce484222325L ^ mix(seed);
        for (int i = 0, n = text.length(); i < n; i++) {
            h ^= text.charAt(i);
            h *= 0x100000001b3L;
        }
        return mix(h);
    }

    /** Stafford's variant 13 of the MurmurHash3 finalizer (as SplittableRandom uses). */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
