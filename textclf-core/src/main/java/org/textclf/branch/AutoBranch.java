package org.textclf.branch;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.textclf.batch.Batch;
import org.textclf.batch.Vectorizer;
import org.textclf.config.AutoBranchConfig;
import org.textclf.config.BranchConfig;
import org.textclf.data.Labels;
import org.textclf.explore.ModelChoice;
import org.textclf.feed.CacheKey;
import org.textclf.nn.Network;

/**
 * {@code auto}: the guide's rule choosing between two branches by the corpus' S/W ratio. The ratio is measured in
 * the first pass of the {@code below} branch's fit (the guide's n-gram MLP), which goes on when S/W is below 1,500;
 * otherwise that fit stops after its first pass and the {@code above} branch (the sepCNN) fits instead. What it
 * fits is an ordinary model of the chosen branch: the model file records that branch, never {@code auto}.
 */
final class AutoBranch implements Branch<Batch> {
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

    @Override
    public int defaultBatchSize() {
        throw new UnsupportedOperationException("auto trains the branch it chooses, with that branch's defaults");
    }

    @Override
    public int defaultStepThreads() {
        throw new UnsupportedOperationException("auto trains the branch it chooses, with that branch's defaults");
    }

    /** Both branches' keys, each under its own prefix: which one is fitted depends on the data alone. */
    @Override
    public void fitKey(BranchConfig config, CacheKey.Builder key) {
        AutoBranchConfig c = config(config);
        for (BranchConfig part : new BranchConfig[] {c.below(), c.above()}) {
            Branch<?> branch = Branches.of(part);
            CacheKey.Builder sub = CacheKey.builder();
            branch.fitKey(part, sub);
            sub.build().parts().forEach((k, v) -> key.put(branch.name() + "." + k, v));
        }
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Optional<Fitted<Batch>> fit(BranchConfig config, FitContext context) throws IOException {
        AutoBranchConfig c = config(config);
        Branch below = Branches.of(c.below());
        Branch above = Branches.of(c.above());
        Consumer<String> log = context.progress()::line;
        AutoChoice auto = new AutoChoice(ModelChoice.Family.NGRAM, below.name(), above.name(), log);
        Optional<Fitted<Batch>> fitted = below.fit(c.below(), context.withFirstPass(auto));
        ModelChoice choice = auto.choice();
        if (fitted.isPresent()) {
            above.notChosen(c.above(), log);
            return fitted;
        }
        BranchConfig adapted = above.chosen(c.above(), choice, log);
        return above.fit(adapted, context);
    }

    @Override
    public void writeFitted(Fitted<Batch> fitted, DataOutputStream out) {
        throw new UnsupportedOperationException("a fitted model is of the branch auto chose: "
                + fitted.branch().name());
    }

    @Override
    public Fitted<Batch> readFitted(DataInputStream in, BranchConfig config, Labels labels) {
        throw new UnsupportedOperationException("a fitted model is of the branch auto chose");
    }

    @Override
    public FittedModel<Batch> newModel(Fitted<Batch> fitted, long seed, Consumer<String> log) {
        throw new UnsupportedOperationException("a fitted model is of the branch auto chose");
    }

    @Override
    public Optional<FittedModel<Batch>> model(Labels labels, Vectorizer<?> vectorizer, Network<?> network) {
        return Optional.empty();
    }

    @Override
    public void writeVectorizer(FittedModel<Batch> model, DataOutputStream out) {
        throw new UnsupportedOperationException("a model is of the branch auto chose");
    }

    @Override
    public void writeNetwork(FittedModel<Batch> model, DataOutputStream out) {
        throw new UnsupportedOperationException("a model is of the branch auto chose");
    }

    @Override
    public FittedModel<Batch> readModel(Labels labels, Sections sections, Path path) throws IOException {
        throw new IOException(path + ": a model file records the branch auto chose, never auto");
    }

    @Override
    public Map<String, Object> describe(FittedModel<Batch> model, BranchConfig config) {
        throw new UnsupportedOperationException("a model is of the branch auto chose");
    }

    /** The part of {@code auto}'s configuration that the chosen branch was fitted from. */
    @Override
    public BranchConfig partFor(BranchConfig config, Branch<?> fitted) {
        AutoBranchConfig c = config(config);
        return Branches.of(c.below()) == fitted ? c.below() : c.above();
    }

    private static AutoBranchConfig config(BranchConfig config) {
        return Branches.expect(AutoBranchConfig.class, config, NAME);
    }
}
