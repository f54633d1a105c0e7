package org.textclf.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.textclf.data.Sample;
import org.textclf.data.SampleReader;
import org.textclf.data.SourceOptions;
import org.textclf.data.Sources;

/** The first texts of a labelled corpus file, read as {@code textclf predict} reads it, for the serving benchmarks. */
final class TestTexts {

    private TestTexts() {
    }

    /**
     * The texts of the first {@code limit} records of {@code file}.
     *
     * @throws IOException when the file cannot be read or holds fewer than {@code minimum} records
     */
    static List<String> load(Path file, int limit, int minimum) throws IOException {
        List<String> texts = new ArrayList<>();
        try (SampleReader reader = Sources.open(file, SourceOptions.DEFAULTS).open()) {
            for (Sample s = reader.next(); s != null && texts.size() < limit; s = reader.next()) {
                texts.add(s.text());
            }
        }
        if (texts.size() < minimum) {
            throw new IOException(file + ": " + texts.size() + " records; expected at least " + minimum
                    + " (one " + minimum + "-text batch)");
        }
        return texts;
    }

    /** {@code args[i + 1]} as a positive int, for the option {@code args[i]}. */
    static int positiveOption(String[] args, int i) {
        if (i + 1 >= args.length) {
            throw new IllegalArgumentException(args[i] + " needs a value");
        }
        int value;
        try {
            value = Integer.parseInt(args[i + 1]);
        } catch (NumberFormatException e) {
            value = 0;
        }
        if (value <= 0) {
            throw new IllegalArgumentException(args[i] + " expects a positive integer, found '" + args[i + 1] + "'");
        }
        return value;
    }
}
