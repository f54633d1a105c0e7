package org.textclf.branch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.textclf.data.MemorySource;
import org.textclf.data.Sample;
import org.textclf.explore.ModelChoice;
import org.textclf.text.NgramConfig;
import org.textclf.text.NgramVectorizer;

class AutoChoiceTest {

    /** {@code n} samples of {@code words} words each, alternating two classes. */
    private static MemorySource corpus(int n, int words) {
        List<Sample> samples = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            StringBuilder text = new StringBuilder(i % 2 == 0 ? "good" : "bad");
            for (int w = 1; w < words; w++) {
                text.append(" word").append(w);
            }
            samples.add(new Sample(i % 2 == 0 ? "pos" : "neg", text.toString(), i + 1));
        }
        return MemorySource.of(samples);
    }

    private static Optional<NgramVectorizer> fit(MemorySource source, AutoChoice choice) throws IOException {
        return NgramVectorizer.fit(source, null, NgramConfig.DEFAULT, line -> { }, choice);
    }

    @Test
    void proceed_fewLongSamples_choosesMlpAndTheFitGoesOn() throws IOException {
        List<String> log = new ArrayList<>();
        AutoChoice choice = new AutoChoice(ModelChoice.Family.NGRAM, "mlp", "sepcnn", log::add);

        Optional<NgramVectorizer> fitted = fit(corpus(200, 50), choice);

        assertThat(fitted).isPresent();
        assertThat(choice.choice().family()).isEqualTo(ModelChoice.Family.NGRAM);
        assertThat(log).singleElement().asString().contains("200 samples, median 50 words").contains("chose mlp");
    }

    @Test
    void proceed_manyShortSamples_choosesSepCnnAndStopsTheFit() throws IOException {
        AutoChoice choice = new AutoChoice(ModelChoice.Family.NGRAM, "mlp", "sepcnn", line -> { });

        Optional<NgramVectorizer> fitted = fit(corpus(3200, 2), choice); // S/W = 3200 / 2 = 1600

        assertThat(fitted).isEmpty();
        assertThat(choice.choice().family()).isEqualTo(ModelChoice.Family.SEQUENCE);
        assertThat(choice.choice().useEmbeddings()).isTrue();
    }

    @Test
    void choice_beforeTheFirstPassEnds_throws() {
        assertThatThrownBy(() -> new AutoChoice(ModelChoice.Family.NGRAM, "mlp", "sepcnn", line -> { }).choice()).isInstanceOf(IllegalStateException.class);
    }
}
