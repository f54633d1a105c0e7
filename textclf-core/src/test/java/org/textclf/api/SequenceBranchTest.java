package org.textclf.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textclf.config.AutoBranchConfig;
import org.textclf.config.BranchConfig;
import org.textclf.config.FitConfig;
import org.textclf.config.MlpBranchConfig;
import org.textclf.config.RunEnvironment;
import org.textclf.config.SepCnnBranchConfig;
import org.textclf.config.TrainOptions;
import org.textclf.data.SampleSource;
import org.textclf.data.SourceOptions;
import org.textclf.data.Sources;
import org.textclf.fit.CheckpointFile;
import org.textclf.model.ModelInfo;
import org.textclf.nn.SepCnn;
import org.textclf.nn.SepCnnConfig;
import org.textclf.nn.Weights;
import org.textclf.text.SequenceConfig;
import org.textclf.train.Callback;
import org.textclf.train.EpochLogs;
import org.textclf.train.Metric;
import org.textclf.train.TrainingState;

/** The sequence branch through {@link TextClassifier#fit}: auto choice, save and load, embeddings, resume. */
class SequenceBranchTest {
    private static final String[] SPORTS = {"match", "goal", "team", "coach", "season", "league"};
    private static final String[] MONEY = {"market", "stock", "bank", "profit", "shares", "fund"};
    private static final String[] COMMON = {"the", "a", "today", "new", "report", "said", "after", "week"};
    private static final PrintWriter QUIET = new PrintWriter(Writer.nullWriter());

    @TempDir
    Path temp;

