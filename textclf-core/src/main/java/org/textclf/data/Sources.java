package org.textclf.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** Opens corpus files and folders as {@link SampleSource}s, detecting their format. */
public final class Sources {
    /** How much of the first non-empty line detection looks at. */
    static final int DETECTION_PREFIX_CHARS = 1 << 16;

    private Sources() {
    }

    /**
     * The bytes of {@code path}, gunzipped when they start with the gzip magic bytes (whatever the file's name), as
     * every corpus reader reads them; for other text inputs such as word vectors.
     */
    public static InputStream openBytes(Path path) throws IOException {
        InputStream raw = Files.newInputStream(path);
        try {
            return Utf8Input.gunzipped(raw);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /**
     * A re-openable source for a file or folder. The format is {@code options.format()}, or detected: a directory is
     * {@link DataFormat#FOLDER}; a name (minus {@code .gz}) ending {@code .tsv} is TSV, {@code .jsonl}/{@code .ndjson}
     * JSONL, {@code .ft}/{@code .fasttext} fastText; otherwise the first non-empty line decides: {@code __label__}
     * starts fastText, <code>{</code> JSONL, a tab and no comma TSV; then CSV with a header when the options name
     * columns or that line names both a text and a label candidate (e.g. {@code text,label}), else Zhang's CSV.
     *
     * <p>Validates eagerly: the path exists and is readable, a folder has class subfolders, a CSV/TSV header has
     * the wanted columns. A {@code classes.txt} beside a file makes labels outside it bad records ({@link Labels}).
     *
     * @throws IOException with a message naming the file and what is wrong
     */
    public static SampleSource open(Path path, SourceOptions options) throws IOException {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(options, "options");
        if (!Files.exists(path)) {
            throw new IOException(path + ": no such file or folder; expected a corpus file or a folder of class "
                    + "folders");
        }
        if (!Files.isReadable(path)) {
            throw new IOException(path + ": not readable; check its permissions");
        }
        boolean folder = Files.isDirectory(path);
        DataFormat format = options.format() != null ? options.format() : detect(path, options);
        if (folder != (format == DataFormat.FOLDER)) {
            throw new IOException(path + ": " + (folder ? "is a folder; expected a file for format " + format
                    : "is a file; expected a folder of class folders for format folder"));
        }
        switch (format) {
            case FOLDER -> {
                if (FolderReader.classFolders(path).isEmpty()) {
                    throw new IOException(path + ": no class folders; expected subfolders of .txt files, one per "
                            + "class (e.g. " + path.resolve("pos") + "/*.txt), found none");
                }
                return new FileSource(path, format, options, ClassesFile.NONE);
            }
            case CSV, TSV -> {
                try (Rows rows = Rows.open(path, format)) {
                    TableReader.readHeader(path.toString(), rows, options);
                }
            }
            default -> {
                // Other formats are checked record by record.
            }
        }
        return new FileSource(path, format, options, ClassesFile.beside(path));
    }

    /** Detects the format of {@code path} as {@link #open} describes. */
    static DataFormat detect(Path path, SourceOptions options) throws IOException {
        if (Files.isDirectory(path)) {
            return DataFormat.FOLDER;
        }
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        if (name.endsWith(".tsv")) {
            return DataFormat.TSV;
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return DataFormat.JSONL;
        }
        if (name.endsWith(".ft") || name.endsWith(".fasttext")) {
            return DataFormat.FASTTEXT;
        }
        String first = firstNonEmptyLine(path).stripLeading();
        if (first.startsWith(FastTextReader.PREFIX)) {
            return DataFormat.FASTTEXT;
        }
        if (first.startsWith("{")) {
            return DataFormat.JSONL;
        }
        if (first.indexOf('\t') >= 0 && first.indexOf(',') < 0) {
            return DataFormat.TSV;
        }
        boolean namesColumns = !options.textColumns().isEmpty() || options.labelColumn() != null;
        return namesColumns || looksLikeHeader(first) ? DataFormat.CSV : DataFormat.ZHANG_CSV;
    }

    /** A first line with both a text and a label candidate name (e.g. {@code text,label}) is a header. */
    private static boolean looksLikeHeader(String line) {
        boolean text = false;
        boolean label = false;
        for (String field : line.split(",", -1)) {
            String name = field.strip();
            if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                name = name.substring(1, name.length() - 1);
            }
            text |= containsIgnoringCase(SourceOptions.TEXT_CANDIDATES, name);
            label |= containsIgnoringCase(SourceOptions.LABEL_CANDIDATES, name);
        }
        return text && label;
    }

    private static boolean containsIgnoringCase(List<String> names, String name) {
        for (String n : names) {
            if (n.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /** The start (up to {@link #DETECTION_PREFIX_CHARS}) of the first line that is not blank; "" if none. */
    private static String firstNonEmptyLine(Path path) throws IOException {
        StringBuilder line = new StringBuilder();
        try (Reader in = Utf8Input.open(path, new LineProblems())) {
            for (int c = in.read(); c >= 0; c = in.read()) {
                if (c == '\n' || c == '\r') {
                    if (!line.toString().isBlank()) {
                        break;
                    }
                    line.setLength(0);
                } else if (line.length() < DETECTION_PREFIX_CHARS) {
                    line.append((char) c);
                } else {
                    break;
                }
            }
        }
        return line.toString();
    }
}
