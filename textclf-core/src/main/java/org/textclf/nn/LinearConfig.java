package org.textclf.nn;

/**
 * The shape of {@link Linear}, multinomial logistic regression on sparse tf-idf rows: its one hyper-parameter is
 * the strength of the L2 penalty on the kernel. Configuration only; weights live in {@link Linear}.
 *
 * @param l2 the penalty {@code 0.5 * l2 * ||W||^2} added to the batch-mean cross-entropy, on the kernel rows a batch
 *     touches (see {@link Linear} for why lazily, and why not on the bias); a finite number at least 0, 0 for none
 */
public record LinearConfig(float l2) {

    /**
     * 1e-5. Text in tf-idf form is often linearly separable (20,000 features against tens of thousands of
     * examples), and there unpenalized logistic regression has no optimum: the weights grow for as long as training
     * runs and the probabilities become overconfident, so a user of logistic regression expects a penalty by
     * default, as scikit-learn's {@code LogisticRegression} has one ({@code C = 1}). Written as a penalty on the mean
     * loss, {@code C = 1} is {@code l2 = 1 / n} for {@code n} training examples: 4e-5 for IMDB's 25,000 reviews, 8e-6
     * for AG News' 120,000. 1e-5 sits in that range at its weaker end, because early stopping on {@code val_loss}
     * regularizes as well. A reasoned default, not yet one tuned on those corpora.
     */
    public static final float DEFAULT_L2 = 1e-5f;

    /** The default: {@link #DEFAULT_L2}. */
    public static final LinearConfig DEFAULTS = new LinearConfig(DEFAULT_L2);

    public LinearConfig {
        if (!(l2 >= 0f) || Float.isInfinite(l2)) {
            throw new IllegalArgumentException("l2 must be a finite number at least 0; found " + l2);
        }
    }
}
