package org.textclf.text;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.textclf.data.Labels;

/**
 * The classes a fit's statistics know: the ones the caller gave (every sample was checked against them), or the raw
 * labels collected from the samples when none were given. Merging keeps given ones (which must be equal) or unites
 * collected ones; {@link #labels()} orders them as {@link Labels#of} does, whatever the order of merging.
 */
final class FitLabels {
    private final Labels given;
    /** Sorted, distinct; null when given. */
    private final List<String> collected;

    private FitLabels(Labels given, List<String> collected) {
        this.given = given;
        this.collected = collected;
    }

    static FitLabels given(Labels labels) {
        return new FitLabels(labels, null);
    }

    static FitLabels collected(Labels.Collector collector) {
        return new FitLabels(null, List.copyOf(new TreeSet<>(collector.labels().rawLabels())));
    }

    FitLabels merge(FitLabels other) {
        if ((given == null) != (other.given == null)) {
            throw new IllegalArgumentException("cannot merge statistics fitted with given labels and statistics that"
                    + " collected their labels; expected the same labels argument for every partition");
        }
        if (given != null) {
            if (!given.equals(other.given)) {
                throw new IllegalArgumentException("cannot merge statistics fitted with different labels: "
                        + given.rawLabels() + " and " + other.given.rawLabels());
            }
            return this;
        }
        TreeSet<String> union = new TreeSet<>(collected);
        union.addAll(other.collected);
        if (union.size() > Labels.MAX_CLASSES) {
            throw new IllegalArgumentException("the partitions have more than " + Labels.MAX_CLASSES
                    + " distinct labels together; is the label column the right one?");
        }
        return new FitLabels(null, List.copyOf(union));
    }

    /** The classes, ordered as {@link Labels#of} orders them. */
    Labels labels() {
        return given != null ? given : Labels.of(collected);
    }

    void write(DataOutput out) throws IOException {
        out.writeBoolean(given != null);
        if (given != null) {
            StatisticsIO.writeLabels(out, given);
        } else {
            out.writeInt(collected.size());
            for (String label : collected) {
                StatisticsIO.writeString(out, label);
            }
        }
    }

    static FitLabels read(DataInput in, String what) throws IOException {
        if (in.readBoolean()) {
            return given(StatisticsIO.readLabels(in, what));
        }
        int n = StatisticsIO.count(in, what, "collected label count", 0, Labels.MAX_CLASSES);
        List<String> labels = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String label = StatisticsIO.readString(in, what, "label", 1);
            if (i > 0 && label.compareTo(labels.get(i - 1)) <= 0) {
                throw new IOException(what + ": bad collected labels; expected them sorted and distinct, found '"
                        + labels.get(i - 1) + "' before '" + label + "'");
            }
            labels.add(label);
        }
        return new FitLabels(null, List.copyOf(labels));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FitLabels f && java.util.Objects.equals(given, f.given)
                && java.util.Objects.equals(collected, f.collected);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(given, collected);
    }
}
