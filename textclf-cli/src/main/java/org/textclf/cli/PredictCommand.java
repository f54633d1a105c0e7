package org.textclf.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.textclf.api.Prediction;
import org.textclf.api.TextClassifier;
import org.textclf.data.Sample;
import org.textclf.data.SampleReader;
import org.textclf.data.SampleSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code textclf predict MODEL [FILE|-]}: one output line per input record (a skipped bad record included), streamed
 * in chunks so memory stays constant however long the input, or line by line when answering a terminal or a pipe
 * that waits for each answer.
 *
 * <p>What the input is: a {@code .txt} file or standard input is plain text, one text per line, unless {@code
 * --format} is given, a column is named ({@code --text-column}, {@code --id-column}) or its first line is a header
 * naming a text column ({@code text}, {@code id,text}): then it is a table read by its header. Any other file is
 * detected as every command detects it ({@code Sources.open}), where such a header also makes a CSV.
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Predicts the class of each input record and prints one line per record: the top class and"
                + " its probability, tab-separated (with --top-k, that many class/probability pairs), or with"
                + " --output jsonl one JSON object: {\"id\": LINE, \"label\": ..., \"probabilities\": {CLASS: P,"
                + " ...}}. A record skipped by --on-bad-record skip prints <TAB>error: FILE:LINE: ... (jsonl:"
                + " {\"id\": LINE, \"error\": ...}), so that output lines match input records.",
                "Input: a data file in any supported format (labels are ignored), a .txt file or standard input"
                        + " ('-', the default) with one text per line; a first line that is a header naming a text"
                        + " column (text, id,text, ...) is read as a CSV/TSV header, never predicted."})
public final class PredictCommand implements Callable<Integer> {
    /** Texts predicted at once: large enough to amortize the network's per-call cost, small enough to stream. */
    static final int CHUNK = 256;

    @Parameters(index = "0", paramLabel = "MODEL", description = "A model file written by textclf train.")
    Path model;

    @Parameters(index = "1", paramLabel = "FILE|-", defaultValue = "-",
            description = "The texts to classify (default: standard input, one text per line).")
    String input;

    @Option(names = "--top-k", paramLabel = "K", converter = Ranges.AtLeastOne.class, defaultValue = "1",
            description = "How many classes to print per record, most probable first (default: ${DEFAULT-VALUE}).")
    int topK;

    @Option(names = "--output", paramLabel = "tsv|jsonl", defaultValue = "tsv", converter = OutputFormat.class,
            description = "tsv: class<TAB>probability pairs; jsonl: one JSON object per record with its id, label"
                    + " and every class's probability (and, with --top-k above 1, \"top\": the classes)"
                    + " (default: ${DEFAULT-VALUE}).")
    String output;

    @Option(names = "--id-column", paramLabel = "NAME",
            description = "The header column (or JSONL field) whose value is each record's id in jsonl (default: the"
                    + " record's line number).")
    String idColumn;

    @Option(names = "--threshold", paramLabel = "P", converter = Ranges.Probability.class, defaultValue = "0",
            description = "Print no label when the top probability is below P: an empty label field (jsonl:"
                    + " \"label\": null); with --top-k, only classes at or above P (default: ${DEFAULT-VALUE}).")
    float threshold;

    @Option(names = "--line-buffered",
            description = "Answer and flush each record as it arrives (the default when standard input and output"
                    + " are a terminal), for a pipe that waits for each answer.")
    boolean lineBuffered;

    @Mixin
    DataOptions dataOptions;

    @Spec
    CommandSpec spec;

    private final List<Record> pending = new ArrayList<>();
    private final List<String> texts = new ArrayList<>();

    /** One input record's place in the output: its text to predict, or why it was skipped. */
    private record Record(long line, String id, String text, String error) {
    }

    /** One of {@link PredictionLines#FORMATS}. */
    static final class OutputFormat implements ITypeConverter<String> {
        @Override
        public String convert(String name) {
            if (!PredictionLines.FORMATS.contains(name)) {
                throw new TypeConversionException("expected one of " + String.join(", ", PredictionLines.FORMATS)
                        + ", found '" + name + "'");
            }
            return name;
        }
    }

    @Override
    public Integer call() throws Exception {
        DataOptions.requireFile(model, "a model file written by textclf train");
        TextClassifier classifier = TextClassifier.load(model);
        PrintWriter out = spec.commandLine().getOut();
        PredictionLines lines = new PredictionLines(output, topK, threshold);
        // System.console() is non-null only when both standard input and output are a terminal.
        boolean eachLine = lineBuffered || System.console() != null;
        dataOptions.idColumn = idColumn;
        boolean plainLines = "-".equals(input) || input.endsWith(".txt");
        SampleSource source = plainLines ? dataOptions.openLines(input) : dataOptions.openOnce(input);
        try (SampleReader reader = source.open()) {
            // A skipped record is heard of before the sample after it, so that its line keeps its place.
            reader.stats().onSkipped(e -> {
                pending.add(new Record(e.line(), null, null, e.getMessage()));
                if (eachLine) {
                    flush(classifier, lines, out);
                }
            });
            for (Sample s = reader.next(); s != null; s = reader.next()) {
                pending.add(new Record(s.line(), s.id(), s.text(), null));
                texts.add(s.text());
                if (eachLine || texts.size() >= CHUNK) {
                    flush(classifier, lines, out);
                }
            }
        }
        flush(classifier, lines, out);
        dataOptions.printReads(spec.commandLine().getErr(), Stderr.of(spec));
        return 0;
    }

    /** Predicts the pending texts at once and prints every pending record's line, in input order. */
    private void flush(TextClassifier classifier, PredictionLines lines, PrintWriter out) {
        List<Prediction> predictions = texts.isEmpty() ? List.of() : classifier.predict(texts);
        int next = 0;
        for (Record r : pending) {
            out.println(r.error() != null ? lines.error(r.line(), idColumn != null, r.error())
                    : lines.prediction(r.line(), r.id(), predictions.get(next++)));
        }
        out.flush();
        pending.clear();
        texts.clear();
    }
}
