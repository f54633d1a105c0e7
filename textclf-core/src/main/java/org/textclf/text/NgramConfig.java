package org.textclf.text;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.textclf.io.HeapShare;

/**
 * How the n-gram vectorizer is fitted: the guide's {@code ngram_vectorize} settings, each default declared once
 * here. Immutable; the constructor checks every rule.
 *
 * @param ngramMin the shortest n-gram, in tokens (the guide: 1)
 * @param ngramMax the longest n-gram, in tokens (the guide: 2)
 * @param minDocumentFrequency n-grams in fewer training documents than this are dropped (the guide: 2)
 * @param topK how many features {@code SelectKBest(f_classif)} keeps (the guide: 20,000)
 * @param candidateBudgetBytes memory for counting document frequencies in the first pass; when a corpus has more
 *     distinct n-grams than fit, the rarest are pruned and the pruning is reported
 * @param sublinearTf whether a term's count {@code tf} weighs {@code 1 + ln(tf)} instead of {@code tf} in the tf-idf
 *     rows (scikit-learn's {@code sublinear_tf}; the guide: false)
 * @param tokenPattern what a token is (scikit-learn's {@code token_pattern}; the guide: {@link TokenPattern#GUIDE})
 */
public record NgramConfig(int ngramMin, int ngramMax, int minDocumentFrequency, int topK, long candidateBudgetBytes,
        boolean sublinearTf, TokenPattern tokenPattern) {

    public static final int DEFAULT_NGRAM_MIN = 1;
    public static final int DEFAULT_NGRAM_MAX = 2;
    public static final int DEFAULT_MIN_DOCUMENT_FREQUENCY = 2;
    public static final int DEFAULT_TOP_K = 20_000;
    public static final boolean DEFAULT_SUBLINEAR_TF = true;
    public static final TokenPattern DEFAULT_TOKEN_PATTERN = TokenPattern.WORDS_AND_SYMBOLS;
    /** {@link #write}'s layout: 1 had no {@code sublinearTf}, 2 no {@code tokenPattern}; {@link #read} reads all. */
    static final int LAYOUT = 3;
    /** 64 MiB, or a quarter of a smaller heap ({@link HeapShare}): more n-grams are pruned there, and reported. */
    public static final long DEFAULT_CANDIDATE_BUDGET_BYTES = HeapShare.of(64L << 20);
    /** The longest n-gram we accept; longer ones are almost never repeated, so they only cost memory. */
    public static final int MAX_NGRAM = 8;
    /** The smallest table worth having: 64 slots of a 64-bit key and a 32-bit count. */
    public static final long MIN_CANDIDATE_BUDGET_BYTES = 64 * DocumentFrequencies.BYTES_PER_SLOT;

    /** The defaults: the guide's, but for sublinear tf and the token pattern (README, "Defaults"). */
    public static final NgramConfig DEFAULT = builder().build();

    public NgramConfig {
        if (ngramMin < 1 || ngramMin > ngramMax || ngramMax > MAX_NGRAM) {
            throw new IllegalArgumentException("ngramRange must satisfy 1 <= min <= max <= " + MAX_NGRAM
                    + "; found (" + ngramMin + ", " + ngramMax + ")");
        }
        if (minDocumentFrequency < 1) {
            throw new IllegalArgumentException("minDocumentFrequency must be at least 1; found "
                    + minDocumentFrequency);
        }
        if (topK < 1) {
            throw new IllegalArgumentException("topK must be at least 1; found " + topK);
        }
        if (tokenPattern == null) {
            throw new IllegalArgumentException("tokenPattern must be given");
        }
        if (candidateBudgetBytes < MIN_CANDIDATE_BUDGET_BYTES) {
            throw new IllegalArgumentException("candidateBudgetBytes must be at least " + MIN_CANDIDATE_BUDGET_BYTES
                    + "; found " + candidateBudgetBytes);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        return new Builder().ngramRange(ngramMin, ngramMax).minDocumentFrequency(minDocumentFrequency).topK(topK)
                .candidateBudgetBytes(candidateBudgetBytes).sublinearTf(sublinearTf).tokenPattern(tokenPattern);
    }

    /** Writes the settings as {@link #read} reads them: four ints, a long, a boolean, a byte (the pattern's code). */
    void write(DataOutput out) throws IOException {
        out.writeInt(ngramMin);
        out.writeInt(ngramMax);
        out.writeInt(minDocumentFrequency);
        out.writeInt(topK);
        out.writeLong(candidateBudgetBytes);
        out.writeBoolean(sublinearTf);
        out.writeByte(tokenPattern.code());
    }

    /**
     * Reads what {@link #write} wrote in {@code layout} ({@link #LAYOUT} or older): before 2, {@code sublinearTf} is
     * false, before 3 the token pattern is the guide's, as those files were computed.
     *
     * @throws IOException prefixed by {@code what} when a setting breaks a rule
     */
    static NgramConfig read(DataInput in, int layout, String what) throws IOException {
        int min = in.readInt();
        int max = in.readInt();
        int minDf = in.readInt();
        int topK = in.readInt();
        long budget = in.readLong();
        boolean sublinear = layout >= 2 && in.readBoolean();
        int code = layout >= 3 ? in.readUnsignedByte() : TokenPattern.GUIDE.code();
        TokenPattern pattern = TokenPattern.ofCode(code);
        if (pattern == null) {
            throw new IOException(what + ": bad config: unknown token pattern code " + code
                    + " (a damaged file, or one from a newer textclf)");
        }
        try {
            return new NgramConfig(min, max, minDf, topK, budget, sublinear, pattern);
        } catch (IllegalArgumentException e) {
            throw new IOException(what + ": bad config: " + e.getMessage(), e);
        }
    }

    /** Builds an {@link NgramConfig}; starts from the guide's defaults. */
    public static final class Builder {
        private int ngramMin = DEFAULT_NGRAM_MIN;
        private int ngramMax = DEFAULT_NGRAM_MAX;
        private int minDocumentFrequency = DEFAULT_MIN_DOCUMENT_FREQUENCY;
        private int topK = DEFAULT_TOP_K;
        private long candidateBudgetBytes = DEFAULT_CANDIDATE_BUDGET_BYTES;
        private boolean sublinearTf = DEFAULT_SUBLINEAR_TF;
        private TokenPattern tokenPattern = DEFAULT_TOKEN_PATTERN;

        private Builder() {
        }

        /** scikit-learn's {@code ngram_range=(min, max)}, both ends included. */
        public Builder ngramRange(int min, int max) {
            this.ngramMin = min;
            this.ngramMax = max;
            return this;
        }

        public Builder minDocumentFrequency(int minDocumentFrequency) {
            this.minDocumentFrequency = minDocumentFrequency;
            return this;
        }

        public Builder topK(int topK) {
            this.topK = topK;
            return this;
        }

        public Builder candidateBudgetBytes(long candidateBudgetBytes) {
            this.candidateBudgetBytes = candidateBudgetBytes;
            return this;
        }

        /** scikit-learn's {@code sublinear_tf}: {@code 1 + ln(tf)} for a term's count {@code tf}. */
        public Builder sublinearTf(boolean sublinearTf) {
            this.sublinearTf = sublinearTf;
            return this;
        }

        /** scikit-learn's {@code token_pattern}, as one of {@link TokenPattern}'s. */
        public Builder tokenPattern(TokenPattern tokenPattern) {
            this.tokenPattern = tokenPattern;
            return this;
        }

        public NgramConfig build() {
            return new NgramConfig(ngramMin, ngramMax, minDocumentFrequency, topK, candidateBudgetBytes, sublinearTf,
                    tokenPattern);
        }
    }
}
