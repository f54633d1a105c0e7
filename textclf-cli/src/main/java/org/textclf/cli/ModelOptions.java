package org.textclf.cli;

import java.nio.file.Files;
import java.util.Iterator;
import org.textclf.branch.Branch;
import org.textclf.branch.Branches;
import org.textclf.config.AutoBranchConfig;
import org.textclf.config.BranchConfig;
import org.textclf.config.LinearBranchConfig;
import org.textclf.config.MlpBranchConfig;
import org.textclf.config.SepCnnBranchConfig;
import org.textclf.feed.CacheKey;
import org.textclf.nn.LinearConfig;
import org.textclf.nn.MlpConfig;
import org.textclf.text.NgramConfig;
import org.textclf.text.TokenPattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --model} and every branch's own options, turned into the chosen branch's configuration: each config record
 * is built from the options of its parts, so that the CLI, like the core, lists the branches only through the
 * registry.
 */
final class ModelOptions {

    @Option(names = "--model", paramLabel = "NAME", defaultValue = Branches.DEFAULT, completionCandidates = Names.class,
            converter = BranchName.class,
            description = "The model, one of ${COMPLETION-CANDIDATES}: mlp, the guide's n-gram MLP; linear, logistic"
                    + " regression on the same features; sepcnn, its separable CNN on word sequences; auto, the"
                    + " guide's choice by the ratio of samples to median words per sample, measured in the first"
                    + " pass: mlp below 1,500, sepcnn above (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--top-features", converter = Ranges.AtLeastOne.class, defaultValue = "" + NgramConfig.DEFAULT_TOP_K,
            description = "mlp, linear: n-grams kept by ANOVA F (default: ${DEFAULT-VALUE}).")
    int topFeatures;

    @Option(names = "--ngram-range", paramLabel = "MIN,MAX", converter = Ranges.NgramRange.class,
            defaultValue = NgramConfig.DEFAULT_NGRAM_MIN + "," + NgramConfig.DEFAULT_NGRAM_MAX,
            description = "mlp, linear: the n-gram lengths counted, in words, both ends included: 1,1 unigrams, 1,2"
                    + " uni- and bigrams (the guide's), up to " + NgramConfig.MAX_NGRAM + " (default: "
                    + NgramConfig.DEFAULT_NGRAM_MIN + "," + NgramConfig.DEFAULT_NGRAM_MAX + ").")
    Ranges.Span ngramRange;

    @Option(names = "--min-df", converter = Ranges.AtLeastOne.class, defaultValue = "" + NgramConfig.DEFAULT_MIN_DOCUMENT_FREQUENCY,
            description = "mlp, linear: least documents an n-gram must appear in (default: ${DEFAULT-VALUE}).")
    int minDf;

    @Option(names = "--sublinear-tf", negatable = true, defaultValue = "" + NgramConfig.DEFAULT_SUBLINEAR_TF,
            fallbackValue = "true",
            description = "mlp, linear: weigh a term's count tf as 1 + ln(tf) in the tf-idf rows, as scikit-learn's"
                    + " sublinear_tf; --no-sublinear-tf uses the raw count, the guide's (default: ${DEFAULT-VALUE}).")
    boolean sublinearTf;

    @Option(names = "--token-pattern", paramLabel = "PATTERN", converter = TokenPatternConverter.class,
            defaultValue = "words-and-symbols", completionCandidates = TokenPatterns.class, // NgramConfig's, tested
            description = "mlp, linear: what a token is, one of ${COMPLETION-CANDIDATES}: words-and-symbols, every"
                    + " run of word characters and every other character but white space alone (scikit-learn's"
                    + " token_pattern (?u)\\b\\w+\\b|[^\\w\\s]); guide, runs of two or more word characters"
                    + " (the guide's, (?u)\\b\\w\\w+\\b) (default: ${DEFAULT-VALUE}).")
    TokenPattern tokenPattern;

    @Option(names = "--layers", converter = Ranges.AtLeastOne.class, defaultValue = "" + MlpConfig.DEFAULT_LAYERS,
            description = "mlp: dense layers including the output (default: ${DEFAULT-VALUE}).")
    int layers;

