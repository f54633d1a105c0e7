package org.textclf.config;

import java.util.Objects;
import org.textclf.nn.LinearConfig;
import org.textclf.text.NgramConfig;

/**
 * The guide's other n-gram model: multinomial logistic regression (softmax regression; one sigmoid unit for two
 * classes) on the same tf-idf features as the MLP, with an L2 penalty: the fast baseline.
 *
 * @param ngram the vectorizer and its feature selection
 * @param linear the model's penalty
 */
public record LinearBranchConfig(NgramConfig ngram, LinearConfig linear) implements BranchConfig {
    /**
     * Adam's default learning rate for this branch (its default for {@link FitConfig#learningRate()}): ten times
     * Keras' 1e-3. A linear model on tf-idf rows (values around 0.05) moves its logits slowly, and at 1e-3 it took
     * 203 epochs to early-stop on AG News (12k sample; test accuracy 0.8887, 20.9 s); at 1e-2, 19 epochs (0.8916,
     * 4.5 s); at 3e-2, 8 epochs (0.8903): {@code bin/textclf train ag_news --model linear --learning-rate R}.
     */
    public static final float DEFAULT_LEARNING_RATE = 1e-2f;

    /** The guide's n-gram settings and the default penalty. */
    public static final LinearBranchConfig DEFAULTS = new LinearBranchConfig(NgramConfig.DEFAULT,
            LinearConfig.DEFAULTS);

    public LinearBranchConfig {
        Objects.requireNonNull(ngram, "ngram");
        Objects.requireNonNull(linear, "linear");
    }
}
