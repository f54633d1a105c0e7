package org.textclf.branch;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Consumer;
import org.textclf.config.BranchConfig;
import org.textclf.explore.ModelChoice;
import org.textclf.feed.CacheKey;

/**
 * A name users train by ({@code --model NAME}): how it fits from streamed data and what decides its cache key. Most
 * are a {@link ModelBranch}, a model family that also builds, trains, writes and reads its models; {@code auto} is
 * the guide's rule choosing one of two. A new model is one {@link ModelBranch}, its config record and one line in
 * {@link Branches}.
 */
public interface Branch {

    /** The name users type ({@code --model NAME}); a model branch's is also what model files record. */
    String name();

    /** One line for help texts: what the model is. */
    String summary();

    /** The configuration record this branch reads. */
    Class<? extends BranchConfig> configType();

    /** The configuration with this branch's defaults. */
    BranchConfig defaults();

    /** Adds everything of {@code config} that decides the fitted vectorizer to a cache key. */
    void fitKey(BranchConfig config, CacheKey.Builder key);

    /**
     * Fits the vectorizer of a model branch (this one, or the one this chooses) in streaming passes over
     * {@code context.train()}.
     *
     * @return empty when {@code context.firstPass()} stopped the fit after its first pass
     */
    Optional<? extends Fitted<?>> fit(BranchConfig config, FitContext context) throws IOException;

    /**
     * The part of {@code config} that {@code fitted}, a branch this one fitted on its behalf, was configured from:
     * {@code config} itself but for {@code auto}.
     */
    default BranchConfig partFor(BranchConfig config, ModelBranch<?> fitted) {
        return config;
    }

    /**
     * The configuration to fit when the guide's rule chose this branch for a corpus; e.g. the sepCNN drops
     * pretrained vectors the rule does not want. Says so through {@code log}.
     */
    default BranchConfig chosen(BranchConfig config, ModelChoice choice, Consumer<String> log) {
        return config;
    }

    /** Tells the user what of {@code config} goes unused when the guide's rule chose another branch. */
    default void notChosen(BranchConfig config, Consumer<String> log) {
    }
}
