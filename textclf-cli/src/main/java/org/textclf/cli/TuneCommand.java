package org.textclf.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.textclf.api.TextClassifier;
import org.textclf.config.TrainOptions;
import org.textclf.data.Datasets;
import org.textclf.data.SampleSource;
import org.textclf.eval.Evaluation;
import org.textclf.model.ModelInfo;
import org.textclf.tune.Budget;
import org.textclf.tune.SearchSpace;
import org.textclf.tune.TrialLog;
import org.textclf.tune.TrialResult;
import org.textclf.tune.TuneMetric;
import org.textclf.tune.TuneRequest;
import org.textclf.tune.TuneResult;
import org.textclf.tune.Tuner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code textclf tune DATA}: the guide's step 5, successive halving over the branch's search space ({@code
 * tune.Tuner}), then the best trial's model saved and tested, and the {@code textclf train} command that trains it
 * again.
 */
@Command(name = "tune", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Searches the model's hyperparameters by successive halving: --trials configurations drawn"
                + " from the seed train 1 epoch each, the best third goes on for 3 times the epochs from its"
                + " checkpoint, and so on until one is left, which trains until early stopping. Trials that fit the"
                + " same vectorizer share it and its cached examples. The best trial's model is kept as it trained"
                + " (not retrained on train + validation: early stopping chose its epoch on that validation data,"
                + " and the kept model is exactly what the printed train command trains again), saved to -o and"
                + " evaluated on --test.",
                "A line per trial and rung goes to standard error; standard output gets the table of trials (or"
                + " --json). Each finished trial is appended to --log; a killed tune goes on with --resume LOG."})
public final class TuneCommand implements Callable<Integer> {
    /** Options of the tune itself, not of the train command that reproduces its model. */
    private static final Set<String> TUNE_ONLY = Set.of("--budget", "--trials", "--grid", "--metric", "--log",
            "--resume", "--json", "--trials-csv", "--plot", "--show-space", "--cache-dir", "--side-by-side", "--debug",
            "--quiet");

    @Parameters(index = "0", arity = "0..1", paramLabel = "DATA",
            description = "Training data: a file or folder, or a dataset name in $TEXTCLF_DATA (imdb, ag_news, sst2).")
    String train;

    @Option(names = "--val", paramLabel = "DATA",
            description = "Validation data the trials are ranked on (default: the --validation-fraction of each"
                    + " class of DATA, held out as train holds it out).")
    String validation;

    @Option(names = "--test", paramLabel = "DATA",
            description = "Test data the best model is evaluated on (default: the evaluation split of a named"
                    + " dataset).")
    String test;

    @Option(names = "--no-test", description = "Do not evaluate the best model.")
    boolean noTest;

    @Option(names = {"-o", "--output"}, paramLabel = "MODEL", defaultValue = "model.textclf",
            description = "Where to save the best model (default: ${DEFAULT-VALUE}); its trials' checkpoints and"
                    + " vectorizer caches go into MODEL's name with .tune instead of .textclf, a folder beside it.")
    Path output;

    @Option(names = "--budget", paramLabel = "TIME", converter = DurationConverter.class,
            description = "Start no trial after this much time, e.g. 90s, 5m, 1h30m (default: none); the best trial"
                    + " so far then trains on until early stopping. It can cut the trials run, so the result then"
                    + " depends on the machine's speed; the trials drawn depend on --seed only.")
    Duration budget;

    @Option(names = "--trials", paramLabel = "N", converter = Ranges.AtLeastOne.class,
            defaultValue = "" + Budget.DEFAULT_TRIALS,
            description = "Configurations drawn (default: ${DEFAULT-VALUE}; with --grid, the grid's own count). With"
                    + " --budget and no --trials, brackets of ${DEFAULT-VALUE} new ones follow each other until the"
                    + " time is used.")
    int trials;

    @Option(names = "--side-by-side", paramLabel = "N", converter = Ranges.AtLeastOne.class,
            defaultValue = "" + TuneRequest.DEFAULT_TRIALS_SIDE_BY_SIDE,
            description = "mlp, linear: trials trained at once, the processors split between them (at most one per"
                    + " processor; results do not depend on it); sepcnn trials run one at a time (default:"
                    + " ${DEFAULT-VALUE}).")
    int sideBySide;

    @Option(names = "--grid", description = "Run the guide's own grid instead of draws: mlp's --layers {1,2,3} x"
            + " --units {8,16,32,64,128}, everything else as given.")
    boolean grid;

    @Option(names = "--metric", paramLabel = "METRIC", converter = MetricConverter.class,
            defaultValue = "val_accuracy",
            description = "What ranks the trials: val_accuracy, val_loss (each also what early stopping watches in"
                    + " a trial) or macro_f1 (measured on the validation data at each rung's end) (default:"
                    + " ${DEFAULT-VALUE}).")
    TuneMetric metric;

    @Option(names = "--log", paramLabel = "FILE",
            description = "The trial log, one JSON line per finished trial and rung (default: MODEL's name with"
                    + " .tune.jsonl instead of .textclf, beside it).")
    Path log;

