package org.textclf.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.textclf.data.BadRecordException;
import org.textclf.data.Labels;
import org.textclf.data.MemorySource;
import org.textclf.data.Sample;

/** Without given labels, the fit's first pass collects them as {@link Labels#scan} would. */
class NgramFitLabelsTest {
    private static final NgramConfig CONFIG = NgramConfig.builder().topK(50).build();

    @Test
    void fit_nullLabels_collectsThemAndFitsAsIfGiven() throws IOException {
        MemorySource corpus = RandomCorpus.make(1_000, 120, 8);
        NgramVectorizer given = NgramVectorizer.fit(corpus, Labels.scan(corpus), CONFIG, line -> { });
        int opened = corpus.opened();
        NgramVectorizer collected = NgramVectorizer.fit(corpus, null, CONFIG, line -> { });
        assertThat(corpus.opened() - opened).isEqualTo(2); // the two passes, no label scan of its own

        assertThat(collected.labels()).isEqualTo(Labels.scan(corpus)).isEqualTo(Labels.of(List.of("1", "2")));
        assertThat(given.labels()).isEqualTo(collected.labels());
        assertThat(collected.featureNames()).isEqualTo(given.featureNames());
        assertThat(collected.fitReport().lowestSelectedScore()).isEqualTo(given.fitReport().lowestSelectedScore());
    }

    @Test
    void fit_nullLabelsNumeric_ordersThemNumerically() throws IOException {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String label = i % 3 == 0 ? "10" : i % 3 == 1 ? "9" : "2";
            samples.add(new Sample(label, "word" + (i % 3) + " common text", i + 1));
        }
        NgramVectorizer v = NgramVectorizer.fit(MemorySource.of(samples), null, CONFIG, line -> { });
        assertThat(v.labels().rawLabels()).containsExactly("2", "9", "10");
    }

    @Test
    void fit_nullLabelsAndAnEmptyLabel_throwsBadRecordWithFileAndLine() {
        List<Sample> samples = new ArrayList<>(RandomCorpus.make(100, 50, 2).samples());
        samples.set(41, new Sample(" ", "w1 w2", 42));
        assertThatThrownBy(() -> NgramVectorizer.fit(MemorySource.of(samples), null, CONFIG, line -> { }))
                .isInstanceOf(BadRecordException.class).hasMessage("list.csv:42: empty label");
    }

    @Test
    void fit_nullLabelsAndTooManyDistinct_throwsLikeLabelsScan() {
        MemorySource source = MemorySource.numbered(Labels.MAX_CLASSES + 5, i -> "c" + i);
        String expected = "list.csv:" + (Labels.MAX_CLASSES + 1) + ": more than " + Labels.MAX_CLASSES
                + " distinct labels; is the label column the right one?";
        assertThatThrownBy(() -> Labels.scan(source)).hasMessage(expected);
        assertThatThrownBy(() -> NgramVectorizer.fit(source, null, CONFIG, line -> { }))
                .isInstanceOf(IOException.class).hasMessage(expected);
        assertThat(ReadAheadTest.readAheadThreads()).isEmpty();
    }
}