    @Option(names = "--units", converter = Ranges.AtLeastOne.class, defaultValue = "" + MlpConfig.DEFAULT_UNITS,
            description = "mlp: units of each hidden layer (default: ${DEFAULT-VALUE}).")
    int units;

    @Option(names = "--dropout", converter = Ranges.Rate.class, defaultValue = "" + MlpConfig.DEFAULT_DROPOUT_RATE,
            description = "mlp, sepcnn: dropout rate (default: ${DEFAULT-VALUE}).")
    float dropout;

    @Option(names = "--l2", paramLabel = "LAMBDA", converter = Ranges.NonNegative.class, defaultValue = "" + LinearConfig.DEFAULT_L2,
            description = "linear: the L2 penalty on the weights (default: ${DEFAULT-VALUE}).")
    float l2;

    @Mixin
    SequenceOptions sequence;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /** The names {@code --model} takes, from the registry. */
    static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Branches.names().iterator();
        }
    }

    /** A name the registry knows. */
    static final class BranchName implements ITypeConverter<String> {
        @Override
        public String convert(String name) {
            if (!Branches.names().contains(name)) {
                throw new TypeConversionException("expected one of " + String.join(", ", Branches.names())
                        + ", found '" + name + "'");
            }
            return name;
        }
    }

    static final class TokenPatternConverter extends ParsedBy<TokenPattern> {
        TokenPatternConverter() {
            super(TokenPattern::parse);
        }
    }

    static final class TokenPatterns implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return java.util.Arrays.stream(TokenPattern.values()).map(TokenPattern::cliName).iterator();
        }
    }

    /** Names the cache key's parts these options decide as the options, for the message of what changed. */
    static void nameKeyParts(CacheKey.Builder key) {
        key.alias("model", "--model").alias("ngram.ngramMin", "--ngram-range MIN")
                .alias("ngram.ngramMax", "--ngram-range MAX").alias("ngram.minDocumentFrequency", "--min-df")
                .alias("ngram.topK", "--top-features")
                .alias("ngram.sublinearTf", "--sublinear-tf").alias("ngram.tokenPattern", "--token-pattern")
                .alias("sequence.maxWords", "--max-words")
                .alias("sequence.maxLength", "--max-length").alias("embeddings", "--embeddings");
    }

    /** The chosen branch's configuration from the options given. */
    BranchConfig config() {
        Branch branch = Branches.byName(model);
        if (sequence.embeddings != null && !Files.isRegularFile(sequence.embeddings)) {
            throw new ParameterException(spec.commandLine(), "--embeddings " + sequence.embeddings
                    + ": no such file; expected word vectors (.vec or .txt, gzip too)");
        }
        try {
            return configLike(branch.defaults());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** A config of the same kind as {@code defaults}, from the options. */
    private BranchConfig configLike(BranchConfig defaults) {
        NgramConfig ngram = NgramConfig.builder().ngramRange(ngramRange.min(), ngramRange.max()).topK(topFeatures)
                .minDocumentFrequency(minDf).sublinearTf(sublinearTf).tokenPattern(tokenPattern).build();
        if (defaults instanceof AutoBranchConfig auto) {
            return new AutoBranchConfig(configLike(auto.below()), configLike(auto.above()));
        } else if (defaults instanceof MlpBranchConfig) {
            return new MlpBranchConfig(ngram, MlpConfig.builder().layers(layers).units(units).dropoutRate(dropout)
                    .build());
        } else if (defaults instanceof LinearBranchConfig) {
            return new LinearBranchConfig(ngram, new LinearConfig(l2));
        } else if (defaults instanceof SepCnnBranchConfig) {
            return new SepCnnBranchConfig(sequence.sequence(), sequence.sepCnn(dropout), sequence.embeddings,
                    sequence.fineTuneLearningRate);
        }
        throw new IllegalStateException("no options for " + defaults.getClass().getSimpleName());
    }
}