    @Option(names = "--resume", paramLabel = "LOG",
            description = "Continue the tune logged in LOG with the data and options it was started with: finished"
                    + " trials are read from the log, the one a kill interrupted goes on from its checkpoint.")
    Path resume;

    @Option(names = "--json", description = "Print one JSON object with the trials and the best model instead of"
            + " the table.")
    boolean json;

    @Option(names = "--trials-csv", paramLabel = "FILE", description = "Also write the table of trials as CSV.")
    Path trialsCsv;

    @Option(names = "--plot", paramLabel = "FILE",
            description = "Where to draw the metric by trial and by the most decisive parameters, as PNG (default:"
                    + " MODEL's name with .tune.png instead of .textclf).")
    Path plot;

    @Option(names = "--show-space", description = "Print the search space of each branch and exit.")
    boolean showSpace;

    @Mixin
    DataOptions dataOptions;

    @Mixin
    ModelOptions modelOptions;

    @Mixin
    FitOptions fitOptions;

    @Mixin
    RunOptions runOptions;

    @Spec
    CommandSpec spec;

    /** The search spaces as {@code --help} and {@code --show-space} print them, from {@code tune.SearchSpace}. */
    static String spaces() {
        StringBuilder text = new StringBuilder();
        for (String branch : SearchSpace.BRANCHES) {
            text.append(SearchSpace.forBranch(branch).describe()).append(String.format("%n"));
        }
        return text.append("Ranges marked (log) are drawn log-uniformly, and every drawn value is rounded to 2"
                + " significant digits. --model auto searches mlp and linear when S/W < 1,500, sepcnn above.")
                .toString();
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (showSpace) {
            out.println(spaces());
            return 0;
        }
        if (resume != null) {
            return resumeFrom(resume);
        }
        if (train == null) {
            throw new ParameterException(spec.commandLine(), "missing DATA; expected training data, or --resume LOG"
                    + " to continue a tune");
        }
        return run(false, TrainResume.arguments(spec.commandLine().getParseResult()));
    }

    /** Parses the logged command line again and continues that tune. */
    private int resumeFrom(Path logFile) throws Exception {
        TrialLog.Header header;
        try (TrialLog read = TrialLog.resume(logFile, line -> { })) {
            header = read.header();
        }
        TuneCommand original = new TuneCommand();
        CommandLine stored = new CommandLine(original);
        stored.setOut(spec.commandLine().getOut());
        stored.setErr(spec.commandLine().getErr());
        stored.parseArgs(header.arguments().toArray(String[]::new));
        original.runOptions.quiet = runOptions.stderr() == Stderr.ERRORS;
        original.log = logFile;
        return original.run(true, header.arguments());
    }

