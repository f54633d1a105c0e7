package org.textclf.data;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The classes of a corpus: labels as the readers give them, mapped to class ids {@code 0..size-1} in a stable order
 * (numerically when every label is a number, so "10" comes after "2"; otherwise by string), with display names.
 * Immutable.
 *
 * <p><b>The label column</b>, the same rule in every format and command (every reader applies it, so explore,
 * train, evaluate and predict see the same classes):
 * <ul>
 * <li>The label is trimmed; an empty one is a bad record.</li>
 * <li>A label that is a decimal number ({@code +2}, {@code 2.0}, {@code 02}, {@code 2e0}) is compared as a number:
 *     it becomes its plain form, {@code 2} for all of those. A number that is not an integer keeps its digits without
 *     trailing zeros ({@code 1.50} is {@code 1.5}) and is a class of its own, unless a {@code classes.txt} is
 *     beside the data: then it is rejected like any label outside 1..k.</li>
 * <li>A label longer than {@link #MAX_LABEL_CHARS} characters (or a number of more digits) is a bad record: a
 *     class name is short, so that is text in the label column.</li>
 * <li>With a {@code classes.txt} beside the data (k non-blank lines, the class names), a label must be an integer
 *     in 1..k (line i names class i: the data is 1-based, as Zhang et al.'s) or one of the names; anything else
 *     ({@code 0}, {@code -1}, {@code k+1}, {@code 1.5}, another word) is a bad record.</li>
 * <li>More than {@link #MAX_CLASSES} distinct labels stops the pass.</li>
 * </ul>
 * A bad record stops the pass at {@code FILE:LINE}, or is skipped and counted under
 * {@link BadRecordPolicy#SKIP}. A header row at the start of a headerless Zhang CSV file (its label field a column
 * name such as {@code class} or {@code label}, or not a label of the classes.txt beside it) is skipped and reported,
 * never read as a class.
 */
public final class Labels {
    /** More distinct labels than this means the label column is probably the wrong one. */
    public static final int MAX_CLASSES = 10_000;
    /** A longer label is text in the label column, not a class name. */
    public static final int MAX_LABEL_CHARS = 200;
    /** Classes an unknown-label message lists before it says how many more there are. */
    static final int LISTED_CLASSES = 10;
    /** How much of a long label a message shows. */
    private static final int QUOTED_CHARS = 40;
    private static final String LENGTH_RULE = "expected at most " + MAX_LABEL_CHARS
            + " characters; is the label column the right one?";

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

    /**
     * Orders the distinct labels, each in its {@link #canonical} form: numerically when all are numbers, otherwise by
     * string. Names are the labels.
     */
    public static Labels of(Collection<String> rawLabels) {
        TreeSet<String> distinct = new TreeSet<>();
        for (String label : rawLabels) {
            distinct.add(canonical(label));
        }
        List<String> sorted = new ArrayList<>(distinct);
        if (sorted.stream().allMatch(Labels::isNumber)) {
            sorted.sort(Comparator.comparing(BigDecimal::new));
        }
        return new Labels(sorted, sorted);
    }

    /**
     * A label in the form the rule in the class comment gives it: trimmed, and a number in its plain form.
     *
     * @throws IllegalArgumentException saying what is wrong when the label is empty or too long
     */
    public static String canonical(String label) {
        String t = label.strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("empty label; expected a class label");
        }
        if (t.length() > MAX_LABEL_CHARS) {
            throw new IllegalArgumentException("label " + quote(t) + " is too long; " + LENGTH_RULE);
        }
        BigDecimal number = number(t);
        if (number == null) {
            return t;
        }
        BigDecimal plain = number.signum() == 0 ? BigDecimal.ZERO : number.stripTrailingZeros();
        // Digits before the point: checked before toPlainString, which would write out 1e999999999 in full.
        if ((long) plain.precision() - plain.scale() > MAX_LABEL_CHARS || plain.scale() > MAX_LABEL_CHARS) {
            throw new IllegalArgumentException("label " + quote(t) + " is a number of more than " + MAX_LABEL_CHARS
                    + " digits; " + LENGTH_RULE);
        }
        return plain.toPlainString();
    }

    /** A label for a message: quoted, and cut with its length when long. */
    static String quote(String label) {
        return label.length() <= QUOTED_CHARS ? "'" + label + "'"
                : String.format("'%s...' (%,d characters)", label.substring(0, QUOTED_CHARS), label.length());
    }

    /** The first {@link #LISTED_CLASSES} of {@code labels}, then how many more there are. */
    static String list(List<String> labels) {
        if (labels.size() <= LISTED_CLASSES) {
            return String.join(", ", labels);
        }
        return String.join(", ", labels.subList(0, LISTED_CLASSES))
                + String.format(" and %,d more", labels.size() - LISTED_CLASSES);
    }

    /** The same classes with display names, one per class in id order. */
    public Labels withNames(List<String> names) {
        return new Labels(raw, names);
    }

    /**
     * The names in a {@code classes.txt} beside {@code data} (in the same folder), if there is one: an integer label i
     * in 1..k is named by its line i, any other label keeps its name; without one, these labels unchanged.
     */
    public Labels withNamesBeside(Path data) throws IOException {
        ClassesFile classes = ClassesFile.beside(data);
        if (classes.names().isEmpty()) {
            return this;
        }
        List<String> named = new ArrayList<>(raw.size());
        for (String label : raw) {
            named.add(classes.nameOf(label));
        }
        return withNames(named);
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
            throw new BadRecordException(sourceName, sample.line(), "unknown label " + quote(label)
                    + "; expected one of " + list(raw));
        }
        return id;
    }

    /**
     * {@code source} with its labels checked against these classes (a model's): a sample whose label is not one is a
     * bad record, which stops the pass under {@link BadRecordPolicy#FAIL} and is skipped and counted in the pass's
     * {@link ReadStats} under {@link BadRecordPolicy#SKIP}, as the source's {@link SampleSource#onBadRecord} says.
     * Unlabeled samples pass.
     */
    public SampleSource restrict(SampleSource source) {
        BadRecordPolicy policy = source.onBadRecord();
        return SampleSource.decorated(source, () -> SampleReader.filtered(source.open(), (s, stats) -> {
            if (s.label() == null || id(s.label()) >= 0) {
                return true;
            }
            BadRecordException unknown = new BadRecordException(source.name(), s.line(),
                    "unknown label " + quote(s.label()) + "; expected one of " + list(raw));
            if (policy == BadRecordPolicy.FAIL) {
                throw unknown;
            }
            stats.reject(unknown);
            return false;
        }));
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

    /** Whether a trimmed label is a decimal number. */
    static boolean isNumber(String s) {
        return number(s) != null;
    }

    /** {@code s} as a decimal number ({@code [+-]digits[.digits][e[+-]digits]}), or null when it is not one. */
    private static BigDecimal number(String s) {
        if (s.isEmpty() || !(Character.isDigit(s.charAt(s.length() - 1)) || s.charAt(s.length() - 1) == '.')) {
            return null;
        }
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            return null;
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
