package org.textclf.data;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Named datasets in the folder {@code $TEXTCLF_DATA}: {@code imdb} is {@code $TEXTCLF_DATA/imdb/train.csv.gz},
 * {@code imdb:test} its test split. A split {@code s} is {@code s.csv} or {@code s.csv.gz}, else the single
 * {@code s*.csv[.gz]} (ag_news has only {@code train_sample_12000.csv}).
 */
public final class Datasets {
    /** The environment variable naming the folder of named datasets. */
    public static final String ENV = "TEXTCLF_DATA";
    private static final String HOW_TO_SET = "set " + ENV + " to the folder of named datasets, e.g. export "
            + ENV + "=../shared/data";

    private Datasets() {
    }

    /**
     * An existing path is returned as is; otherwise a dataset name, optionally with a split ({@code imdb:test},
     * {@code :dev}, {@code :train}, {@code :unsup}; train by default), looked up in {@code $TEXTCLF_DATA}.
     *
     * @throws IOException saying what was looked for, where, and how to set {@code TEXTCLF_DATA}
     */
    public static Path resolve(String nameOrPath) throws IOException {
        return resolve(nameOrPath, System.getenv(ENV));
    }

    /**
     * The evaluation split of a named dataset: {@code test.csv[.gz]}, or {@code dev.csv[.gz]} where there is no
     * test, except for sst2, whose README names dev the standard split (its test labels are not GLUE's). Empty for
     * an existing path, and for a dataset with neither split.
     */
    public static Optional<Path> evaluationSplit(String nameOrPath) throws IOException {
        return evaluationSplit(nameOrPath, System.getenv(ENV));
    }

    static Path resolve(String nameOrPath, String dataDir) throws IOException {
        if (Files.exists(Path.of(nameOrPath))) {
            return Path.of(nameOrPath);
        }
        Name name = Name.parse(nameOrPath);
        Path folder = datasetFolder(name, nameOrPath, dataDir);
        Optional<Path> split = split(folder, name.split());
        if (split.isEmpty()) {
            throw new IOException("dataset '" + name.dataset() + "' has no split '" + name.split() + "'; expected "
                    + name.split() + ".csv, " + name.split() + ".csv.gz or one " + name.split() + "*.csv[.gz] in "
                    + folder + ", found " + csvFiles(folder));
        }
        return split.get();
    }

    static Optional<Path> evaluationSplit(String nameOrPath, String dataDir) throws IOException {
        if (Files.exists(Path.of(nameOrPath))) {
            return Optional.empty();
        }
        Name name = Name.parse(nameOrPath);
        Path folder = datasetFolder(name, nameOrPath, dataDir);
        if (name.dataset().equals("sst2")) {
            return split(folder, "dev");
        }
        Optional<Path> test = split(folder, "test");
        return test.isPresent() ? test : split(folder, "dev");
    }

    /** {@code dataset[:split]}, split defaulting to train. */
    private record Name(String dataset, String split) {
        static Name parse(String s) {
            int colon = s.lastIndexOf(':');
            return colon < 0 ? new Name(s, "train") : new Name(s.substring(0, colon), s.substring(colon + 1));
        }
    }

    private static Path datasetFolder(Name name, String asGiven, String dataDir) throws IOException {
        if (dataDir == null || dataDir.isBlank()) {
            throw new IOException("no file '" + asGiven + "', and " + ENV + " is not set to look up a dataset named '"
                    + name.dataset() + "'; " + HOW_TO_SET);
        }
        Path root = Path.of(dataDir);
        if (!Files.isDirectory(root)) {
            throw new IOException("no file '" + asGiven + "', and " + ENV + "=" + dataDir + " is not a folder; "
                    + HOW_TO_SET);
        }
        Path folder = root.resolve(name.dataset());
        if (name.dataset().isEmpty() || name.dataset().contains("/") || !Files.isDirectory(folder)) {
            throw new IOException("no file '" + asGiven + "' and no dataset '" + name.dataset() + "' in " + ENV + "="
                    + dataDir + "; expected one of " + datasetNames(root) + " (or " + HOW_TO_SET + ")");
        }
        return folder;
    }

    /**
     * The file of {@code split} in a dataset's folder: {@code split.csv}, {@code split.csv.gz}, else the single
     * {@code split*.csv[.gz]}; empty if there is none.
     *
     * @throws IOException when several files could be the split
     */
    public static Optional<Path> split(Path folder, String split) throws IOException {
        for (String exact : new String[] {split + ".csv", split + ".csv.gz"}) {
            if (Files.isRegularFile(folder.resolve(exact))) {
                return Optional.of(folder.resolve(exact));
            }
        }
        List<Path> matches = new ArrayList<>();
        for (String file : csvFiles(folder)) {
            if (file.startsWith(split)) {
                matches.add(folder.resolve(file));
            }
        }
        if (matches.size() > 1) {
            throw new IOException("dataset folder " + folder + " has several files for split '" + split
                    + "'; expected one, found " + matches);
        }
        return matches.stream().findFirst();
    }

    private static List<String> csvFiles(Path folder) throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path p : files) {
                String n = p.getFileName().toString();
                if ((n.endsWith(".csv") || n.endsWith(".csv.gz")) && Files.isRegularFile(p)) {
                    names.add(n);
                }
            }
        }
        names.sort(null);
        return names;
    }

    /** The datasets in {@code root}: its folders holding a CSV file, by name. */
    public static List<String> datasetNames(Path root) throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path p : dirs) {
                if (!csvFiles(p).isEmpty()) {
                    names.add(p.getFileName().toString());
                }
            }
        }
        names.sort(null);
        return names;
    }
}
