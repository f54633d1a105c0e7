package org.textclf.config;

import java.util.Objects;

/**
 * The guide's choice of model by the corpus' ratio of samples to median words per sample (S/W), measured while the
 * first branch's fit reads the data: {@code below} the guide's threshold of 1,500, {@code above} it otherwise.
 *
 * @param below the branch for corpora of few, long samples (the guide: the n-gram MLP)
 * @param above the branch for corpora of many short samples (the guide: the sepCNN, from pretrained embeddings when
 *     S/W is below 15,000 and they are given)
 */
public record AutoBranchConfig(BranchConfig below, BranchConfig above) implements BranchConfig {
    /** The guide's two branches with their defaults. */
    public static final AutoBranchConfig DEFAULTS = new AutoBranchConfig(MlpBranchConfig.DEFAULTS,
            SepCnnBranchConfig.DEFAULTS);

    public AutoBranchConfig {
        Objects.requireNonNull(below, "below");
        Objects.requireNonNull(above, "above");
        if (below instanceof AutoBranchConfig || above instanceof AutoBranchConfig) {
            throw new IllegalArgumentException("auto chooses between two branches; found auto inside auto");
        }
    }
}
