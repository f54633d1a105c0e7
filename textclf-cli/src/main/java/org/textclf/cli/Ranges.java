package org.textclf.cli;

import org.textclf.text.NgramConfig;
import org.textclf.text.SequenceConfig;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The allowed values of every numeric option, as picocli converters: a value out of range fails while the command
 * line is parsed, before any file is opened, as a usage error (exit 2) that names the option as typed and the range,
 * {@code Invalid value for option '--dropout': expected a number in [0, 1), found 1.5}. The config records check the
 * same rules again for library callers, in their own field names. {@code RangesTest} checks that every numeric option
 * of every command has one of these.
 */
final class Ranges {

    private Ranges() {
    }

    /** An int in {@code [min, max]}. */
    abstract static class IntRange implements ITypeConverter<Integer> {
        private final int min;
        private final int max;

        IntRange(int min, int max) {
            this.min = min;
            this.max = max;
        }

        @Override
        public Integer convert(String text) {
            long value;
            try {
                value = Long.parseLong(text.strip());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("expected a whole number " + range() + ", found '" + text + "'");
            }
            if (value < min || value > max) {
                throw new TypeConversionException("expected a whole number " + range() + ", found " + text.strip());
            }
            return (int) value;
        }

        private String range() {
            return max == Integer.MAX_VALUE ? "of at least " + min : "in " + min + ".." + max;
        }
    }

    /** A finite number above {@code min} (or at least it, when {@code inclusive}), below {@code max} if finite. */
    abstract static class NumberRange<T extends Number> implements ITypeConverter<T> {
        private final double min;
        private final boolean minIncluded;
        private final double max;
        private final boolean maxIncluded;

        NumberRange(double min, boolean minIncluded, double max, boolean maxIncluded) {
            this.min = min;
            this.minIncluded = minIncluded;
            this.max = max;
            this.maxIncluded = maxIncluded;
        }

        abstract T of(double value);

        @Override
        public T convert(String text) {
            double value;
            try {
                value = Double.parseDouble(text.strip());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("expected a number " + range() + ", found '" + text + "'");
            }
            boolean aboveMin = minIncluded ? value >= min : value > min;
            boolean belowMax = Double.isInfinite(max) ? Double.isFinite(value) : maxIncluded ? value <= max
                    : value < max;
            if (!aboveMin || !belowMax) {
                throw new TypeConversionException("expected a number " + range() + ", found " + text.strip());
            }
            return of(value);
        }

        private String range() {
            if (Double.isInfinite(max)) {
                return (minIncluded ? "of at least " : "above ") + format(min);
            }
            return "in " + (minIncluded ? "[" : "(") + format(min) + ", " + format(max) + (maxIncluded ? "]" : ")");
        }

        private static String format(double value) {
            return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
        }
    }

    /** A float option's range. */
    abstract static class FloatRange extends NumberRange<Float> {
        FloatRange(double min, boolean minIncluded, double max, boolean maxIncluded) {
            super(min, minIncluded, max, maxIncluded);
        }

        @Override
        Float of(double value) {
            return (float) value;
        }
    }

    /** Counts and sizes: at least 1 (layers, units, epochs, top-k, bytes, ...). */
    static final class AtLeastOne extends IntRange {
        AtLeastOne() {
            super(1, Integer.MAX_VALUE);
        }
    }

    /** Counts that may be none: patience, waits. */
    static final class AtLeastZero extends IntRange {
        AtLeastZero() {
            super(0, Integer.MAX_VALUE);
        }
    }

    /** The vocabulary's size: ids 0 and 1 are reserved and the table must stay an array. */
    static final class MaxWords extends IntRange {
        MaxWords() {
            super(1, SequenceConfig.MAX_MAX_WORDS);
        }
    }

    /** {@code --verbose}: 0, 1 or 2. */
    static final class Verbose extends IntRange {
        Verbose() {
            super(0, 2);
        }
    }

    /** A TCP port; 0 picks a free one. */
    static final class Port extends IntRange {
        Port() {
            super(0, 65_535);
        }
    }

    /** Dropout: a share of units dropped, which must leave some. */
    static final class Rate extends FloatRange {
        Rate() {
            super(0, true, 1, false);
        }
    }

    /** A probability threshold. */
    static final class Probability extends FloatRange {
        Probability() {
            super(0, true, 1, true);
        }
    }

    /** A learning rate: a finite number above 0. */
    static final class Positive extends FloatRange {
        Positive() {
            super(0, false, Double.POSITIVE_INFINITY, false);
        }
    }

    /** A penalty: a finite number of at least 0. */
    static final class NonNegative extends FloatRange {
        NonNegative() {
            super(0, true, Double.POSITIVE_INFINITY, false);
        }
    }

    /** The validation share: some data on both sides. */
    static final class Fraction extends NumberRange<Double> {
        Fraction() {
            super(0, false, 1, false);
        }

        @Override
        Double of(double value) {
            return value;
        }
    }

    /** An n-gram range, both ends included (an object, not an array, which picocli would take as many values). */
    record Span(int min, int max) {
    }

    /** {@code --ngram-range MIN,MAX}: scikit-learn's {@code ngram_range}, both ends included. */
    static final class NgramRange implements ITypeConverter<Span> {
        @Override
        public Span convert(String text) {
            String[] parts = text.split(",", -1);
            int[] range = new int[2];
            try {
                if (parts.length != 2) {
                    throw new NumberFormatException();
                }
                range[0] = Integer.parseInt(parts[0].strip());
                range[1] = Integer.parseInt(parts[1].strip());
            } catch (NumberFormatException e) {
                throw new TypeConversionException(expected() + ", found '" + text + "'");
            }
            if (range[0] < 1 || range[0] > range[1] || range[1] > NgramConfig.MAX_NGRAM) {
                throw new TypeConversionException(expected() + ", found " + range[0] + "," + range[1]);
            }
            return new Span(range[0], range[1]);
        }

        private static String expected() {
            return "expected MIN,MAX with 1 <= MIN <= MAX <= " + NgramConfig.MAX_NGRAM + " (1,2: uni- and bigrams)";
        }
    }
}
