package org.textclf.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textclf.config.LinearBranchConfig;
import org.textclf.config.TrainOptions;
import org.textclf.data.Labels;
import org.textclf.data.SampleSource;
import org.textclf.data.SourceOptions;
import org.textclf.data.Sources;
import org.textclf.eval.Evaluation;
import org.textclf.io.ModelFileException;
import org.textclf.model.ModelInfo;

class TextClassifierTest {

    @TempDir
    Path temp;

    /** A Zhang-style CSV of two topics: each line mixes topic words with common ones. */
    private Path corpus(String name, int rows, long seed) throws IOException {
        return TopicCorpus.write(temp.resolve(name), rows, seed, 3);
    }

    private static TrainOptions quiet() {
        return TrainOptions.DEFAULTS.withFit(f -> f.epochs(30)).withEnvironment(e -> e.withVerbose(0));
    }

    private FitResult fit(Path train) throws IOException {
        SampleSource source = Sources.open(train, SourceOptions.DEFAULTS);
        return TextClassifier.fit(FitRequest.builder(source).options(quiet()).log(new PrintWriter(Writer.nullWriter()))
                .inputs(List.of(ModelInfo.InputFile.of("train", train))).build());
    }

    @Test
    void fit_twoTopics_learnsThemAndPredicts() throws IOException {
        FitResult result = fit(corpus("train.csv", 2000, 1));
        TextClassifier classifier = result.classifier();
        Evaluation test = classifier.evaluate(Sources.open(corpus("test.csv", 500, 2), SourceOptions.DEFAULTS));
        assertThat(test.accuracy()).isGreaterThan(0.9);
        assertThat(classifier.predict("the coach said the team scored a goal").label()).isEqualTo("1");
        assertThat(classifier.predict("bank shares and stock market rates").label()).isEqualTo("2");
        assertThat(result.bestEpoch()).isBetween(1, result.history().size());
        assertThat(result.metrics()).containsKeys("best_epoch", "val_loss", "val_accuracy", "loss", "accuracy");
    }

    @Test
    void fit_linearBranch_trainsSavesLoadsAndPredictsAsTrained() throws IOException {
        Path train = corpus("train.csv", 1500, 11);
        FitResult result = TextClassifier.fit(FitRequest.builder(Sources.open(train, SourceOptions.DEFAULTS))
                .options(TrainOptions.of(LinearBranchConfig.DEFAULTS).withEnvironment(e -> e.withVerbose(0)))
                .log(new PrintWriter(Writer.nullWriter())).build());
        TextClassifier trained = result.classifier();
        assertThat(trained.model()).isEqualTo("linear");
        assertThat(trained.fitted().network()).isInstanceOf(org.textclf.nn.Linear.class);
        Evaluation test = trained.evaluate(Sources.open(corpus("test.csv", 400, 12), SourceOptions.DEFAULTS));
        assertThat(test.accuracy()).isGreaterThan(0.9);
        Path model = temp.resolve("linear.textclf");
        trained.save(model);
        TextClassifier loaded = TextClassifier.load(model);
        List<String> texts = List.of("goal for the team", "market profit", "nothing known here", "");
        for (int i = 0; i < texts.size(); i++) {
            assertThat(loaded.predict(texts.get(i)).probabilities())
                    .containsExactly(trained.predict(texts.get(i)).probabilities());
        }
        assertThat(loaded.info().model()).isEqualTo("linear");
        assertThat(loaded.info().parameters()).containsEntry("l2", 1e-5).containsEntry("learning_rate", 0.01)
                .containsEntry("batch_size", 128).containsEntry("min_df", 2);
    }