    private int run(boolean resuming, List<String> arguments) throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        TrainOptions options = options();
        if (grid && !List.of("mlp", "auto").contains(modelOptions.model)) {
            throw new ParameterException(spec.commandLine(), "--grid is the guide's grid of the mlp (--layers x"
                    + " --units); expected --model mlp or auto, found --model " + modelOptions.model);
        }
        Path trainPath = dataOptions.resolve(train);
        DataOptions.requireRereadable(trainPath);
        Path validationPath = validation == null ? null : dataOptions.resolve(validation);
        if (validationPath != null) {
            DataOptions.requireRereadable(validationPath);
        }
        Optional<Path> testPath = noTest ? Optional.empty()
                : test != null ? Optional.of(dataOptions.resolve(test)) : Datasets.evaluationSplit(train);
        OutputPaths.checkFile(output, "-o");
        runOptions.checkFolders();
        Path logFile = log != null ? log : sibling(".tune.jsonl");
        Path plotFile = plot != null ? plot : sibling(".tune.png");
        boolean lines = runOptions.stderr().summaries();
        SampleSource trainSource = dataOptions.open(trainPath);
        TuneRequest.Builder request = TuneRequest.builder(trainSource, sibling(".tune")).options(options)
                .grid(grid).metric(metric).trialsSideBySide(sideBySide).log(logFile).resume(resuming).arguments(arguments)
                .budget(budget(spec.commandLine().getParseResult().hasMatchedOption("--trials")))
                .dataKey(TrainCommand.dataKey(dataOptions, train, validation, trainPath, validationPath))
                .inputs(TrainCommand.trainingInputs(trainPath, validationPath))
                .progress(line -> {
                    if (lines || line.startsWith("warning: ")) {
                        err.println(line);
                        err.flush();
                    }
                })
                .onResult(r -> {
                    if (lines) {
                        err.println(TuneTable.line(r, metric));
                        err.flush();
                    }
                });
        if (validationPath != null) {
            request.validation(dataOptions.open(validationPath));
        }
        if (grid) {
            request.space(SearchSpace.grid());
        } else if (modelOptions.model.equals("auto")) {
            Tuner.auto(dataOptions.open(trainPath), line -> {
                if (lines) {
                    err.println(line);
                }
            }).forEach(request::space);
        } else {
            request.space(SearchSpace.forBranch(modelOptions.model));
        }
        TuneResult result = Tuner.tune(request.build());
        TextClassifier classifier = result.model().classifier();
        Evaluation evaluation = null;
        if (testPath.isPresent()) {
            evaluation = classifier.evaluate(dataOptions.open(testPath.get()));
            classifier = classifier.withMetrics(Map.of("test_accuracy", evaluation.accuracy(), "test_loss",
                    evaluation.loss()), List.of(ModelInfo.InputFile.of("test", testPath.get())));
        }
        classifier.save(output);
        Charts.save(TuneChart.png(result, metric), plotFile);
        if (trialsCsv != null) {
            TuneTable.writeCsv(result, trialsCsv);
        }
        String command = trainCommand(arguments, result.trainArguments());
        if (json) {
            out.println(json(result, evaluation, testPath.orElse(null), command, logFile, plotFile));
        } else {
            out.print(TuneTable.text(result, metric));
            out.printf("best: trial %d, %s %.4f at epoch %d; saved %s%n", result.best().trial(), metric,
                    result.best().metric(), result.best().bestEpoch(), output);
            if (evaluation != null) {
                out.printf("test on %s: accuracy %.4f, loss %.4f%n", testPath.get(), evaluation.accuracy(),
                        evaluation.loss());
            }
            out.println("the same model again: " + command);
            if (result.timeUp()) {
                out.println("the time budget ended the tune before its last rung: the best is of the trials run");
            }
        }
        out.flush();
        if (lines) {
            err.println("wrote " + logFile + " and " + plotFile);
        }
        dataOptions.printReads(err, runOptions.stderr());
        return 0;
    }

    /** {@code textclf train} with this tune's data and options, the best trial's in place of those it sets. */
    static String trainCommand(List<String> tuneArguments, List<String> trial) {
        Set<String> set = new java.util.HashSet<>();
        for (String a : trial) {
            if (a.startsWith("--")) {
                set.add(a);
            }
        }
        List<String> args = new ArrayList<>(List.of("textclf", "train"));
        for (int i = 0; i < tuneArguments.size(); i++) {
            String a = tuneArguments.get(i);
            boolean option = a.startsWith("-") && a.length() > 1;
            boolean hasValue = option && i + 1 < tuneArguments.size() && !isFlag(a);
            if (option && (TUNE_ONLY.contains(a) || set.contains(a))) {
                i += hasValue ? 1 : 0;
                continue;
            }
            args.add(a);
            if (hasValue) {
                args.add(tuneArguments.get(++i));
            }
        }
        args.addAll(trial);
        return String.join(" ", args.stream().map(TuneCommand::quote).toList());
    }

    /** The options without a value that a tune's command line may hold. */
    private static boolean isFlag(String option) {
        return Set.of("--grid", "--json", "--show-space", "--no-test", "--no-shuffle", "--debug", "--quiet", "-q")
                .contains(option);
    }

    private static String quote(String arg) {
        return arg.matches("[A-Za-z0-9_./:,=+-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'";
    }

    private String json(TuneResult result, Evaluation evaluation, Path testPath, String command, Path logFile,
            Path plotFile) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode node = mapper.createObjectNode();
        node.put("metric", metric.key());
        node.set("trials", mapper.valueToTree(result.trials().stream().map(TuneTable::row).toList()));
        node.set("best", mapper.valueToTree(TuneTable.row(result.best())));
        node.put("model", output.toString());
        if (evaluation != null) {
            node.put("test_data", testPath.toString());
            node.put("test_accuracy", evaluation.accuracy());
            node.put("test_loss", evaluation.loss());
        }
        node.put("train_command", command);
        node.put("time_up", result.timeUp());
        node.put("log", logFile.toString());
        node.put("plot", plotFile.toString());
        return mapper.writeValueAsString(node);
    }

    /** Without --trials, a --budget runs brackets of the default trials until it is used. */
    private Budget budget(boolean trialsGiven) {
        Budget b = Budget.DEFAULTS.withTrials(trials).withTime(budget);
        return budget != null && !trialsGiven && !grid ? b.repeatingUntilTime() : b;
    }

    /** {@code model.textclf} -> {@code model} + suffix, beside it. */
    private Path sibling(String suffix) {
        String name = output.getFileName().toString().replaceFirst("\\.textclf$", "");
        return output.resolveSibling(name + suffix);
    }

    private TrainOptions options() {
        try {
            return new TrainOptions(modelOptions.config(), fitOptions.config(), runOptions.environment());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** {@code --budget}: a duration. */
    static final class DurationConverter extends ParsedBy<Duration> {
        DurationConverter() {
            super(Budget::parseDuration);
        }
    }

    /** {@code --metric}: one of the tune's metrics. */
    static final class MetricConverter extends ParsedBy<TuneMetric> {
        MetricConverter() {
            super(value -> TuneMetric.parse(value.strip()));
        }
    }
}
