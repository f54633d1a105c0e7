package org.textclf.tune;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import java.util.function.BiConsumer;

/**
 * One hyperparameter of a {@link SearchSpace}: the {@code train} option it sets, the values it takes (a list, or a
 * range sampled uniformly or log-uniformly), and how a value changes a trial's settings. Values are the option's
 * own strings, so that the command that reproduces a trial is the values as drawn.
 *
 * @param option the {@code textclf train} option, e.g. {@code --units}
 * @param choices the values, for a list; empty for a range
 * @param min the range's low end (a range only)
 * @param max the range's high end (a range only)
 * @param log whether a range is sampled log-uniformly
 * @param vectorizer whether it decides the fitted vectorizer, so trials that differ in it cannot share one
 * @param apply sets the value in a trial's settings
 */
public record Dimension(String option, List<String> choices, double min, double max, boolean log,
        boolean vectorizer, BiConsumer<Settings, String> apply) {

    public Dimension {
        Objects.requireNonNull(option, "option");
        choices = List.copyOf(choices);
        Objects.requireNonNull(apply, "apply");
        if (choices.isEmpty() && !(min < max && (!log || min > 0))) {
            throw new IllegalArgumentException(option + ": a range needs min < max (and min > 0 when log); found "
                    + min + ", " + max);
        }
    }

    /** A list of values. */
    static Dimension of(String option, List<String> choices, boolean vectorizer, BiConsumer<Settings, String> apply) {
        return new Dimension(option, choices, 0, 0, false, vectorizer, apply);
    }

    /** This dimension with other values (a list): a narrower space for a corpus, or a test. */
    public Dimension withChoices(List<String> values) {
        return new Dimension(option, values, 0, 0, false, vectorizer, apply);
    }

    /** A network's range, uniform or log-uniform. */
    static Dimension range(String option, double min, double max, boolean log, BiConsumer<Settings, String> apply) {
        return new Dimension(option, List.of(), min, max, log, false, apply);
    }

    /**
     * One value drawn with {@code random}: a list's element, or a range's value rounded to 2 significant digits
     * (a trial's value is then also its exact command-line value).
     */
    public String sample(Random random) {
        if (!choices.isEmpty()) {
            return choices.get(random.nextInt(choices.size()));
        }
        double u = random.nextDouble();
        double v = log ? Math.exp(Math.log(min) + u * (Math.log(max) - Math.log(min))) : min + u * (max - min);
        return new BigDecimal(v).round(new MathContext(2)).stripTrailingZeros().toString();
    }

    /** What {@code --help} shows: {@code 1|2|3}, {@code 0.2..0.5}, {@code 1e-4..1e-2 (log)}. */
    public String describe() {
        if (!choices.isEmpty()) {
            return String.join("|", choices);
        }
        return fmt(min) + ".." + fmt(max) + (log ? " (log)" : "");
    }

    private static String fmt(double v) {
        return v < 1e-2 ? String.format(Locale.ROOT, "%.0e", v).replace("e-0", "e-") : String.format(Locale.ROOT,
                "%s", v);
    }
}
