package org.textclf.tune;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.textclf.text.TokenPattern;

/**
 * What {@code tune} searches for one branch: its {@link Dimension}s, declared here once per branch (and printed by
 * {@code textclf tune --help} from here). A dimension more is one line in its branch's list.
 *
 * @param branch the branch's name in the registry: {@code mlp}, {@code linear} or {@code sepcnn}
 * @param dimensions what a trial draws, in this order
 */
public record SearchSpace(String branch, List<Dimension> dimensions) {
    /** The top-k value that keeps every feature (the command line gets the largest int). */
    public static final String ALL_FEATURES = "all";

    private static final List<Dimension> NGRAM = List.of(
            Dimension.of("--ngram-range", List.of("1,1", "1,2", "1,3"), true, (s, v) -> s.ngram.ngramRange(
                    Integer.parseInt(v.split(",")[0]), Integer.parseInt(v.split(",")[1]))),
            Dimension.of("--min-df", List.of("1", "2", "3", "5"), true,
                    (s, v) -> s.ngram.minDocumentFrequency(Integer.parseInt(v))),
            Dimension.of("--top-features", List.of("5000", "10000", "20000", "50000", ALL_FEATURES), true,
                    (s, v) -> s.ngram.topK(topK(v))),
            Dimension.of("--sublinear-tf", List.of("true", "false"), true,
                    (s, v) -> s.ngram.sublinearTf(Boolean.parseBoolean(v))),
            Dimension.of("--token-pattern", List.of("words-and-symbols", "guide"), true,
                    (s, v) -> s.ngram.tokenPattern(TokenPattern.parse(v))));

    public SearchSpace {
        dimensions = List.copyOf(dimensions);
    }

    /**
     * The guide's step 5 for {@code branch}: mlp (layers 1-3, units 8-128, dropout 0.2-0.5, learning rate, and the
     * n-gram vectorizer's range, min_df, top k, sublinear tf and token pattern), linear (the L2 penalty, the learning
     * rate and the vectorizer), sepcnn (blocks, filters, kernel 3 or 5, embedding 50-300, dropout, learning rate).
     *
     * @throws IllegalArgumentException naming the branches that have one
     */
    public static SearchSpace forBranch(String branch) {
        List<Dimension> d = new ArrayList<>();
        switch (branch) {
            case "mlp" -> {
                d.add(Dimension.of("--layers", List.of("1", "2", "3"), false,
                        (s, v) -> s.mlp(Integer.parseInt(v), s.mlp.units(), s.mlp.dropoutRate())));
                d.add(Dimension.of("--units", List.of("8", "16", "32", "64", "128"), false,
                        (s, v) -> s.mlp(s.mlp.layers(), Integer.parseInt(v), s.mlp.dropoutRate())));
                d.add(Dimension.range("--dropout", 0.2, 0.5, false,
                        (s, v) -> s.mlp(s.mlp.layers(), s.mlp.units(), Float.parseFloat(v))));
                d.add(learningRate(1e-4, 1e-2));
                d.addAll(NGRAM);
            }
            case "linear" -> {
                d.add(Dimension.range("--l2", 1e-7, 1e-3, true,
                        (s, v) -> s.linear = new org.textclf.nn.LinearConfig(Float.parseFloat(v))));
                d.add(learningRate(3e-3, 3e-2));
                d.addAll(NGRAM);
            }
            case "sepcnn" -> {
                d.add(Dimension.of("--blocks", List.of("1", "2", "3"), false, (s, v) -> s.sepCnn(Integer.parseInt(v),
                        s.sepCnn.filters(), s.sepCnn.kernelSize(), s.sepCnn.dropoutRate(), s.sepCnn.embeddingDim())));
                d.add(Dimension.of("--filters", List.of("32", "64", "128"), false, (s, v) -> s.sepCnn(
                        s.sepCnn.blocks(), Integer.parseInt(v), s.sepCnn.kernelSize(), s.sepCnn.dropoutRate(),
                        s.sepCnn.embeddingDim())));
                d.add(Dimension.of("--kernel-size", List.of("3", "5"), false, (s, v) -> s.sepCnn(s.sepCnn.blocks(),
                        s.sepCnn.filters(), Integer.parseInt(v), s.sepCnn.dropoutRate(), s.sepCnn.embeddingDim())));
                d.add(Dimension.of("--embedding-dim", List.of("50", "100", "200", "300"), false, (s, v) -> s.sepCnn(
                        s.sepCnn.blocks(), s.sepCnn.filters(), s.sepCnn.kernelSize(), s.sepCnn.dropoutRate(),
                        Integer.parseInt(v))));
                d.add(Dimension.range("--dropout", 0.2, 0.5, false, (s, v) -> s.sepCnn(s.sepCnn.blocks(),
                        s.sepCnn.filters(), s.sepCnn.kernelSize(), Float.parseFloat(v), s.sepCnn.embeddingDim())));
                d.add(learningRate(1e-4, 1e-2));
            }
            default -> throw new IllegalArgumentException("no search space for '" + branch + "'; expected one of "
                    + String.join(", ", BRANCHES));
        }
        return new SearchSpace(branch, d);
    }

    /** The branches with a search space. */
    public static final List<String> BRANCHES = List.of("mlp", "linear", "sepcnn");

    /** The guide's own grid: the MLP's layers {1, 2, 3} x units {8, 16, 32, 64, 128}, the rest at the base's. */
    public static SearchSpace grid() {
        SearchSpace mlp = forBranch("mlp");
        return new SearchSpace("mlp", mlp.dimensions.subList(0, 2));
    }

    /** Every combination of the list dimensions, in order (the first dimension slowest); ranges are not allowed. */
    List<Map<String, String>> combinations() {
        List<Map<String, String>> all = new ArrayList<>();
        all.add(new LinkedHashMap<>());
        for (Dimension d : dimensions) {
            if (d.choices().isEmpty()) {
                throw new IllegalArgumentException(d.option() + " is a range; a grid takes lists only");
            }
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> partial : all) {
                for (String v : d.choices()) {
                    Map<String, String> p = new LinkedHashMap<>(partial);
                    p.put(d.option(), v);
                    next.add(p);
                }
            }
            all = next;
        }
        return all;
    }

    /** One trial's values, drawn with {@code random}, by option. */
    Map<String, String> sample(Random random) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Dimension d : dimensions) {
            values.put(d.option(), d.sample(random));
        }
        return values;
    }

    Dimension dimension(String option) {
        for (Dimension d : dimensions) {
            if (d.option().equals(option)) {
                return d;
            }
        }
        throw new IllegalArgumentException(branch + " has no dimension " + option);
    }

    /** The table {@code --help} prints: one line per dimension. */
    public String describe() {
        StringBuilder table = new StringBuilder(branch).append(":");
        for (Dimension d : dimensions) {
            table.append(String.format("%n  %-16s %s", d.option(), d.describe()));
        }
        return table.toString();
    }

    /** {@code all} or a count, as the vectorizer's top k. */
    static int topK(String value) {
        return ALL_FEATURES.equals(value) ? Integer.MAX_VALUE : Integer.parseInt(value);
    }

    private static Dimension learningRate(double min, double max) {
        return Dimension.range("--learning-rate", min, max, true, (s, v) -> s.learningRate = Float.parseFloat(v));
    }
}