    @Test
    void predict_prediction_readsByClassName() throws IOException {
        TextClassifier classifier = fit(corpus("train.csv", 800, 13)).classifier();
        Prediction p = classifier.predict("the coach said the team scored a goal");
        assertThat(p.byClass().keySet()).containsExactly("1", "2");
        assertThat(p.probability("1")).isEqualTo(p.probability());
        assertThat(p.toString()).matches("1 0\\.\\d{4} \\(2 0\\.\\d{4}\\)");
        assertThat(classifier.classNames()).containsExactly("1", "2");
        assertThatThrownBy(() -> p.probability("3")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no class named '3'; expected one of [1, 2]");
    }

    @Test
    void fit_classesTxtBesideTheData_namesTheClassesAsTheCliDoes() throws IOException {
        Files.write(temp.resolve("classes.txt"), List.of("sports", "money"));
        TextClassifier classifier = fit(corpus("train.csv", 800, 14)).classifier();
        assertThat(classifier.classNames()).containsExactly("sports", "money");
        assertThat(classifier.labels().rawLabels()).containsExactly("1", "2");
        assertThat(classifier.info().classNames()).containsExactly("sports", "money");
        assertThat(classifier.predict("bank shares and stock market rates").label()).isEqualTo("money");
    }

    @Test
    void saveThenLoad_predictsExactlyTheSameAndKeepsProvenance() throws IOException {
        Path train = corpus("train.csv", 800, 3);
        FitResult result = fit(train);
        TextClassifier trained = result.classifier();
        Path model = temp.resolve("model.textclf");
        trained.save(model);
        TextClassifier loaded = TextClassifier.load(model);
        List<String> texts = List.of("goal for the team", "market profit", "nothing known here", "");
        List<Prediction> before = trained.predict(texts);
        List<Prediction> after = loaded.predict(texts);
        for (int i = 0; i < texts.size(); i++) {
            assertThat(after.get(i).probabilities()).containsExactly(before.get(i).probabilities());
        }
        assertThat(loaded.info().inputs().get(0).bytes()).isEqualTo(Files.size(train));
        assertThat(loaded.info().inputs().get(0).crc32c()).hasSize(8);
        assertThat(loaded.info().parameters()).containsEntry("units", 64).containsEntry("min_df", 2);
        assertThat(loaded.info().metrics()).containsKey("val_accuracy");
        assertThat(loaded.labels().rawLabels()).containsExactly("1", "2");
    }

    @Test
    void withLabels_namesTheClassesAndRefusesOtherRawLabels() throws IOException {
        TextClassifier trained = fit(corpus("train.csv", 400, 7)).classifier();
        assertThat(trained.labels().rawLabels()).containsExactly("1", "2");
        TextClassifier named = trained.withLabels(trained.labels().withNames(List.of("sports", "money")));
        assertThat(named.labels().names()).containsExactly("sports", "money");
        assertThat(named.predict("the coach said the team scored a goal").label()).isEqualTo("sports");
        assertThatThrownBy(() -> trained.withLabels(Labels.of(List.of("1", "3"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("found [1, 3]");
    }

    @Test
    void load_csvInsteadOfModel_saysItIsNotAModel() throws IOException {
        Path csv = corpus("data.csv", 10, 4);
        assertThatThrownBy(() -> TextClassifier.load(csv)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("not a textclf model");
    }

    @Test
    void load_truncatedModel_saysTruncated() throws IOException {
        FitResult result = fit(corpus("train.csv", 400, 5));
        Path model = temp.resolve("model.textclf");
        result.classifier().save(model);
        byte[] bytes = Files.readAllBytes(model);
        Files.write(model, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> TextClassifier.load(model)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("truncated");
    }

    @Test
    void predict_fromFourThreadsAtOnce_sameAsOneByOne() throws Exception {
        TextClassifier classifier = fit(corpus("train.csv", 800, 7)).classifier();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            texts.add((i % 2 == 0 ? "goal team coach " : "bank stock profit ") + "report " + i);
        }
        List<Prediction> expected = classifier.predict(texts);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<List<Prediction>>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                runs.add(pool.submit(() -> {
                    List<Prediction> one = new ArrayList<>();
                    for (String text : texts) {
                        one.add(classifier.predict(text));
                    }
                    return one;
                }));
            }
            for (java.util.concurrent.Future<List<Prediction>> run : runs) {
                List<Prediction> got = run.get();
                for (int i = 0; i < texts.size(); i++) {
                    assertThat(got.get(i).probabilities()).containsExactly(expected.get(i).probabilities());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void predictTop_ordersByProbability() throws IOException {
        TextClassifier classifier = fit(corpus("train.csv", 800, 6)).classifier();
        Prediction p = classifier.predict("stock market bank");
        assertThat(p.top(2)).hasSize(2);
        assertThat(p.top(2).get(0).probability()).isGreaterThanOrEqualTo(p.top(2).get(1).probability());
        assertThat(p.top(5)).hasSize(2);
        assertThat(p.probabilities()[0] + p.probabilities()[1]).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-5f));
    }
}
