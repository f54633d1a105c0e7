package org.textclf.branch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.textclf.batch.Vectorizer;
import org.textclf.config.AutoBranchConfig;
import org.textclf.config.BranchConfig;
import org.textclf.data.Labels;
import org.textclf.explore.ModelChoice;
import org.textclf.nn.Network;

/**
 * The registry of model families, by name: the one place that lists them. A new branch is one line here.
 */
public final class Branches {
    private static final List<ModelBranch<?>> MODELS = List.of(new MlpBranch(), new LinearBranch(),
            new SepCnnBranch());
    private static final List<Branch> ALL = concat(new AutoBranch(), MODELS);

    /** The branch a run trains when none is named: the guide's choice by S/W. */
    public static final String DEFAULT = AutoBranch.NAME;

    private Branches() {
    }

    private static List<Branch> concat(Branch first, List<ModelBranch<?>> rest) {
        List<Branch> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return List.copyOf(all);
    }

    /** Their names, as users type them. */
    public static List<String> names() {
        List<String> names = new ArrayList<>();
        for (Branch b : ALL) {
            names.add(b.name());
        }
        return names;
    }

    /**
     * The model branch called {@code name}, as a model file records it.
     *
     * @throws IllegalArgumentException naming the model branches when there is none
     */
    public static ModelBranch<?> model(String name) {
        List<String> names = new ArrayList<>();
        for (ModelBranch<?> b : MODELS) {
            if (b.name().equals(name)) {
                return b;
            }
            names.add(b.name());
        }
        throw new IllegalArgumentException("unknown model '" + name + "'; expected one of " + String.join(", ",
                names));
    }

    /**
     * The branch called {@code name}.
     *
     * @throws IllegalArgumentException naming the valid names when there is none
     */
    public static Branch byName(String name) {
        for (Branch b : ALL) {
            if (b.name().equals(name)) {
                return b;
            }
        }
        throw new IllegalArgumentException("unknown model '" + name + "'; expected one of " + String.join(", ",
                names()));
    }

    /** The branch that reads {@code config}. */
    public static Branch of(BranchConfig config) {
        for (Branch b : ALL) {
            if (b.configType().isInstance(config)) {
                return b;
            }
        }
        throw new IllegalArgumentException("no branch reads " + config.getClass().getName() + "; expected the"
                + " config of one of " + String.join(", ", names()));
    }

    /** The model that a fitted vectorizer and a trained network make, for the branch that knows both kinds. */
    public static FittedModel<?> model(Labels labels, Vectorizer<?> vectorizer, Network<?> network) {
        for (ModelBranch<?> b : MODELS) {
            Optional<? extends FittedModel<?>> model = b.model(labels, vectorizer, network);
            if (model.isPresent()) {
                return model.get();
            }
        }
        throw new IllegalArgumentException("no branch pairs a " + vectorizer.getClass().getSimpleName() + " with a "
                + network.getClass().getSimpleName() + "; expected the vectorizer and network of one of "
                + String.join(", ", names()));
    }

    /**
     * The branch the guide's rule ({@code auto} with its defaults) trains for a family: the n-gram MLP, the sepCNN.
     */
    public static Branch guideChoice(ModelChoice.Family family) {
        return of(family == ModelChoice.Family.NGRAM ? AutoBranchConfig.DEFAULTS.below()
                : AutoBranchConfig.DEFAULTS.above());
    }

    /** Lets {@code mapper} read and write every branch's config under its name (the {@code "branch"} property). */
    public static ObjectMapper registerConfigs(ObjectMapper mapper) {
        for (Branch b : ALL) {
            mapper.registerSubtypes(new NamedType(b.configType(), b.name()));
        }
        return mapper;
    }

    /** {@code config} as the record {@code branch} reads, or a message naming both. */
    static <C extends BranchConfig> C expect(Class<C> type, BranchConfig config, String branch) {
        if (!type.isInstance(config)) {
            throw new IllegalArgumentException(branch + " reads a " + type.getSimpleName() + "; found "
                    + (config == null ? "none" : config.getClass().getSimpleName()));
        }
        return type.cast(config);
    }
}
