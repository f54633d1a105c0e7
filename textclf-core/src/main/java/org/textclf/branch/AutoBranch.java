package org.textclf.branch;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Consumer;
import org.textclf.config.AutoBranchConfig;
import org.textclf.config.BranchConfig;
import org.textclf.explore.ModelChoice;
import org.textclf.feed.CacheKey;

/**
 * {@code auto}: the guide's rule choosing between two branches by the corpus' S/W ratio. The ratio is measured in
 * the first pass of the {@code below} branch's fit (the guide's n-gram MLP), which goes on when S/W is below 1,500;
 * otherwise that fit stops after its first pass and the {@code above} branch (the sepCNN) fits instead. What it
 * fits is an ordinary model of the chosen branch: the model file records that branch, never {@code auto}, which is
 * why this is a {@link Branch} and not a {@link ModelBranch}.
 */
final class AutoBranch implements Branch {
    static final String NAME = "auto";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "the guide's choice by the ratio of samples to median words per sample, measured in the first pass:"
                + " mlp below 1,500, sepcnn above";
    }

    @Override
    public Class<AutoBranchConfig> configType() {
        return AutoBranchConfig.class;
    }

    @Override
    public BranchConfig defaults() {
        return AutoBranchConfig.DEFAULTS;
    }

    /** Both branches' keys, each under its own prefix: which one is fitted depends on the data alone. */
    @Override
    public void fitKey(BranchConfig config, CacheKey.Builder key) {
        AutoBranchConfig c = config(config);
        for (BranchConfig part : new BranchConfig[] {c.below(), c.above()}) {
            Branch branch = Branches.of(part);
            CacheKey.Builder sub = CacheKey.builder();
            branch.fitKey(part, sub);
            sub.build().parts().forEach((k, v) -> key.put(branch.name() + "." + k, v));
        }
    }

    @Override
    public Optional<? extends Fitted<?>> fit(BranchConfig config, FitContext context) throws IOException {
        AutoBranchConfig c = config(config);
        Branch below = Branches.of(c.below());
        Branch above = Branches.of(c.above());
        Consumer<String> log = context.progress()::line;
        AutoChoice auto = new AutoChoice(ModelChoice.Family.NGRAM, below.name(), above.name(), log);
        Optional<? extends Fitted<?>> fitted = below.fit(c.below(), context.withFirstPass(auto));
        ModelChoice choice = auto.choice();
        if (fitted.isPresent()) {
            above.notChosen(c.above(), log);
            return fitted;
        }
        BranchConfig adapted = above.chosen(c.above(), choice, log);
        return above.fit(adapted, context);
    }

    /** The part of {@code auto}'s configuration that the chosen branch was fitted from. */
    @Override
    public BranchConfig partFor(BranchConfig config, ModelBranch<?> fitted) {
        AutoBranchConfig c = config(config);
        return Branches.of(c.below()) == fitted ? c.below() : c.above();
    }

    private static AutoBranchConfig config(BranchConfig config) {
        return Branches.expect(AutoBranchConfig.class, config, NAME);
    }
}
