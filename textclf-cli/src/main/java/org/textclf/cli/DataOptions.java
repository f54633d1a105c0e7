package org.textclf.cli;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.textclf.data.BadRecordPolicy;
import org.textclf.data.DataFormat;
import org.textclf.data.Datasets;
import org.textclf.data.ReadStats;
import org.textclf.data.SampleReader;
import org.textclf.data.SampleSource;
import org.textclf.data.SourceOptions;
import org.textclf.data.Sources;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * How to read a DATA argument, shared by every command that reads a corpus ({@code @Mixin}). It also keeps the
 * counts of each pass, so that a command can end with {@code read N records, skipped M} and the first offenders:
 * nothing is dropped silently.
 */
public final class DataOptions {
    static {
        // Help texts name the column candidates through picocli's ${sys:...} variables, so that the lists are
        // written once, in SourceOptions.
        System.setProperty("textclf.textCandidates", String.join(", ", SourceOptions.TEXT_CANDIDATES));
        System.setProperty("textclf.labelCandidates", String.join(", ", SourceOptions.LABEL_CANDIDATES));
    }

    @Option(names = "--format", paramLabel = "FORMAT", converter = FormatConverter.class,
            description = "zhang-csv, csv, tsv, fasttext, jsonl or folder (default: detected from the name and the"
                    + " first line).")
    DataFormat format;

    @Option(names = "--text-column", paramLabel = "NAME",
            description = "A column holding text; repeat to join several with a space (default: the first of "
                    + "${sys:textclf.textCandidates}).")
    List<String> textColumns = new ArrayList<>();

    @Option(names = "--label-column", paramLabel = "NAME",
            description = "The column holding the label (default: the first of ${sys:textclf.labelCandidates};"
                    + " none means unlabeled).")
    String labelColumn;

    // Held as typed (validated by the converter) so that --help shows the default as it is typed: "fail".
    @Option(names = "--on-bad-record", paramLabel = "fail|skip", converter = PolicyConverter.class,
            description = "Stop at the first malformed record, or skip and count it (default: ${DEFAULT-VALUE}).")
    String onBadRecord = cliName(SourceOptions.DEFAULTS.onBadRecord());

    @Option(names = "--max-record-bytes", paramLabel = "BYTES", converter = Ranges.AtLeastOne.class,
            defaultValue = "" + SourceOptions.DEFAULT_MAX_RECORD_BYTES,
            description = "The longest record read (a line, a CSV record, a folder's document), in UTF-8 bytes; a"
                    + " longer one is a bad record (default: ${DEFAULT-VALUE}).")
    int maxRecordBytes;

    /** The column holding each record's id: set by predict, the one command that prints ids. */
    String idColumn;

    private final List<Pass> passes = new ArrayList<>();

    /** What standard input is called in messages. */
    static final String STDIN = "stdin";

    /** The file a DATA argument names: an existing path, or a dataset like {@code imdb:test} in $TEXTCLF_DATA. */
    public Path resolve(String data) throws IOException {
        return Datasets.resolve(data);
    }

    /**
     * Opens {@code path} with these options, for a command that reads it several times (train); each pass over the
     * source is remembered for {@link #printReads}.
     */
    public SampleSource open(Path path) throws IOException {
        requireRereadable(path);
        return tracked(Sources.open(path, sourceOptions()));
    }

    /**
     * Opens a DATA argument for a command that reads it once (explore, evaluate, predict): {@code -} is standard
     * input, and a pipe ({@code <(zcat x.gz)}) is read as it streams.
     */
    public SampleSource openOnce(String data) throws IOException {
        return tracked("-".equals(data) ? Sources.read(STDIN, System.in, sourceOptions())
                : Sources.openOnce(resolve(data), sourceOptions()));
    }

