package org.textclf.cli.download;

import java.util.List;

/**
 * A corpus {@code textclf download} knows: the name it gets in {@code $TEXTCLF_DATA} (the name {@code train NAME}
 * takes), its classes in id order (the {@code classes.txt} written where the archive has none), the splits it
 * yields, and where it comes from. {@code unavailable} is empty when it can be downloaded, else why not.
 */
public record Corpus(String name, String title, List<String> classes, List<String> splits, Layout layout,
        String baseUrl, List<Remote> files, String unavailable) {
    public Corpus {
        classes = List.copyOf(classes);
        splits = List.copyOf(splits);
        files = List.copyOf(files);
        if (!name.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("a corpus name is lower-case letters, digits and _; found '" + name
                    + "'");
        }
        if (unavailable.isEmpty() && files.isEmpty()) {
            throw new IllegalArgumentException(name + ": a downloadable corpus needs at least one file");
        }
    }

    /** Can be fetched: its files have published checksums. */
    public boolean downloadable() {
        return unavailable.isEmpty();
    }

    /** The bytes a download fetches, all files together. */
    public long downloadBytes() {
        long sum = 0;
        for (Remote r : files) {
            sum += r.bytes();
        }
        return sum;
    }
}