    /** Short samples (3 to 5 words, one of them from the class's topic), with {@code noise} of labels flipped. */
    private Path corpus(int rows, double noise) throws IOException {
        SplittableRandom random = new SplittableRandom(1);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            int label = random.nextInt(2);
            String[] topic = label == 0 ? SPORTS : MONEY;
            int words = 3 + random.nextInt(3);
            int topical = random.nextInt(words);
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < words; w++) {
                String[] from = w == topical ? topic : COMMON;
                text.append(w == 0 ? "" : " ").append(from[random.nextInt(from.length)]);
            }
            int written = random.nextDouble() < noise ? 1 - label : label;
            lines.add("\"" + (written + 1) + "\",\"" + text + "\"");
        }
        Path file = temp.resolve("train.csv");
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    private static SepCnnBranchConfig sepCnn() {
        return new SepCnnBranchConfig(SequenceConfig.builder().maxWords(100).build(), SepCnnConfig.builder().blocks(1)
                .filters(8).poolSize(2).dropoutRate(0f).embeddingDim(8).build(), null,
                SepCnnBranchConfig.DEFAULT_FINE_TUNE_LEARNING_RATE);
    }

    /** {@code auto} choosing between the default MLP and a small sepCNN. */
    private static TrainOptions small() {
        return small(new AutoBranchConfig(MlpBranchConfig.DEFAULTS, sepCnn()));
    }

    private static TrainOptions small(BranchConfig branch) {
        return new TrainOptions(branch, FitConfig.builder().batchSize(64).epochs(20).patience(1).build(),
                RunEnvironment.DEFAULTS.withVerbose(2));
    }

    private static FitResult fit(Path train, TrainOptions options, PrintWriter log,
            CheckpointFile checkpoints, List<Callback> callbacks) throws IOException {
        SampleSource source = Sources.open(train, SourceOptions.DEFAULTS);
        return TestFits.fit(source, null, null, options, callbacks, log, null, checkpoints);
    }

    @Test
    void fit_autoOnManyShortSamples_trainsASepCnnThatSavesLoadsAndIgnoresPadding() throws IOException {
        Path train = corpus(8000, 0); // 6,400 training samples of median 4 words: S/W 1,600
        StringWriter log = new StringWriter();

        FitResult result = fit(train, small(), new PrintWriter(log, true), null, List.of());

        assertThat(log.toString()).contains("chose sepcnn").contains("word sequences:");
        TextClassifier classifier = result.classifier();
        assertThat(classifier.model()).isEqualTo("sepcnn");
        assertThat(result.metrics().get("val_accuracy")).isGreaterThan(0.99);
        Path file = temp.resolve("model.textclf");
        classifier.save(file);
        TextClassifier loaded = TextClassifier.load(file);
        assertThat(loaded.model()).isEqualTo("sepcnn");
        assertThat(loaded.info().model()).isEqualTo("sepcnn");
        String text = "the goal today";
        float[] alone = loaded.predict(text).probabilities();
        float[] padded = loaded.predict(List.of("a new report said the market fell after a week of the profit",
                text)).get(1).probabilities();
        assertThat(padded).containsExactly(alone, org.assertj.core.data.Offset.offset(1e-6f));
        assertThat(loaded.predict(text).probabilities()).containsExactly(classifier.predict(text).probabilities());
        assertThat(loaded.predict(text).label()).isEqualTo(loaded.labels().names().get(0));
    }

    /** fastText's text format: a header, then a word and its values per line. */
    private Path vectors(int dim) throws IOException {
        List<String> lines = new ArrayList<>();
        List<String> words = new ArrayList<>(List.of(SPORTS));
        words.addAll(List.of(MONEY));
        words.addAll(List.of(COMMON));
        lines.add(words.size() + " " + dim);
        SplittableRandom random = new SplittableRandom(5);
        for (String word : words) {
            StringBuilder line = new StringBuilder(word);
            for (int d = 0; d < dim; d++) {
                line.append(' ').append(String.format("%.4f", random.nextDouble() - 0.5));
            }
            lines.add(line.toString());
        }
        Path file = temp.resolve("vectors.vec");
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void fit_withEmbeddings_trainsFrozenThenFineTunesAndResumesInEitherPhaseLikeTheStraightRun()
            throws IOException {
        Path train = corpus(1500, 0.3); // noisy labels: validation accuracy stalls early, so each phase stops early
        TrainOptions options = small(sepCnn().withEmbeddings(vectors(6)))
                .withFit(f -> f.patience(2).monitor(org.textclf.train.Metric.VAL_ACCURACY));
        Path dir = temp.resolve("ck");
        Path checkpoint = dir.resolve(CheckpointFile.FILE_NAME);
        List<Path> copies = new ArrayList<>();
        Callback copyEveryEpoch = new Callback() {
            @Override
            public void onEpochEnd(TrainingState state, EpochLogs logs) throws IOException {
                Path copy = temp.resolve("at" + logs.epoch()).resolve(CheckpointFile.FILE_NAME);
                Files.createDirectories(copy.getParent());
                Files.copy(checkpoint, copy, StandardCopyOption.REPLACE_EXISTING); // the previous epoch's
                copies.add(copy);
            }
        };
        StringWriter log = new StringWriter();
        CheckpointFile.Run run = new CheckpointFile.Run(options, List.of(), List.of());

        FitResult straight = fit(train, options, new PrintWriter(log, true),
                CheckpointFile.create(dir, run), List.of(copyEveryEpoch));

        assertThat(log.toString()).contains("embeddings: 20 of ").contains("fine-tuning: the pretrained embedding");
        SepCnn network = (SepCnn) straight.classifier().fitted().network();
        assertThat(network.pretrained()).isTrue();
        assertThat(network.config().embeddingDim()).isEqualTo(6);
        ModelInfo info = straight.classifier().info();
        assertThat(info.parameters()).containsEntry("embedding_dim", 6).containsEntry("batch_size", 64)
                .containsKey("embeddings");
        int phaseOneEpochs = log.toString().split("fine-tuning")[0].split("Epoch ").length - 1;
        assertThat(phaseOneEpochs).isBetween(2, straight.history().size() - 2);
        // Resume from a checkpoint of each phase: the first phase's last epoch, and the second phase's first.
        for (int epoch : new int[] {phaseOneEpochs, phaseOneEpochs + 1}) {
            Path copy = copies.get(epoch); // copied at epoch + 1's end: the checkpoint of epoch
            FitResult resumed = fit(train, options, QUIET, CheckpointFile.resume(copy.getParent()),
                    List.of());
            assertThat(resumed.history().get(Metric.VAL_LOSS)).as("resumed after epoch %d", epoch)
                    .containsExactly(straight.history().get(Metric.VAL_LOSS));
            assertThat(Weights.copyOf(resumed.classifier().fitted().network()))
                    .isEqualTo(Weights.copyOf(straight.classifier().fitted().network()));
        }
    }
}
