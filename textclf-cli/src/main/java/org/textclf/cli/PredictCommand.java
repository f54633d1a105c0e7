package org.textclf.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.textclf.api.Prediction;
import org.textclf.api.TextClassifier;
import org.textclf.data.Sample;
import org.textclf.data.SampleReader;
import org.textclf.data.SampleSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code textclf predict MODEL [FILE|-]}: one output line per input record, streamed in chunks so memory stays
 * constant however long the input.
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Predicts the class of each input record and prints one line per record: the top class and"
                + " its probability, tab-separated (with --top-k, that many class/probability pairs).",
                "Input: a data file in any supported format (labels are ignored), a .txt file or standard input"
                        + " ('-', the default) with one text per line."})
public final class PredictCommand implements Callable<Integer> {
    /** Texts predicted at once: large enough to amortize the network's per-call cost, small enough to stream. */
    static final int CHUNK = 256;

    @Parameters(index = "0", paramLabel = "MODEL", description = "A model file written by textclf train.")
    Path model;

    @Parameters(index = "1", paramLabel = "FILE|-", defaultValue = "-",
            description = "The texts to classify (default: standard input, one text per line).")
    String input;

    @Option(names = "--top-k", paramLabel = "K", defaultValue = "1",
            description = "How many classes to print per record, most probable first (default: ${DEFAULT-VALUE}).")
    int topK;

    @Mixin
    DataOptions dataOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (topK < 1) {
            throw new ParameterException(spec.commandLine(), "--top-k must be at least 1, found " + topK);
        }
        DataOptions.requireFile(model, "a model file written by textclf train");
        TextClassifier classifier = TextClassifier.load(model);
        PrintWriter out = spec.commandLine().getOut();
        List<String> chunk = new ArrayList<>(CHUNK);
        boolean plainLines = "-".equals(input) || input.endsWith(".txt");
        SampleSource source = plainLines ? dataOptions.openLines(input) : dataOptions.openOnce(input);
        try (SampleReader reader = source.open()) {
            for (Sample s = reader.next(); s != null; s = reader.next()) {
                chunk.add(s.text());
                flushIfFull(classifier, chunk, out, false);
            }
        }
        flushIfFull(classifier, chunk, out, true);
        out.flush();
        dataOptions.printReads(spec.commandLine().getErr());
        return 0;
    }

    private void flushIfFull(TextClassifier classifier, List<String> chunk, PrintWriter out, boolean last) {
        if (chunk.size() < CHUNK && !(last && !chunk.isEmpty())) {
            return;
        }
        for (Prediction p : classifier.predict(chunk)) {
            StringBuilder line = new StringBuilder();
            for (Prediction.Scored s : p.top(topK)) {
                if (line.length() > 0) {
                    line.append('\t');
                }
                line.append(s.label()).append('\t').append(String.format(Locale.ROOT, "%.4f", s.probability()));
            }
            out.println(line);
        }
        chunk.clear();
    }
}
