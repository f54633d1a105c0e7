package org.textclf.config;

import java.util.Objects;
import org.textclf.feed.BatchGenerator;
import org.textclf.nn.MlpConfig;
import org.textclf.text.NgramConfig;

/**
 * The guide's n-gram model: tf-idf of word n-grams, the top features by ANOVA F, then an MLP.
 *
 * @param ngram the vectorizer and its feature selection
 * @param mlp the network
 */
public record MlpBranchConfig(NgramConfig ngram, MlpConfig mlp) implements BranchConfig {
    /** The n-gram models' default examples per step (their branch's default for {@link FitConfig#batchSize()}). */
    public static final int DEFAULT_BATCH_SIZE = BatchGenerator.DEFAULT_BATCH_SIZE;

    /** The guide's settings: uni+bigrams, min_df 2, top 20,000 features; 2 layers of 64 units, dropout 0.2. */
    public static final MlpBranchConfig DEFAULTS = new MlpBranchConfig(NgramConfig.DEFAULT, MlpConfig.DEFAULTS);

    public MlpBranchConfig {
        Objects.requireNonNull(ngram, "ngram");
        Objects.requireNonNull(mlp, "mlp");
    }
}
