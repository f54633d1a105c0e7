package org.textclf.tune;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much a tune may spend, and how successive halving spends it: {@code trials} configurations start with
 * {@code firstEpochs} epochs each; after every rung the best 1/{@code eta} go on, for {@code eta} times the epochs,
 * until one is left, which trains to the base options' epochs (early stopping ends it). A {@code time} budget
 * starts no trial once it has passed, so it can cut the trials run (and then the result depends on the machine's
 * speed), and the best trial so far then trains on until early stopping; the trials drawn depend on the seed only.
 *
 * @param time the wall time after which no trial starts, or null for none
 * @param trials the configurations drawn (for a grid, at most this many of it)
 * @param eta the halving factor: each rung keeps the best 1/eta, at least one
 * @param firstEpochs the epochs of the first rung
 * @param repeat with a time, whether to start another bracket of {@code trials} new configurations each time one
 *     ends, until the time is used (Hyperband's outer loop, every bracket alike)
 */
public record Budget(Duration time, int trials, int eta, int firstEpochs, boolean repeat) {
    /** Trials when only a time is given: enough for 3 rungs at eta 3. */
    public static final int DEFAULT_TRIALS = 12;
    public static final int DEFAULT_ETA = 3;
    public static final int DEFAULT_FIRST_EPOCHS = 1;
    public static final Budget DEFAULTS = new Budget(null, DEFAULT_TRIALS, DEFAULT_ETA, DEFAULT_FIRST_EPOCHS, false);
    /** The most brackets a repeating budget draws; the time ends them long before. */
    static final int MAX_BRACKETS = 1000;

    private static final Pattern DURATION = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

    public Budget {
        if (time != null && (time.isNegative() || time.isZero())) {
            throw new IllegalArgumentException("time must be positive; found " + time);
        }
        if (trials < 1) {
            throw new IllegalArgumentException("trials must be at least 1; found " + trials);
        }
        if (eta < 2) {
            throw new IllegalArgumentException("eta must be at least 2; found " + eta);
        }
        if (repeat && time == null) {
            throw new IllegalArgumentException("repeat needs a time to end it; found none");
        }
        if (firstEpochs < 1) {
            throw new IllegalArgumentException("firstEpochs must be at least 1; found " + firstEpochs);
        }
    }

    /** One bracket of {@code trials}, without a time. */
    public Budget(Duration time, int trials, int eta, int firstEpochs) {
        this(time, trials, eta, firstEpochs, false);
    }

    public Budget withTime(Duration time) {
        return new Budget(time, trials, eta, firstEpochs, repeat && time != null);
    }

    public Budget withEta(int eta) {
        return new Budget(time, trials, eta, firstEpochs, repeat);
    }

    public Budget withTrials(int trials) {
        return new Budget(time, trials, eta, firstEpochs, repeat);
    }

    /** With a time: brackets of {@link #trials()} until it is used, instead of one. */
    public Budget repeatingUntilTime() {
        return new Budget(time, trials, eta, firstEpochs, true);
    }

    /**
     * A duration as {@code 90s}, {@code 5m}, {@code 1h} or {@code 1h30m}.
     *
     * @throws IllegalArgumentException stating the form expected and the value found
     */
    public static Duration parseDuration(String text) {
        Matcher m = DURATION.matcher(text.strip());
        if (text.isBlank() || !m.matches()) {
            throw new IllegalArgumentException("expected a duration such as 90s, 5m or 1h30m, found '" + text + "'");
        }
        long seconds = 0;
        try {
            seconds += m.group(1) == null ? 0 : Math.multiplyExact(Long.parseLong(m.group(1)), 3600);
            seconds += m.group(2) == null ? 0 : Math.multiplyExact(Long.parseLong(m.group(2)), 60);
            seconds += m.group(3) == null ? 0 : Long.parseLong(m.group(3));
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("expected a duration such as 90s, 5m or 1h30m, found '" + text
                    + "' (too long)");
        }
        if (seconds == 0) {
            throw new IllegalArgumentException("expected a positive duration such as 90s, 5m or 1h30m, found '" + text
                    + "'");
        }
        return Duration.ofSeconds(seconds);
    }
}
