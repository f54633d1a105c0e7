package org.textclf.feed;

import java.io.IOException;
import java.util.function.Predicate;
import org.textclf.data.ReadStats;
import org.textclf.data.Sample;
import org.textclf.data.SampleReader;
import org.textclf.data.SampleSource;

/**
 * A deterministic train/validation split for when no validation file is given: a sample goes to validation when a
 * seeded hash of its text falls below {@code validationFraction}. Hashing the text rather than the position keeps
 * the split stable under reordering and sends duplicate texts to the same side, so validation never scores a
 * sample that training saw. Both sides are streamed views of the same source.
 */
public record Split(long seed, double validationFraction) {
    /** The guide's 80/20 split. */
    public static final double DEFAULT_VALIDATION_FRACTION = 0.2;

    public Split {
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validationFraction must be in (0, 1), found " + validationFraction);
        }
    }

    public static Split of(long seed) {
        return new Split(seed, DEFAULT_VALIDATION_FRACTION);
    }

    public boolean isValidation(Sample sample) {
        return unitInterval(Hashing.text(sample.text(), seed)) < validationFraction;
    }

    /** The samples that are not in validation. */
    public SampleSource train(SampleSource source) {
        return new Filtered(source, s -> !isValidation(s), "train split");
    }

    public SampleSource validation(SampleSource source) {
        return new Filtered(source, this::isValidation, "validation split");
    }

    private static double unitInterval(long hash) {
        return (hash >>> 11) * 0x1.0p-53;
    }

    /** A view of a source keeping the samples a predicate accepts. */
    private record Filtered(SampleSource source, Predicate<Sample> keep, String part) implements SampleSource {
        @Override
        public SampleReader open() throws IOException {
            SampleReader reader = source.open();
            return new SampleReader() {
                @Override
                public Sample next() throws IOException {
                    for (Sample s = reader.next(); s != null; s = reader.next()) {
                        if (keep.test(s)) {
                            return s;
                        }
                    }
                    return null;
                }

                @Override
                public ReadStats stats() {
                    return reader.stats();
                }

                @Override
                public void close() throws IOException {
                    reader.close();
                }
            };
        }

        @Override
        public String name() {
            return source.name();
        }

        @Override
        public String toString() {
            return source.name() + " (" + part + ")";
        }
    }
}
