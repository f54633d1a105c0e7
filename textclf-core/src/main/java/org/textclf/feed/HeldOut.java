package org.textclf.feed;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.textclf.data.Labels;
import org.textclf.data.Sample;
import org.textclf.data.SampleReader;
import org.textclf.data.SampleSource;
import org.textclf.data.Sources;

/**
 * A stratified {@link Split} of one source, from one counting pass over it: per class, a threshold on the seeded
 * hash of the text below which a sample is held out, chosen so that about the split's fraction of each class is
 * held out and every class with at least 2 samples keeps samples in training. Hashing the text keeps duplicates on
 * one side (within a class) and the split independent of the order of the records; the pass keeps per class a
 * bounded summary ({@link ClassHashes}), so memory grows with the classes (at most {@link Labels#MAX_CLASSES}), not
 * the samples. It also gives the classes of the whole source, so the fit need not collect them again.
 */
final class HeldOut {
    private final Split split;
    private final Labels labels;
    private final Map<String, Double> thresholds;

    private HeldOut(Split split, Labels labels, Map<String, Double> thresholds) {
        this.split = split;
        this.labels = labels;
        this.thresholds = thresholds;
    }

    /**
     * Counts {@code source}.
     *
     * @throws IOException when no sample can be held out (too few, or too few distinct texts), or a record is bad
     */
    static HeldOut count(Split split, SampleSource source) throws IOException {
        Labels.Collector collector = new Labels.Collector(source.name());
        Map<String, ClassHashes> classes = new HashMap<>();
        long samples = 0;
        try (SampleReader reader = source.open()) {
            for (Sample s = reader.next(); s != null; s = reader.next()) {
                collector.add(s);
                classes.computeIfAbsent(s.label(), l -> new ClassHashes()).add(split.unit(s.text()));
                samples++;
            }
        }
        Map<String, Double> thresholds = new HashMap<>();
        boolean any = false;
        for (Map.Entry<String, ClassHashes> c : classes.entrySet()) {
            double t = c.getValue().threshold(split.validationFraction(), split.unit(c.getKey() + "\u0000class"));
            thresholds.put(c.getKey(), t);
            any |= c.getValue().holdsOut(t);
        }
        if (samples == 0) {
            throw Sources.noSamples(source.name());
        }
        if (!any) {
            throw new IOException(String.format("%s: too few samples to hold out a validation part (%,d samples);"
                    + " give --val FILE or more data", source.name(), samples));
        }
        return new HeldOut(split, collector.labels(), thresholds);
    }

    /** The classes of the whole source. */
    Labels labels() {
        return labels;
    }

    boolean isValidation(Sample sample) {
        Double t = thresholds.get(sample.label());
        return t != null && split.unit(sample.text()) < t;
    }
}
