package org.textclf.data;

import java.io.BufferedInputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** Opens corpus files and folders as {@link SampleSource}s, detecting their format. */
public final class Sources {
    /** How many bytes detection looks at (and a pipe's reader keeps in memory for it). */
    static final int DETECTION_PREFIX_BYTES = 1 << 16;

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
     * columns or that line names a text candidate (e.g. {@code text,label}, {@code id,text}), else Zhang's CSV.
     *
     * <p>Validates eagerly: the path exists and is readable, is a folder or a regular file (not a pipe, which could
     * be read only once: see {@link #openOnce}), a file's first bytes are UTF-8 text (not UTF-16, not binary), a
     * folder has class subfolders, a CSV/TSV header has the wanted columns. A {@code classes.txt} beside a file
     * makes labels outside it bad records ({@link Labels}).
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
        if (!folder && !Files.isRegularFile(path)) {
            throw new IOException(path + ": not a regular file (a pipe?); a source is read several times, give a"
                    + " regular file");
        }
        DataFormat format;
        if (folder) {
            format = options.format() != null ? options.format() : DataFormat.FOLDER;
        } else {
            try (BufferedInputStream in = Utf8Input.gunzipped(Files.newInputStream(path))) {
                format = textFormat(path.toString(), path.getFileName().toString(), in, options);
            }
        }
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
                try (Rows rows = Rows.of(path.toString(), Utf8Input.gunzipped(Files.newInputStream(path)), format,
                        options.maxRecordBytes())) {
                    TableReader.readHeader(path.toString(), rows, options);
                }
            }
            default -> {
                // Other formats are checked record by record.
            }
        }
        return new FileSource(path, format, options, ClassesFile.beside(path));
    }

    /**
     * One pass over {@code path}, which may be a pipe (a FIFO, {@code /dev/stdin}, a shell's {@code <(zcat x.gz)}):
     * a regular file or folder opens as {@link #open} does; anything else is read as it streams, its format
     * detected from a prefix kept in memory, and a second {@link SampleSource#open} fails naming it.
     */
    public static SampleSource openOnce(Path path, SourceOptions options) throws IOException {
        Objects.requireNonNull(path, "path");
        if (Files.isDirectory(path) || Files.isRegularFile(path) || !Files.exists(path)) {
            return open(path, options);
        }
        // FileInputStream, not Files.newInputStream, whose available() seeks and fails on a pipe ("Illegal seek")
        return read(path.toString(), new FileInputStream(path.toFile()), options);
    }

    /**
     * One pass over {@code in} (standard input, say), named {@code name} in messages, its format given in
     * {@code options} or detected as for a file without a telling name. Closing the reader closes {@code in}.
     */
    public static SampleSource read(String name, InputStream in, SourceOptions options) throws IOException {
        BufferedInputStream bytes = Utf8Input.gunzipped(in);
        try {
            return onePass(name, bytes, textFormat(name, name, bytes, options), options);
        } catch (IOException | RuntimeException e) {
            bytes.close();
            throw e;
        }
    }

    /**
     * One pass over {@code in}, named {@code name} in messages, as plain text: each line, blank or not, is one
     * unlabeled sample (what {@code predict} reads). Gzip, the record limit and strict UTF-8 apply as to any file.
     *
     * <p>Unless it is a table: when {@code options} give a format or name a column, or the first non-blank line is a
     * header naming a text column (one of {@link SourceOptions#TEXT_CANDIDATES}, comma- or tab-separated, e.g.
     * {@code text} or {@code id,text}), {@code in} is read as {@link #read} reads it (a header line is never a text).
     */
    public static SampleSource lines(String name, InputStream in, SourceOptions options) throws IOException {
        BufferedInputStream bytes = Utf8Input.gunzipped(in);
        try {
            byte[] prefix = peek(bytes);
            checkText(name, prefix);
            String first = firstNonEmptyLine(prefix);
            if (options.format() != null || namesColumns(options) || namesTextColumn(first)) {
                DataFormat format = options.format() != null ? options.format()
                        : first.indexOf('\t') >= 0 && first.indexOf(',') < 0 ? DataFormat.TSV : DataFormat.CSV;
                return onePass(name, bytes, format, options);
            }
            return new OnePassSource(name, options.onBadRecord(),
                    new PlainLinesReader(LineInput.of(name, bytes, options.maxRecordBytes()), options.onBadRecord()));
        } catch (IOException | RuntimeException e) {
            bytes.close();
            throw e;
        }
    }

    /** One pass over {@code bytes} (checked text) in {@code format}; a header is read now, to fail up front. */
    private static SampleSource onePass(String name, BufferedInputStream bytes, DataFormat format,
            SourceOptions options) throws IOException {
        if (format == DataFormat.FOLDER) {
            throw new IOException(name + ": not a folder; expected a folder of class folders for format folder");
        }
        RecordReader reader = FileSource.reader(name, bytes, format, options, ClassesFile.NONE);
        if (reader instanceof TableReader table) {
            table.readHeaderNow();
        }
        return new OnePassSource(name, options.onBadRecord(), reader);
    }

    /** What a pass that found no record at all says, for every command: the file, and where to look. */
    public static IOException noSamples(String sourceName) {
        return new IOException(sourceName + ": no samples; expected at least one record, found none. Check the file"
                + " and --format");
    }

    /** Detects the format of {@code path} as {@link #open} describes. */
    static DataFormat detect(Path path, SourceOptions options) throws IOException {
        if (Files.isDirectory(path)) {
            return DataFormat.FOLDER;
        }
        try (BufferedInputStream in = Utf8Input.gunzipped(Files.newInputStream(path))) {
            return detect(path.getFileName().toString(), firstNonEmptyLine(peek(in)), options);
        }
    }

    /**
     * The format of the text in {@code in} (gunzipped, not consumed): {@code options.format()} or detected, after
     * checking that it is text in UTF-8.
     *
     * @throws IOException naming {@code file} when the bytes are UTF-16 or binary
     */
    private static DataFormat textFormat(String file, String fileName, BufferedInputStream in, SourceOptions options)
            throws IOException {
        byte[] prefix = peek(in);
        checkText(file, prefix);
        return options.format() != null ? options.format() : detect(fileName, firstNonEmptyLine(prefix), options);
    }

    /**
     * The first bytes of {@code in}, which is then reset to where it was: up to {@link #DETECTION_PREFIX_BYTES}, or
     * less from a pipe or a terminal once a non-blank line is complete and no more bytes are there yet, so that an
     * interactive {@code predict} answers the first line without waiting for 64 KiB more.
     */
    private static byte[] peek(BufferedInputStream in) throws IOException {
        in.mark(DETECTION_PREFIX_BYTES);
        byte[] prefix = new byte[DETECTION_PREFIX_BYTES];
        int n = 0;
        while (n < prefix.length) {
            int read = in.read(prefix, n, prefix.length - n);
            if (read < 0) {
                break;
            }
            n += read;
            if (in.available() == 0 && hasNonBlankLine(prefix, n)) {
                break;
            }
        }
        in.reset();
        return Arrays.copyOf(prefix, n);
    }

    /** Whether the first {@code n} bytes hold a complete line that is not blank. */
    private static boolean hasNonBlankLine(byte[] bytes, int n) {
        boolean nonBlank = false;
        for (int i = 0; i < n; i++) {
            byte b = bytes[i];
            if (b == '\n' || b == '\r') {
                if (nonBlank) {
                    return true;
                }
            } else if (b != ' ' && b != '\t') {
                nonBlank = true;
            }
        }
        return false;
    }

    /**
     * Refuses text that the UTF-8 readers would turn into a bad record per line, or into nonsense: UTF-16 (a BOM,
     * or NULs in every other byte, as ASCII in UTF-16 has) and binary data (any other NUL, or many control bytes).
     */
    static void checkText(String file, byte[] prefix) throws IOException {
        int n = Math.min(prefix.length, 4096);
        if (n >= 2 && ((prefix[0] & 0xFF) == 0xFF && (prefix[1] & 0xFF) == 0xFE
                || (prefix[0] & 0xFF) == 0xFE && (prefix[1] & 0xFF) == 0xFF)) {
            throw new IOException(file + ": UTF-16 text; expected UTF-8 (convert with iconv -f utf-16 -t utf-8)");
        }
        int[] nulsByParity = new int[2];
        int controls = 0;
        for (int i = 0; i < n; i++) {
            int b = prefix[i] & 0xFF;
            if (b == 0) {
                nulsByParity[i & 1]++;
            } else if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1B || b == 0x7F) {
                controls++;
            }
        }
        int pairs = n / 2;
        int most = Math.max(nulsByParity[0], nulsByParity[1]);
        int least = Math.min(nulsByParity[0], nulsByParity[1]);
        if (pairs > 0 && most * 10 >= pairs * 3 && least * 50 <= pairs) {
            throw new IOException(file + ": UTF-16 text; expected UTF-8 (convert with iconv -f utf-16 -t utf-8)");
        }
        if (most > 0 || controls * 20 > n) {
            throw new IOException(file + ": binary data, not text; expected a corpus file in UTF-8 (or gzipped)");
        }
    }

    /** Detects the format of a file named {@code fileName} whose first non-blank line starts with {@code first}. */
    private static DataFormat detect(String fileName, String first, SourceOptions options) {
        String name = fileName.toLowerCase(Locale.ROOT);
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
        first = first.stripLeading();
        if (first.startsWith(FastTextReader.PREFIX)) {
            return DataFormat.FASTTEXT;
        }
        if (first.startsWith("{")) {
            return DataFormat.JSONL;
        }
        if (first.indexOf('\t') >= 0 && first.indexOf(',') < 0) {
            return DataFormat.TSV;
        }
        return namesColumns(options) || namesTextColumn(first) ? DataFormat.CSV : DataFormat.ZHANG_CSV;
    }

    private static boolean namesColumns(SourceOptions options) {
        return !options.textColumns().isEmpty() || options.labelColumn() != null || options.idColumn() != null;
    }

    /**
     * A first line with a text candidate among its comma- or tab-separated fields (e.g. {@code text,label},
     * {@code id,text} or {@code text} alone) is a header, unless its first field is a number: that is a Zhang CSV
     * record whose class comes first ({@code 1,text}), as {@code Columns} tells data from a header.
     */
    private static boolean namesTextColumn(String line) {
        String[] fields = line.split("[,\t]", -1);
        boolean text = false;
        for (int i = 0; i < fields.length; i++) {
            String name = fields[i].strip();
            if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                name = name.substring(1, name.length() - 1);
            }
            if (i == 0 && Labels.isNumber(name)) {
                return false;
            }
            text |= containsIgnoringCase(SourceOptions.TEXT_CANDIDATES, name);
        }
        return text;
    }

    private static boolean containsIgnoringCase(List<String> names, String name) {
        for (String n : names) {
            if (n.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /** The first line of {@code prefix} that is not blank, without a UTF-8 BOM (as far as the prefix goes). */
    private static String firstNonEmptyLine(byte[] prefix) {
        String text = new String(prefix, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        for (String line : text.split("[\r\n]")) {
            if (!line.isBlank()) {
                return line;
            }
        }
        return "";
    }
}
