package org.textclf.explore;

/**
 * One bar of the sample-length histogram: how many samples have between {@code fromWords} and {@code toWords}
 * words, both inclusive. The last bucket of a histogram may be open-ended ({@code toWords} =
 * {@link #UNBOUNDED}): it gathers the longest samples, so that a long tail does not flatten the plot.
 */
public record LengthBucket(int fromWords, int toWords, long samples) {
    public static final int UNBOUNDED = Integer.MAX_VALUE;

    public LengthBucket {
        if (fromWords < 0 || toWords < fromWords) {
            throw new IllegalArgumentException("expected 0 <= fromWords <= toWords, found " + fromWords + " and "
                    + toWords);
        }
        if (samples < 0) {
            throw new IllegalArgumentException("samples must not be negative, found " + samples);
        }
    }

    public boolean isOpenEnded() {
        return toWords == UNBOUNDED;
    }

    /** For axis labels: {@code 0-9}, {@code 7}, or {@code 500+}. */
    public String label() {
        if (isOpenEnded()) {
            return fromWords + "+";
        }
        return fromWords == toWords ? Integer.toString(fromWords) : fromWords + "-" + toWords;
    }
}