    /**
     * Plain text, one text per line ({@code -}: standard input), for predict; a table when the format is given, a
     * column named or the first line is a header naming a text column ({@link Sources#lines}).
     */
    public SampleSource openLines(String input) throws IOException {
        if ("-".equals(input)) {
            return tracked(Sources.lines(STDIN, System.in, sourceOptions()));
        }
        Path path = Path.of(input);
        requireFile(path, "a text file, one text per line");
        return tracked(Sources.lines(input, new FileInputStream(path.toFile()), sourceOptions()));
    }

    /** Fails naming {@code path} when it exists and is not a regular file or a folder, up front: a pipe. */
    static void requireRereadable(Path path) throws IOException {
        if (Files.exists(path) && !Files.isRegularFile(path) && !Files.isDirectory(path)) {
            throw new IOException(path + ": not a regular file (a pipe?); train reads its data several times, give a"
                    + " regular file");
        }
    }

    /** Fails naming {@code path} when it is a folder or missing; {@code expected} says what it should be. */
    static void requireFile(Path path, String expected) throws IOException {
        if (Files.isDirectory(path)) {
            throw new IOException(path + ": is a folder; expected " + expected);
        }
        if (!Files.exists(path)) {
            throw new IOException(path + ": no such file; expected " + expected);
        }
    }

    private SourceOptions sourceOptions() {
        return SourceOptions.builder().format(format).textColumns(textColumns).labelColumn(labelColumn)
                .onBadRecord(policy(onBadRecord)).maxRecordBytes(maxRecordBytes).idColumn(idColumn).build();
    }

    private SampleSource tracked(SampleSource source) {
        return SampleSource.decorated(source, () -> {
            SampleReader reader = source.open();
            synchronized (passes) {
                passes.add(new Pass(source.name(), reader.stats()));
            }
            return reader;
        });
    }

    /**
     * Prints, for the last pass over each source, its notices of what it did not read ({@code textclf: DIR: ignored
     * ...}), {@code read N records, skipped M} and, when records were skipped, the first offenders; as much of it as
     * {@code level} allows, though skipped records are always reported: they are missing from the result.
     */
    void printReads(PrintWriter err, Stderr level) {
        List<Pass> last = new ArrayList<>();
        synchronized (passes) {
            for (int i = passes.size() - 1; i >= 0; i--) {
                Pass pass = passes.get(i);
                if (last.stream().noneMatch(p -> p.sourceName().equals(pass.sourceName()))) {
                    last.add(0, pass);
                }
            }
        }
        for (Pass pass : last) {
            ReadStats stats = pass.stats();
            if (level.warnings()) {
                for (String notice : stats.notices()) {
                    err.println("textclf: " + notice);
                }
            }
            if (level.summaries() || stats.skipped() > 0) {
                err.println((last.size() > 1 ? pass.sourceName() + ": " : "") + stats.summary());
            }
            if (stats.skipped() > 0) {
                List<String> offenders = stats.firstOffenders();
                err.println("first " + (offenders.size() == 1 ? "skipped record" : offenders.size()
                        + " skipped records") + ":");
                for (String offender : offenders) {
                    err.println("  " + offender);
                }
            }
        }
        err.flush();
    }

    /** One pass's counts; the reader itself is not kept, so its buffers go when it closes. */
    private record Pass(String sourceName, ReadStats stats) {
    }

    static final class FormatConverter extends ParsedBy<DataFormat> {
        FormatConverter() {
            super(DataFormat::parse);
        }
    }

    /** Checks a policy name, so that a typo is a usage error; returns it as {@link #cliName} spells it. */
    static final class PolicyConverter implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            try {
                return cliName(policy(value));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static BadRecordPolicy policy(String name) {
        for (BadRecordPolicy policy : BadRecordPolicy.values()) {
            if (policy.name().equalsIgnoreCase(name.strip())) {
                return policy;
            }
        }
        throw new IllegalArgumentException("unknown bad-record policy '" + name + "'; expected fail or skip");
    }

    /** The policy as typed on the command line. */
    static String cliName(BadRecordPolicy policy) {
        return policy.name().toLowerCase(Locale.ROOT);
    }
}
