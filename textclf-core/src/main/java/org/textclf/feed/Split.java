package org.textclf.feed;

/**
 * How to hold out validation data when no validation file is given: {@code validationFraction} of each class, chosen
 * by a hash of the text seeded with {@code seed}. {@link SplitParts} makes the two parts of a source: a counting pass
 * first ({@link HeldOut}), so that the split is stratified, every class with at least 2 samples keeps samples in
 * training, and a corpus too small to split says so. Hashing the text rather than the position keeps the split
 * stable under reordering and sends duplicate texts of a class to the same side, so validation does not score a
 * sample that training saw.
 */
public record Split(long seed, double validationFraction) {
    /** The guide's 80/20 split. */
    public static final double DEFAULT_VALIDATION_FRACTION = 0.2;

    public Split {
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validationFraction must be in (0, 1), found " + validationFraction);
        }
    }

    public static Split of(long seed) {
        return new Split(seed, DEFAULT_VALIDATION_FRACTION);
    }

    /**
     * The seeded hash of {@code text} as a uniform number in [0, 1). Public so that a fit over partitions (Spark's)
     * holds out exactly the samples the local split would.
     */
    public double unit(String text) {
        return (Hashing.text(text, seed) >>> 11) * 0x1.0p-53;
    }
}
