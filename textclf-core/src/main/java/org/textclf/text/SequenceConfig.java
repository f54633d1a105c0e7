package org.textclf.text;

import org.textclf.io.HeapShare;

/**
 * How the sequence vectorizer is fitted: the guide's {@code sequence_vectorize} settings, each default declared
 * once here. Immutable; the constructor checks every rule.
 *
 * @param maxWords how many of the training corpus' most frequent words get an id of their own (the guide's
 *     {@code TOP_K}: 20,000); the others map to {@link SequenceVectorizer#OUT_OF_VOCABULARY}
 * @param maxLength the longest sequence, in tokens (the guide's {@code MAX_SEQUENCE_LENGTH}: 500); longer ones keep
 *     their last {@code maxLength} tokens
 * @param countBudgetBytes memory for counting word frequencies in the fit's pass; when a corpus has more distinct
 *     words than fit, the rarest are pruned and the fit reports that its counts are approximate
 */
public record SequenceConfig(int maxWords, int maxLength, long countBudgetBytes) {

    public static final int DEFAULT_MAX_WORDS = 20_000;
    public static final int DEFAULT_MAX_LENGTH = 500;
    /** 64 MiB, or a quarter of a smaller heap ({@link HeapShare}): more words are pruned there, and reported. */
    public static final long DEFAULT_COUNT_BUDGET_BYTES = HeapShare.of(64L << 20);
    /** Room for a few dozen words: below this the counts would be pruned after every few documents. */
    public static final long MIN_COUNT_BUDGET_BYTES = 4096;
    /** The most words: the ids (two reserved) index one Java array. */
    public static final int MAX_MAX_WORDS = Integer.MAX_VALUE - 16;

    /** The guide's settings. */
    public static final SequenceConfig DEFAULTS = builder().build();

    public SequenceConfig {
        if (maxWords < 1 || maxWords > MAX_MAX_WORDS) {
            throw new IllegalArgumentException("maxWords must be between 1 and " + MAX_MAX_WORDS
                    + "; found " + maxWords);
        }
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be at least 1; found " + maxLength);
        }
        if (countBudgetBytes < MIN_COUNT_BUDGET_BYTES) {
            throw new IllegalArgumentException("countBudgetBytes must be at least " + MIN_COUNT_BUDGET_BYTES
                    + "; found " + countBudgetBytes);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        return new Builder().maxWords(maxWords).maxLength(maxLength).countBudgetBytes(countBudgetBytes);
    }

    /** Builds a {@link SequenceConfig}; starts from the guide's defaults. */
    public static final class Builder {
        private int maxWords = DEFAULT_MAX_WORDS;
        private int maxLength = DEFAULT_MAX_LENGTH;
        private long countBudgetBytes = DEFAULT_COUNT_BUDGET_BYTES;

        private Builder() {
        }

        public Builder maxWords(int maxWords) {
            this.maxWords = maxWords;
            return this;
        }

        public Builder maxLength(int maxLength) {
            this.maxLength = maxLength;
            return this;
        }

        public Builder countBudgetBytes(long countBudgetBytes) {
            this.countBudgetBytes = countBudgetBytes;
            return this;
        }

        public SequenceConfig build() {
            return new SequenceConfig(maxWords, maxLength, countBudgetBytes);
        }
    }
}
