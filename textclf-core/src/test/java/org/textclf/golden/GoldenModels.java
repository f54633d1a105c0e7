package org.textclf.golden;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.textclf.api.FitRequest;
import org.textclf.api.Prediction;
import org.textclf.api.TextClassifier;
import org.textclf.config.FitConfig;
import org.textclf.config.LinearBranchConfig;
import org.textclf.config.MlpBranchConfig;
import org.textclf.config.RunEnvironment;
import org.textclf.config.SepCnnBranchConfig;
import org.textclf.config.TrainOptions;
import org.textclf.model.ModelInfo;
import org.textclf.data.SourceOptions;
import org.textclf.data.Sources;
import org.textclf.nn.LinearConfig;
import org.textclf.nn.MlpConfig;
import org.textclf.nn.SepCnnConfig;
import org.textclf.text.NgramConfig;
import org.textclf.text.SequenceConfig;

/**
 * Writes the golden model files that {@link GoldenModelsTest} loads: one tiny model per branch, trained on a seeded
 * three-topic corpus, each beside the probabilities it gives {@link #TEXTS} (as float bits, so that a later textclf
 * must reproduce them exactly). Run once per model format, for the new branch or format only, never to "fix" a
 * failing test: {@code java -cp <test classpath> org.textclf.golden.GoldenModels
 * textclf-core/src/test/resources/golden/models NAME...} (the golden names to write; none: all).
 */
public final class GoldenModels {
    /** The texts whose predictions are pinned: topical, mixed, unknown words, empty, long. */
    static final List<String> TEXTS = List.of(
            "the coach said the team scored a late goal",
            "bank shares and stock market rates fell",
            "rain and wind across the north today",
            "goal market rain",
            "zebra quantum xylophone",
            "",
            "match goal team coach season league score player market stock bank profit shares investor rates fund"
                    + " the a today new report said after week rain storm cloud wind sunny cold forecast snow");

    private static final String[][] TOPICS = {
            {"match", "goal", "team", "coach", "season", "league", "score", "player"},
            {"market", "stock", "bank", "profit", "shares", "investor", "rates", "fund"},
            {"rain", "storm", "cloud", "wind", "sunny", "cold", "forecast", "snow"}};
    private static final String[] COMMON = {"the", "a", "today", "new", "report", "said", "after", "week"};

    private GoldenModels() {
    }

    /** The branches with a golden file, and the options that trained it. */
    static List<Golden> models() {
        FitConfig fit = FitConfig.builder().epochs(12).patience(2).seed(11)
                .learningRate(0.01f).build();
        RunEnvironment quiet = RunEnvironment.DEFAULTS.withVerbose(0);
        return List.of(
                new Golden("mlp", new TrainOptions(new MlpBranchConfig(NgramConfig.builder().topK(40).sublinearTf(false).build(),
                        MlpConfig.builder().units(8).build()), fit, quiet)),
                new Golden("linear", new TrainOptions(new LinearBranchConfig(NgramConfig.builder().topK(40).sublinearTf(false).build(),
                        LinearConfig.DEFAULTS), fit.toBuilder().learningRate(0.03f).build(), quiet)),
                new Golden("sepcnn", new TrainOptions(new SepCnnBranchConfig(
                        SequenceConfig.builder().maxWords(40).maxLength(20).build(),
                        SepCnnConfig.builder().blocks(2).filters(4).embeddingDim(6).build(), null,
                        SepCnnBranchConfig.DEFAULT_FINE_TUNE_LEARNING_RATE),
                        fit.toBuilder().learningRate(0.003f).batchSize(16).build(),
                        quiet)));
    }

    /** A golden model: its branch's name, which also names its files, and how it was trained. */
    record Golden(String name, TrainOptions options) {
        String modelFile() {
            return name + ".textclf";
        }

        String predictionsFile() {
            return name + ".predictions.tsv";
        }
    }

    /** The corpus every golden model is trained on. */
    static Path corpus(Path file) throws IOException {
        SplittableRandom random = new SplittableRandom(5);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            int label = random.nextInt(TOPICS.length);
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < 10; w++) {
                String[] from = random.nextInt(3) == 0 ? TOPICS[label] : COMMON;
                text.append(from[random.nextInt(from.length)]).append(' ');
            }
            lines.add("\"" + (label + 1) + "\",\"" + text.toString().strip() + "\"");
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    /** One line per text: the float bits of each class probability, in hex, tab-separated. */
    static List<String> predictionLines(TextClassifier classifier) {
        List<String> lines = new ArrayList<>();
        for (Prediction p : classifier.predict(TEXTS)) {
            StringBuilder line = new StringBuilder();
            for (float f : p.probabilities()) {
                line.append(line.length() == 0 ? "" : "\t").append(Integer.toHexString(Float.floatToRawIntBits(f)));
            }
            lines.add(line.toString());
        }
        return lines;
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        List<String> only = List.of(args).subList(1, args.length);
        Files.createDirectories(dir);
        Path train = corpus(Files.createTempFile("golden", ".csv"));
        try {
            for (Golden golden : models()) {
                if (!only.isEmpty() && !only.contains(golden.name())) {
                    continue;
                }
                TextClassifier classifier = TextClassifier.fit(FitRequest.builder(Sources.open(train,
                        SourceOptions.DEFAULTS)).options(golden.options()).log(new PrintWriter(Writer.nullWriter()))
                        .inputs(List.of(new ModelInfo.InputFile("train", "golden.csv", Files.size(train), "")))
                        .build()).classifier();
                classifier.save(dir.resolve(golden.modelFile()));
                Files.write(dir.resolve(golden.predictionsFile()), predictionLines(classifier),
                        StandardCharsets.UTF_8);
            }
        } finally {
            Files.delete(train);
        }
    }
}
