package org.textclf.tune;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One configuration a tune trains: its number (from 1, in the order drawn), its branch and the value of each of the
 * branch's {@link SearchSpace} dimensions, as {@code train} options.
 */
public record Trial(int id, String branch, Map<String, String> values) {

    public Trial {
        Objects.requireNonNull(branch, "branch");
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The {@code train} arguments that select this configuration: {@code --model BRANCH} then each value. */
    public List<String> arguments() {
        List<String> args = new ArrayList<>(List.of("--model", branch));
        values.forEach((option, value) -> {
            // A boolean is a negatable flag on the command line: --sublinear-tf or --no-sublinear-tf, no value.
            if (value.equals("true") || value.equals("false")) {
                args.add(value.equals("true") ? option : "--no-" + option.substring(2));
                return;
            }
            args.add(option);
            args.add(SearchSpace.ALL_FEATURES.equals(value) ? String.valueOf(SearchSpace.topK(value)) : value);
        });
        return args;
    }

    /** {@code mlp --layers 2 --units 64 ...}, for the trial's line. */
    public String describe() {
        StringBuilder line = new StringBuilder(branch);
        values.forEach((option, value) -> line.append(' ').append(option).append(' ').append(value));
        return line.toString();
    }

    /**
     * A name for the vectorizer this trial fits: its branch and the values of the dimensions that decide it, so that
     * trials with the same ones share one cache folder (fitted once, its examples cached once).
     */
    String vectorizerKey(SearchSpace space) {
        StringBuilder key = new StringBuilder(branch);
        for (Dimension d : space.dimensions()) {
            if (d.vectorizer()) {
                key.append('_').append(d.option().replaceFirst("^--", "")).append('=').append(values.get(d.option()));
            }
        }
        return key.toString().replaceAll("[^A-Za-z0-9._=-]", "-");
    }
}
