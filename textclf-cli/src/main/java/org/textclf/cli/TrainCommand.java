package org.textclf.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.textclf.api.FitRequest;
import org.textclf.api.FitResult;
import org.textclf.api.TextClassifier;
import org.textclf.config.ClassWeights;
import org.textclf.config.TrainOptions;
import org.textclf.data.Datasets;
import org.textclf.data.SampleSource;
import org.textclf.eval.Evaluation;
import org.textclf.feed.CacheKey;
import org.textclf.fit.CheckpointFile;
import org.textclf.model.ModelInfo;
import org.textclf.train.CsvLogger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code textclf train TRAIN}: fits the vectorizer, trains with early stopping, saves the best model, tests it. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Trains one of the guide's models from data streamed in mini-batches: the n-gram MLP (tf-idf"
                + " of word uni+bigrams, top features by ANOVA F), logistic regression on the same features, or the"
                + " sepCNN on word sequences, chosen by --model; Adam with early stopping. Saves the best epoch's model"
                + " and evaluates it on --test (by default a"
                + " named dataset's test split).",
                "Progress goes to standard error; standard output gets the test report (or --json)."})
public final class TrainCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "TRAIN",
            description = "Training data: a file or folder, or a dataset name in $TEXTCLF_DATA (imdb, ag_news, sst2).")
    String train;

    @Option(names = "--val", paramLabel = "DATA",
            description = "Validation data (default: the --validation-fraction of each class of TRAIN, chosen by a"
                    + " seeded hash of each text).")
    String validation;

    @Option(names = "--test", paramLabel = "DATA",
            description = "Test data evaluated after training (default: the evaluation split of a named dataset).")
    String test;

    @Option(names = "--no-test", description = "Do not evaluate after training.")
    boolean noTest;

    @Option(names = {"-o", "--output"}, paramLabel = "MODEL", defaultValue = "model.textclf",
            description = "Where to save the model (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--csv-log", paramLabel = "FILE", description = "Also log each epoch's metrics to a CSV file.")
    Path csvLog;

    @Option(names = "--json", description = "Print one JSON object with the results instead of the report.")
    boolean json;

    @Option(names = "--report", paramLabel = "DIR",
            description = "Also write learning curves, the test's confusion matrix and per-class scores as PNGs"
                    + " into DIR (created if missing), and index.html: one page with them, the metrics, the"
                    + " History and the provenance.")
    Path report;

    @Option(names = "--checkpoint-dir", paramLabel = "DIR",
            description = "Save a checkpoint in DIR at every epoch's end (atomically, the latest only), so that a"
                    + " killed run can go on with --resume DIR.")
    Path checkpointDir;

    @Option(names = "--resume", paramLabel = "DIR",
            description = "Continue the run checkpointed in DIR from its last epoch, with the data and options it"
                    + " was started with (giving other values is an error); checkpoints go on into DIR.")
    Path resume;

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

    @Override
    public Integer call() throws Exception {
        if (resume != null) {
            return TrainResume.resume(this, resume);
        }
        if (train == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing TRAIN; expected training"
                    + " data, or --resume DIR to continue a checkpointed run");
        }
        options(); // every option's value is checked before any file is looked at
        checkOutputs();
        if (checkpointDir != null) {
            OutputPaths.checkFolder(checkpointDir, "--checkpoint-dir");
        }
        // Up front: a pipe would be consumed by the first pass (or the checkpoint's checksum) before failing.
        DataOptions.requireRereadable(dataOptions.resolve(train));
        for (String data : new String[] {validation, test}) {
            if (data != null) {
                DataOptions.requireRereadable(dataOptions.resolve(data));
            }
        }
        CheckpointFile checkpoints = null;
        if (checkpointDir != null) {
            List<ModelInfo.InputFile> inputs = trainingInputs(dataOptions.resolve(train),
                    validation == null ? null : dataOptions.resolve(validation));
            checkpoints = CheckpointFile.create(checkpointDir, new CheckpointFile.Run(options(), inputs,
                    TrainResume.arguments(spec.commandLine().getParseResult())));
        }
        return run(checkpoints);
    }

    /** Checks every path the run writes, but the checkpoint folder, before it starts. */
    void checkOutputs() throws IOException {
        OutputPaths.checkFile(output, "-o");
        if (csvLog != null) {
            OutputPaths.checkFile(csvLog, "--csv-log");
        }
        if (report != null) {
            OutputPaths.checkFolder(report, "--report");
        }
        runOptions.checkFolders();
    }

    /** The files training reads, with size and checksum: what a checkpoint records and a resume checks. */
    static List<ModelInfo.InputFile> trainingInputs(Path trainPath, Path validationPath) throws java.io.IOException {
        List<ModelInfo.InputFile> inputs = new ArrayList<>();
        inputs.add(ModelInfo.InputFile.of("train", trainPath));
        if (validationPath != null) {
            inputs.add(ModelInfo.InputFile.of("validation", validationPath));
        }
        return inputs;
    }

    /** Trains, saves and tests; with checkpoints saved into, or resumed from, {@code checkpoints} (or null). */
    Integer run(CheckpointFile checkpoints) throws Exception {
        long start = System.nanoTime();
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        TrainOptions options = options();
        int verbose = options.environment().verbose();
        Path trainPath = dataOptions.resolve(train);
        SampleSource trainSource = dataOptions.open(trainPath);
        Path validationPath = validation == null ? null : dataOptions.resolve(validation);
        Optional<Path> testPath = noTest ? Optional.empty()
                : test != null ? Optional.of(dataOptions.resolve(test)) : Datasets.evaluationSplit(train);
        if (verbose > 0) {
            err.println("training on " + trainPath);
        }
        List<ModelInfo.InputFile> inputs = checkpoints != null ? checkpoints.run().inputs()
                : trainingInputs(trainPath, validationPath);
        // no labels: the vectorizer's first pass collects them, which saves a pass over the training data
        FitRequest.Builder request = FitRequest.builder(trainSource).options(options).progress(runOptions.progress(err))
                .inputs(inputs);
        if (validationPath != null) {
            request.validation(dataOptions.open(validationPath));
        }
        if (csvLog != null) {
            request.callback(new CsvLogger(csvLog));
        }
        if (options.environment().cacheDir() != null) {
            request.cacheKey(dataKey(dataOptions, train, validation, trainPath, validationPath));
        }
        if (checkpoints != null) {
            request.checkpoints(checkpoints);
        }
        FitResult result;
        try {
            result = TextClassifier.fit(request.build());
        } catch (ClassWeights.UnknownClass e) {
            // Known only once the first pass has the classes, but a usage error all the same.
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Invalid value for option"
                    + " '--class-weight': " + e.getMessage());
        }
        TextClassifier classifier = result.classifier();
        if (verbose > 0) {
            err.println(classifier.labels().size() + " classes: " + String.join(", ", classifier.labels().names()));
        }
        Evaluation evaluation = null;
        if (testPath.isPresent()) {
            try {
                evaluation = classifier.evaluate(dataOptions.open(testPath.get()));
            } catch (IOException | RuntimeException e) {
                // A failure in the test data (an unknown label, say) must not cost the trained model.
                classifier.save(output);
                err.println("saved " + output + " without test metrics: the test failed");
                throw e;
            }
            classifier = classifier.withMetrics(Map.of("test_accuracy", evaluation.accuracy(), "test_loss",
                    evaluation.loss()), List.of(ModelInfo.InputFile.of("test", testPath.get())));
        }
        classifier.save(output);
        if (report != null) {
            Path page = TrainingReport.ofRun(output, classifier, result, evaluation, testPath.orElse(null))
                    .write(report);
            if (verbose > 0) {
                err.println("wrote the report " + page);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (json) {
            out.println(json(result, evaluation, testPath.orElse(null), seconds, classifier));
        } else {
            Map<String, Double> metrics = result.metrics();
            out.printf("saved %s (%s): best epoch %d of %d, val_loss %.4f, val_accuracy %.4f, %.1f s%n", output,
                    classifier.model(), result.bestEpoch(), result.history().size(), metrics.get("val_loss"),
                    metrics.get("val_accuracy"), seconds);
            if (evaluation != null) {
                out.println("test on " + testPath.get() + ":");
                out.print(evaluation.report(classifier.labels().names()));
            }
        }
        out.flush();
        dataOptions.printReads(err, runOptions.stderr());
        return 0;
    }

    private String json(FitResult result, Evaluation evaluation, Path testPath, double seconds,
            TextClassifier classifier) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode node = mapper.createObjectNode();
        node.put("model", output.toString());
        node.put("branch", classifier.model());
        node.put("best_epoch", result.bestEpoch());
        node.put("epochs", result.history().size());
        result.metrics().forEach((k, v) -> {
            if (k.startsWith("val_") || k.equals("loss") || k.equals("accuracy")) {
                node.put(k, v);
            }
        });
        if (evaluation != null) {
            node.put("test_data", testPath.toString());
            node.put("test_accuracy", evaluation.accuracy());
            node.put("test_loss", evaluation.loss());
            node.set("test", mapper.readTree(evaluation.toJson(classifier.labels().names())));
        }
        node.put("seconds", seconds);
        return mapper.writeValueAsString(node);
    }

    /** What the data files hold and how they are read: the part of the cache key that the command line decides. */
    static CacheKey dataKey(DataOptions dataOptions, String train, String validation, Path trainPath,
            Path validationPath) throws java.io.IOException {
        CacheKey.Builder key = CacheKey.builder().put("format", dataOptions.format == null ? "detected"
                : dataOptions.format).put("text_columns", dataOptions.textColumns)
                .put("label_column", dataOptions.labelColumn).put("on_bad_record", dataOptions.onBadRecord)
                .put("max_record_bytes", dataOptions.maxRecordBytes)
                .file("train", trainPath);
        key.alias("format", "--format").alias("text_columns", "--text-column").alias("label_column", "--label-column")
                .alias("on_bad_record", "--on-bad-record").alias("max_record_bytes", "--max-record-bytes")
                .alias("train", "TRAIN " + train).alias("validation", "--val " + validation);
        ModelOptions.nameKeyParts(key);
        FitOptions.nameKeyParts(key);
        addClassesBeside(key, "train_classes", trainPath);
        if (validationPath != null) {
            key.file("validation", validationPath);
            addClassesBeside(key, "validation_classes", validationPath);
        }
        return key.build();
    }

    /** A classes.txt beside a file decides which numeric labels are bad records, so it is part of the key. */
    private static void addClassesBeside(CacheKey.Builder key, String name, Path data) throws java.io.IOException {
        Path parent = data.toAbsolutePath().getParent();
        Path classes = parent == null ? null : parent.resolve("classes.txt");
        if (classes != null && java.nio.file.Files.isRegularFile(classes)) {
            key.file(name, classes);
        }
    }

    /** The options given; a value a config refuses is a usage error. */
    TrainOptions options() {
        try {
            return new TrainOptions(modelOptions.config(), fitOptions.config(), runOptions.environment());
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
