package org.textclf.data;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The classes of a corpus: raw labels as written in the data, mapped to class ids {@code 0..size-1} in a stable
 * order (numerically when every label is a number, so "10" comes after "2"; otherwise by string), with display
 * names ({@code classes.txt} beside the data gives them, line i naming the i-th class). Immutable.
 */
public final class Labels {
    /** More distinct labels than this means the label column is probably the wrong one. */
    public static final int MAX_CLASSES = 10_000;

    private final List<String> raw;
    private final List<String> names;
    private final Map<String, Integer> ids;

    private Labels(List<String> raw, List<String> names) {
        if (names.size() != raw.size()) {
            throw new IllegalArgumentException("expected " + raw.size() + " class names, found " + names.size());
        }
        this.raw = List.copyOf(raw);
        this.names = List.copyOf(names);
        this.ids = new HashMap<>();
        for (int i = 0; i < raw.size(); i++) {
            ids.put(raw.get(i), i);
        }
    }

    /** Orders the distinct labels: numerically when all are numbers, otherwise by string. Names are the labels. */
    public static Labels of(Collection<String> rawLabels) {
        TreeSet<String> distinct = new TreeSet<>(rawLabels);
        List<String> sorted = new ArrayList<>(distinct);
        if (sorted.stream().allMatch(Labels::isNumber)) {
            sorted.sort(Comparator.comparing(BigDecimal::new));
        }
        return new Labels(sorted, sorted);
    }

    /** The same classes with display names, one per class in id order. */
    public Labels withNames(List<String> names) {
        return new Labels(raw, names);
    }

    /**
     * The names in a {@code classes.txt} beside {@code data} (in the same folder), if there is one and it has one
     * name per class; otherwise these labels unchanged.
     */
    public Labels withNamesBeside(Path data) throws IOException {
        Path parent = data.toAbsolutePath().getParent();
        Path classes = parent == null ? null : parent.resolve("classes.txt");
        if (classes == null || !Files.isRegularFile(classes)) {
            return this;
        }
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(classes, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                lines.add(line.strip());
            }
        }
        return lines.size() == size() ? withNames(lines) : this;
    }

    /** One streaming pass over {@code source} collecting its labels; unlabeled samples are not counted. */
    public static Labels scan(SampleSource source) throws IOException {
        Collector collector = new Collector(source.name());
        try (SampleReader reader = source.open()) {
            for (Sample s = reader.next(); s != null; s = reader.next()) {
                if (s.label() != null) {
                    collector.add(s);
                }
            }
        }
        return collector.labels();
    }

    /**
     * Gathers the distinct labels of samples as a pass streams them by, so that a pass doing other work (the
     * vectorizer's first) can learn the classes without a pass of its own.
     */
    public static final class Collector {
        private final String sourceName;
        private final TreeSet<String> seen = new TreeSet<>();

        public Collector(String sourceName) {
            this.sourceName = sourceName;
        }

        /**
         * @throws BadRecordException for an empty label
         * @throws IOException past {@link #MAX_CLASSES} distinct labels, which suggests the wrong label column
         */
        public void add(Sample sample) throws IOException {
            String label = requireLabel(sample, sourceName);
            if (seen.add(label) && seen.size() > MAX_CLASSES) {
                throw new IOException(sourceName + ":" + sample.line() + ": more than " + MAX_CLASSES
                        + " distinct labels; is the label column the right one?");
            }
        }

        /** The classes seen so far, ordered as {@link Labels#of} orders them. */
        public Labels labels() {
            return of(seen);
        }
    }

    public int size() {
        return raw.size();
    }

    /** The class id of a raw label, or -1 when it is not one of these classes. */
    public int id(String rawLabel) {
        Integer id = ids.get(rawLabel);
        return id == null ? -1 : id;
    }

    /**
     * The class id of a sample's label.
     *
     * @throws BadRecordException naming the source and line when the label is empty or unknown
     */
    public int idOf(Sample sample, String sourceName) throws BadRecordException {
        String label = requireLabel(sample, sourceName);
        int id = id(label);
        if (id < 0) {
            throw new BadRecordException(sourceName, sample.line(), "unknown label '" + label
                    + "'; expected one of " + String.join(", ", raw));
        }
        return id;
    }

    private static String requireLabel(Sample sample, String sourceName) throws BadRecordException {
        String label = sample.label();
        if (label == null || label.isBlank()) {
            throw new BadRecordException(sourceName, sample.line(), "empty label");
        }
        return label;
    }

    public String raw(int id) {
        return raw.get(id);
    }

    public String name(int id) {
        return names.get(id);
    }

    public List<String> rawLabels() {
        return raw;
    }

    public List<String> names() {
        return names;
    }

    private static boolean isNumber(String s) {
        try {
            new BigDecimal(s.strip());
            return !s.isBlank();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Labels l && raw.equals(l.raw) && names.equals(l.names);
    }

    @Override
    public int hashCode() {
        return raw.hashCode() * 31 + names.hashCode();
    }

    @Override
    public String toString() {
        return "Labels" + names;
    }
}
