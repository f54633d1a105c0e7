package org.textclf.explore;

/**
 * The model the guide recommends for a corpus, from its ratio S/W of samples to median words per sample
 * ("Step 2.5: Choose a model"): below {@value #MLP_MAX_RATIO}, n-gram tf-idf vectors with an MLP; otherwise a
 * sepCNN on word sequences, starting from pretrained embeddings when S/W is below {@value #EMBEDDINGS_MAX_RATIO}
 * (too few samples per word to learn good embeddings from scratch).
 *
 * @param family         which of the guide's two families of models: n-gram vectors or word sequences
 * @param useEmbeddings  whether to start the sequence model from pretrained word embeddings (always false for
 *                       n-grams)
 * @param reason         one sentence for the user, citing the ratio and the threshold it was compared with
 */
public record ModelChoice(Family family, boolean useEmbeddings, String reason) {

    /** The guide's two families of models; which model of a family is trained is the caller's choice. */
    public enum Family {
        /** Tf-idf vectors of word n-grams, e.g. the guide's MLP. */
        NGRAM,
        /** Sequences of word ids, e.g. the guide's sepCNN. */
        SEQUENCE
    }

    /** Below this S/W ratio the guide's n-gram MLP beats sequence models. */
    public static final double MLP_MAX_RATIO = 1500;

    /** Below this S/W ratio a sepCNN should start from pretrained embeddings. */
    public static final double EMBEDDINGS_MAX_RATIO = 15_000;

    public ModelChoice {
        java.util.Objects.requireNonNull(family, "family");
        if (useEmbeddings && family == Family.NGRAM) {
            throw new IllegalArgumentException("pretrained embeddings apply to sequence models only, found "
                    + family);
        }
    }

    /**
     * The guide's choice for a samples / median-words-per-sample ratio.
     *
     * @throws IllegalArgumentException when the ratio is not a finite positive number
     */
    public static ModelChoice forRatio(double swRatio) {
        if (!(swRatio > 0) || Double.isInfinite(swRatio)) {
            throw new IllegalArgumentException("S/W ratio must be a finite positive number, found " + swRatio);
        }
        String ratio = String.format("S/W = %,.0f", swRatio);
        if (swRatio < MLP_MAX_RATIO) {
            return new ModelChoice(Family.NGRAM, false, String.format(
                    "%s < %,.0f: few samples for their length, so n-gram tf-idf vectors with an MLP", ratio,
                    MLP_MAX_RATIO));
        }
        if (swRatio < EMBEDDINGS_MAX_RATIO) {
            return new ModelChoice(Family.SEQUENCE, true, String.format(
                    "%s >= %,.0f: many short samples, so a sepCNN on word sequences; below %,.0f, so start from"
                            + " pretrained word embeddings and fine-tune them",
                    ratio, MLP_MAX_RATIO, EMBEDDINGS_MAX_RATIO));
        }
        return new ModelChoice(Family.SEQUENCE, false, String.format(
                "%s >= %,.0f: many short samples, so a sepCNN on word sequences, with embeddings learned from"
                        + " scratch (enough samples: S/W >= %,.0f)",
                ratio, MLP_MAX_RATIO, EMBEDDINGS_MAX_RATIO));
    }
}
