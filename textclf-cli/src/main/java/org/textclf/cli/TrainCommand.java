package org.textclf.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.textclf.CheckpointFile;
import org.textclf.ModelInfo;
import org.textclf.TextClassifier;
import org.textclf.TrainOptions;
import org.textclf.data.Datasets;
import org.textclf.data.SampleSource;
import org.textclf.eval.Evaluation;
import org.textclf.feed.CacheKey;
import org.textclf.nn.AdamConfig;
import org.textclf.nn.MlpConfig;
import org.textclf.text.NgramConfig;
import org.textclf.train.Callback;
import org.textclf.train.CsvLogger;
import org.textclf.train.Metric;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code textclf train TRAIN}: fits the vectorizer, trains with early stopping, saves the best model, tests it. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Trains one of the guide's models from data streamed in mini-batches: the n-gram MLP (tf-idf"
                + " of word uni+bigrams, top features by ANOVA F) or the sepCNN on word sequences, chosen by --model;"
                + " Adam with early stopping. Saves the best epoch's model and evaluates it on --test (by default a"
                + " named dataset's test split).",
                "Progress goes to standard error; standard output gets the test report (or --json)."})
public final class TrainCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "TRAIN",
            description = "Training data: a file or folder, or a dataset name in $TEXTCLF_DATA (imdb, ag_news, sst2).")
    String train;

    @Option(names = "--val", paramLabel = "DATA",
            description = "Validation data (default: the --validation-fraction of TRAIN, chosen by a seeded hash"
                    + " of each text).")
    String validation;

    @Option(names = "--validation-fraction", paramLabel = "F",
            defaultValue = "" + org.textclf.feed.Split.DEFAULT_VALIDATION_FRACTION,
            description = "The share of TRAIN held out for validation when --val is not given (default:"
                    + " ${DEFAULT-VALUE}).")
    double validationFraction;

    @Option(names = "--test", paramLabel = "DATA",
            description = "Test data evaluated after training (default: the evaluation split of a named dataset).")
    String test;

    @Option(names = "--no-test", description = "Do not evaluate after training.")
    boolean noTest;

    @Option(names = {"-o", "--output"}, paramLabel = "MODEL", defaultValue = "model.textclf",
            description = "Where to save the model (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--model", paramLabel = "auto|mlp|sepcnn", defaultValue = TrainOptions.AUTO,
            description = "The model: mlp, the guide's n-gram MLP; sepcnn, its separable CNN on word sequences; auto,"
                    + " the guide's choice by the ratio of samples to median words per sample, measured in the first"
                    + " pass: mlp below 1,500 (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--epochs", defaultValue = "" + org.textclf.train.Trainer.DEFAULT_EPOCHS,
            description = "The most epochs; early stopping usually ends sooner (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch-size", defaultValue = "" + TrainOptions.AUTO_BATCH_SIZE,
            description = "Examples per step; 0: the branch's default, the guide's "
                    + org.textclf.feed.BatchGenerator.DEFAULT_BATCH_SIZE + " for the mlp, "
                    + TrainOptions.SEPCNN_BATCH_SIZE + " for the sepcnn (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--layers", defaultValue = "" + MlpConfig.DEFAULT_LAYERS,
            description = "Dense layers including the output (default: ${DEFAULT-VALUE}).")
    int layers;

    @Option(names = "--units", defaultValue = "" + MlpConfig.DEFAULT_UNITS,
            description = "Units of each hidden layer (default: ${DEFAULT-VALUE}).")
    int units;

    @Option(names = "--dropout", defaultValue = "" + MlpConfig.DEFAULT_DROPOUT_RATE,
            description = "Dropout rate (default: ${DEFAULT-VALUE}).")
    float dropout;

    @Option(names = "--learning-rate", defaultValue = "" + AdamConfig.DEFAULT_LEARNING_RATE,
            description = "Adam's learning rate (default: ${DEFAULT-VALUE}).")
    float learningRate;

    @Option(names = "--top-features", defaultValue = "" + NgramConfig.DEFAULT_TOP_K,
            description = "N-grams kept by ANOVA F (default: ${DEFAULT-VALUE}).")
    int topFeatures;

    @Option(names = "--min-df", defaultValue = "" + NgramConfig.DEFAULT_MIN_DOCUMENT_FREQUENCY,
            description = "Least documents an n-gram must appear in (default: ${DEFAULT-VALUE}).")
    int minDf;

    @Option(names = "--patience", defaultValue = "" + org.textclf.train.EarlyStopping.DEFAULT_PATIENCE,
            description = "Epochs without improvement before stopping (default: ${DEFAULT-VALUE}).")
    int patience;

    @Option(names = "--monitor", paramLabel = "METRIC", defaultValue = org.textclf.train.EarlyStopping.DEFAULT_MONITOR_KEY,
            description = "What early stopping watches: val_loss or val_accuracy (default: ${DEFAULT-VALUE}).")
    String monitor;

    @Option(names = "--seed", defaultValue = "" + TrainOptions.DEFAULT_SEED,
            description = "Seeds the split, weights, dropout and shuffles (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", defaultValue = "" + TrainOptions.DEFAULT_THREADS,
            description = "Threads sharing each training step (the mlp's results do not depend on it, the"
                    + " sepcnn's only to float rounding). 0: the branch's measured best, 2 for the sepcnn, 1 for the"
                    + " mlp (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--no-shuffle", description = "Read the training data in file order every epoch.")
    boolean noShuffle;

    @Option(names = "--verbose", paramLabel = "0|1|2", defaultValue = "" + TrainOptions.DEFAULT_VERBOSE,
            description = "0 silent, 1 progress bars, 2 one line per epoch (default: ${DEFAULT-VALUE}).")
    int verbose;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "Keep the fitted vectorizer and the vectorized examples in DIR, and reuse them when TRAIN,"
                    + " --val and the options that decide them are unchanged (files compared by size and CRC32C);"
                    + " default: temp files deleted after training.")
    Path cacheDir;

    @Option(names = "--csv-log", paramLabel = "FILE", description = "Also log each epoch's metrics to a CSV file.")
    Path csvLog;

    @Option(names = "--json", description = "Print one JSON object with the results instead of the report.")
    boolean json;

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
    SequenceOptions sequenceOptions;

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
        CheckpointFile checkpoints = null;
        if (checkpointDir != null) {
            List<ModelInfo.InputFile> inputs = trainingInputs(dataOptions.resolve(train),
                    validation == null ? null : dataOptions.resolve(validation));
            checkpoints = CheckpointFile.create(checkpointDir, new CheckpointFile.Run(options(), inputs,
                    TrainResume.arguments(spec.commandLine().getParseResult())));
        }
        return run(checkpoints);
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
        if (sequenceOptions.embeddings != null && !java.nio.file.Files.isRegularFile(sequenceOptions.embeddings)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--embeddings "
                    + sequenceOptions.embeddings + ": no such file; expected word vectors (.vec or .txt, gzip too)");
        }
        if (!TrainOptions.AUTO.equals(model) && !ModelInfo.MLP.equals(model) && !ModelInfo.SEPCNN.equals(model)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "unknown --model '" + model
                    + "'; expected " + TrainOptions.AUTO + ", " + ModelInfo.MLP + " or " + ModelInfo.SEPCNN);
        }
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        TrainOptions options = options();
        Path trainPath = dataOptions.resolve(train);
        SampleSource trainSource = dataOptions.open(trainPath);
        Path validationPath = validation == null ? null : dataOptions.resolve(validation);
        Optional<Path> testPath = noTest ? Optional.empty()
                : test != null ? Optional.of(dataOptions.resolve(test)) : Datasets.evaluationSplit(train);
        if (verbose > 0) {
            err.println("training on " + trainPath);
        }
        List<Callback> callbacks = new ArrayList<>();
        if (csvLog != null) {
            callbacks.add(new CsvLogger(csvLog));
        }
        // null labels: the vectorizer's first pass collects them, which saves a pass over the training data
        TextClassifier.FitResult result = TextClassifier.fit(trainSource,
                validationPath == null ? null : dataOptions.open(validationPath), null, options, callbacks, err,
                cacheDir == null ? null : dataKey(trainPath, validationPath), checkpoints);
        TextClassifier classifier = result.classifier();
        classifier = classifier.withLabels(classifier.labels().withNamesBeside(trainPath));
        if (verbose > 0) {
            err.println(classifier.labels().size() + " classes: " + String.join(", ", classifier.labels().names()));
        }
        List<ModelInfo.InputFile> inputs = checkpoints != null ? new ArrayList<>(checkpoints.run().inputs())
                : trainingInputs(trainPath, validationPath);
        Map<String, Double> metrics = new LinkedHashMap<>(result.metrics());
        Evaluation evaluation = null;
        if (testPath.isPresent()) {
            try {
                evaluation = classifier.evaluate(dataOptions.open(testPath.get()));
            } catch (IOException | RuntimeException e) {
                // A failure in the test data (an unknown label, say) must not cost the trained model.
                classifier.save(output, classifier.describe(options, inputs, metrics));
                err.println("saved " + output + " without test metrics: the test failed");
                throw e;
            }
            inputs.add(ModelInfo.InputFile.of("test", testPath.get()));
            metrics.put("test_accuracy", evaluation.accuracy());
            metrics.put("test_loss", evaluation.loss());
        }
        classifier.save(output, classifier.describe(options, inputs, metrics));
        double seconds = (System.nanoTime() - start) / 1e9;
        if (json) {
            out.println(json(result, evaluation, testPath.orElse(null), seconds, classifier));
        } else {
            out.printf("saved %s (%s): best epoch %d of %d, val_loss %.4f, val_accuracy %.4f, %.1f s%n", output,
                    classifier.model(), result.bestEpoch(), result.history().size(), metrics.get("val_loss"),
                    metrics.get("val_accuracy"), seconds);
            if (evaluation != null) {
                out.println("test on " + testPath.get() + ":");
                out.print(evaluation.report(classifier.labels().names()));
            }
        }
        out.flush();
        dataOptions.printReads(err);
        return 0;
    }

    private String json(TextClassifier.FitResult result, Evaluation evaluation, Path testPath, double seconds,
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
    private CacheKey dataKey(Path trainPath, Path validationPath) throws java.io.IOException {
        CacheKey.Builder key = CacheKey.builder().put("format", dataOptions.format == null ? "detected"
                : dataOptions.format).put("text_columns", dataOptions.textColumns)
                .put("label_column", dataOptions.labelColumn).put("on_bad_record", dataOptions.onBadRecord)
                .file("train", trainPath);
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

    TrainOptions options() {
        Metric monitorMetric = Metric.parse(monitor);
        if (!monitorMetric.isValidation()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--monitor must be val_loss or"
                    + " val_accuracy, found " + monitor);
        }
        return TrainOptions.builder().model(model)
                .sequence(sequenceOptions.sequence()).sepCnn(sequenceOptions.sepCnn(dropout))
                .embeddings(sequenceOptions.embeddings)
                .fineTuneLearningRate(sequenceOptions.fineTuneLearningRate)
                .ngram(NgramConfig.builder().topK(topFeatures).minDocumentFrequency(minDf).build())
                .mlp(MlpConfig.builder().layers(layers).units(units).dropoutRate(dropout).build())
                .adam(AdamConfig.builder().learningRate(learningRate).build())
                .batchSize(batchSize).epochs(epochs).patience(patience).monitor(monitorMetric).seed(seed)
                .validationFraction(validationFraction)
                .shuffle(!noShuffle).cacheDir(cacheDir).verbose(verbose).threads(threads).build();
    }
}
