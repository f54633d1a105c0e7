package org.textclf.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code classes.txt} beside a data file: its non-blank lines, trimmed, name the classes 1..k. With one, a label
 * must be an integer in 1..k or one of the names ({@link Labels}' rule); without one ({@link #NONE}) any label is.
 */
final class ClassesFile {
    static final ClassesFile NONE = new ClassesFile(List.of());

    private final List<String> names;
    private final Set<String> nameSet;

    private ClassesFile(List<String> names) {
        this.names = List.copyOf(names);
        this.nameSet = new HashSet<>(names);
    }

    /** The {@code classes.txt} in the folder of {@code data}, or {@link #NONE} when there is none. */
    static ClassesFile beside(Path data) throws IOException {
        Path parent = data.toAbsolutePath().getParent();
        Path classes = parent == null ? null : parent.resolve("classes.txt");
        if (classes == null || !Files.isRegularFile(classes) || classes.equals(data.toAbsolutePath())) {
            return NONE;
        }
        List<String> names = new ArrayList<>();
        for (String line : Files.readAllLines(classes, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                names.add(line.strip());
            }
        }
        return new ClassesFile(names);
    }

    List<String> names() {
        return names;
    }

    /** Whether a {@link Labels#canonical} label is allowed: any without a classes.txt, else 1..k or a name. */
    boolean allows(String label) {
        return names.isEmpty() || number(label) > 0 || nameSet.contains(label);
    }

    /** The display name of an allowed label: line i for the integer i, else the label itself. */
    String nameOf(String label) {
        int i = number(label);
        return i > 0 ? names.get(i - 1) : label;
    }

    /** What {@link #allows} expects, for a message. */
    String expected() {
        return "1.." + names.size() + " or a name in the classes.txt beside the file (" + Labels.list(names) + ")";
    }

    /** The class number of a canonical integer label in 1..k, else 0. */
    private int number(String label) {
        if (label.isEmpty() || label.length() > 10) {
            return 0;
        }
        for (int i = 0; i < label.length(); i++) {
            if (label.charAt(i) < '0' || label.charAt(i) > '9') {
                return 0;
            }
        }
        long value = Long.parseLong(label);
        return value >= 1 && value <= names.size() ? (int) value : 0;
    }
}
