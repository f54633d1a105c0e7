package org.textclf.cli;

import java.io.IOException;
import java.io.PrintWriter;
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

    private final List<Pass> passes = new ArrayList<>();

    /** The file a DATA argument names: an existing path, or a dataset like {@code imdb:test} in $TEXTCLF_DATA. */
    public Path resolve(String data) throws IOException {
        return Datasets.resolve(data);
    }

    /** Opens {@code path} with these options; each pass over the source is remembered for {@link #printReads}. */
    public SampleSource open(Path path) throws IOException {
        SampleSource source = Sources.open(path, SourceOptions.builder().format(format).textColumns(textColumns)
                .labelColumn(labelColumn).onBadRecord(policy(onBadRecord)).build());
        return new SampleSource() {
            @Override
            public SampleReader open() throws IOException {
                SampleReader reader = source.open();
                synchronized (passes) {
                    passes.add(new Pass(source.name(), reader.stats()));
                }
                return reader;
            }

            @Override
            public String name() {
                return source.name();
            }

            @Override
            public java.util.Optional<Path> file() {
                return source.file();
            }
        };
    }

    /** What to do with a bad record, as {@code --on-bad-record} says. */
    public BadRecordPolicy policy() {
        return policy(onBadRecord);
    }

    /**
     * Prints, for the last pass over each source, {@code read N records, skipped M} and, when records were skipped,
     * the first offenders.
     */
    public void printReads(PrintWriter err) {
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
            err.println((last.size() > 1 ? pass.sourceName() + ": " : "") + stats.summary());
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

    static final class FormatConverter implements ITypeConverter<DataFormat> {
        @Override
        public DataFormat convert(String value) {
            return DataFormat.parse(value);
        }
    }

    /** Checks a policy name, so that a typo is a usage error; returns it as {@link #cliName} spells it. */
    static final class PolicyConverter implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            return cliName(policy(value));
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
