package org.textclf.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textclf.batch.SparseBatch;
import org.textclf.data.Labels;
import org.textclf.data.Sample;
import org.textclf.data.SampleReader;
import org.textclf.data.SourceOptions;
import org.textclf.data.Sources;
import org.textclf.nn.AdamConfig;
import org.textclf.nn.Mlp;
import org.textclf.nn.MlpConfig;
import org.textclf.text.NgramConfig;
import org.textclf.text.NgramVectorizer;
import org.textclf.train.EarlyStopping;
import org.textclf.train.History;
import org.textclf.train.Metric;
import org.textclf.train.Trainer;

/**
 * The appendix's own path, in Java: the caller's own batch generator into {@code Trainer.fit(generator,
 * stepsPerEpoch, validationData, validationSteps, callbacks, epochs, verbose)}, then the trained network saved,
 * loaded and used to predict like any classifier that {@link TextClassifier#fit} trains.
 */
class UserGeneratorTest {

    @TempDir
    Path temp;

    /**
     * A user's generator, as the appendix writes {@code _data_generator}: the samples in memory, shuffled once per
     * epoch, cut into batches vectorized on demand, cycling forever.
     */
    private static final class MyGenerator implements Iterator<SparseBatch> {
        private final List<Sample> samples;
        private final Labels labels;
        private final NgramVectorizer vectorizer;
        private final int batchSize;
        private final Random random = new Random(3);
        private int next;

        MyGenerator(List<Sample> samples, Labels labels, NgramVectorizer vectorizer, int batchSize) {
            this.samples = new ArrayList<>(samples);
            this.labels = labels;
            this.vectorizer = vectorizer;
            this.batchSize = batchSize;
        }

        int stepsPerEpoch() {
            return (samples.size() + batchSize - 1) / batchSize;
        }

        @Override
        public boolean hasNext() {
            return true;
        }

        @Override
        public SparseBatch next() {
            if (next == 0) {
                Collections.shuffle(samples, random);
            }
            List<Sample> batch = samples.subList(next, Math.min(next + batchSize, samples.size()));
            int[] ids = new int[batch.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = labels.id(batch.get(i).label());
            }
            next = next + batchSize >= samples.size() ? 0 : next + batchSize;
            return vectorizer.vectorize(batch, ids);
        }
    }

    private static List<Sample> read(Path file) throws IOException {
        List<Sample> samples = new ArrayList<>();
        try (SampleReader reader = Sources.open(file, SourceOptions.DEFAULTS).open()) {
            for (Sample s = reader.next(); s != null; s = reader.next()) {
                samples.add(s);
            }
        }
        return samples;
    }

    @Test
    void trainerFit_userGenerator_givesAClassifierThatSavesLoadsAndPredicts() throws IOException {
        Path trainFile = TopicCorpus.write(temp.resolve("train.csv"), 1200, 1, 3);
        Path validationFile = TopicCorpus.write(temp.resolve("validation.csv"), 300, 2, 3);
        NgramVectorizer vectorizer = NgramVectorizer.fit(Sources.open(trainFile, SourceOptions.DEFAULTS), null,
                NgramConfig.DEFAULT, line -> { });
        Labels labels = vectorizer.labels();
        Mlp network = Mlp.create(MlpConfig.DEFAULTS, vectorizer.features(), labels.size(), 7);
        MyGenerator generator = new MyGenerator(read(trainFile), labels, vectorizer, 32);
        MyGenerator validation = new MyGenerator(read(validationFile), labels, vectorizer, 64);

        History history = new Trainer<>(network, AdamConfig.DEFAULTS, 7).fit(generator, generator.stepsPerEpoch(),
                validation, validation.stepsPerEpoch(), List.of(new EarlyStopping(Metric.VAL_LOSS, 2, 0, true)), 30,
                0);

        assertThat(history.size()).isBetween(2, 30);
        TextClassifier trained = TextClassifier.of(labels, vectorizer, network);
        assertThat(trained.model()).isEqualTo("mlp");
        Path file = temp.resolve("mine.textclf");
        trained.save(file);
        TextClassifier loaded = TextClassifier.load(file);
        List<String> texts = List.of("the coach said the team scored a goal", "bank shares and stock market rates",
                "");
        List<Prediction> before = trained.predict(texts);
        List<Prediction> after = loaded.predict(texts);
        for (int i = 0; i < texts.size(); i++) {
            assertThat(after.get(i).probabilities()).containsExactly(before.get(i).probabilities());
        }
        assertThat(after.get(0).label()).isEqualTo("1");
        assertThat(after.get(1).label()).isEqualTo("2");
        assertThat(loaded.info().model()).isEqualTo("mlp");
        assertThat(loaded.info().parameters()).containsEntry("units", 64).containsEntry("min_df", 2);
        assertThat(loaded.evaluate(Sources.open(validationFile, SourceOptions.DEFAULTS)).accuracy())
                .isGreaterThan(0.9);
    }

    @Test
    void of_networkOfAnotherBranch_saysWhichPairsItKnows() throws IOException {
        Path trainFile = TopicCorpus.write(temp.resolve("train.csv"), 300, 1, 3);
        NgramVectorizer vectorizer = NgramVectorizer.fit(Sources.open(trainFile, SourceOptions.DEFAULTS), null,
                NgramConfig.DEFAULT, line -> { });
        org.textclf.nn.SepCnn sepCnn = org.textclf.nn.SepCnn.create(org.textclf.nn.SepCnnConfig.DEFAULTS, 10, 2, 1);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TextClassifier.of(vectorizer.labels(), vectorizer,
                sepCnn)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no branch pairs a NgramVectorizer with a SepCnn");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TextClassifier.of(Labels.of(Arrays.asList("a", "b",
                "c")), vectorizer, Mlp.create(MlpConfig.DEFAULTS, vectorizer.features(), 2, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("predicts 2 classes; expected 3");
    }
}
