package org.textclf.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.textclf.batch.SparseBatch;
import org.textclf.data.BadRecordException;
import org.textclf.data.Labels;
import org.textclf.data.MemorySource;
import org.textclf.data.Sample;

/** Reading ahead on a second thread changes nothing in the fit, and leaves no thread behind. */
class NgramFitReadAheadTest {
    private static final Labels CLASSES = Labels.of(List.of("1", "2"));

    @Test
    void fit_randomCorpus_readAheadSameAsDirectBitForBit() throws IOException {
        // Several chunks' worth, and a topK that cuts the vocabulary so that F values decide.
        MemorySource corpus = RandomCorpus.make(3_000, 400, 17);
        NgramConfig config = NgramConfig.builder().topK(300).build();
        List<String> log = new ArrayList<>();
        NgramVectorizer direct = NgramFit.fit(corpus, CLASSES, config, line -> { }, false);
        NgramVectorizer ahead = NgramFit.fit(corpus, CLASSES, config, log::add, true);

        assertThat(ahead.featureNames()).isEqualTo(direct.featureNames());
        assertThat(ahead.features()).isEqualTo(300);
        for (int c = 0; c < direct.features(); c++) {
            assertThat(Float.floatToRawIntBits(ahead.idf(c))).as("idf of column %d", c)
                    .isEqualTo(Float.floatToRawIntBits(direct.idf(c)));
        }
        assertThat(Double.doubleToRawLongBits(ahead.fitReport().lowestSelectedScore()))
                .isEqualTo(Double.doubleToRawLongBits(direct.fitReport().lowestSelectedScore()));
        assertThat(withoutTime(ahead.fitReport())).isEqualTo(withoutTime(direct.fitReport()));
        List<Sample> samples = corpus.samples();
        SparseBatch a = ahead.vectorize(samples, new int[samples.size()]);
        SparseBatch d = direct.vectorize(samples, new int[samples.size()]);
        assertThat(a.indices()).isEqualTo(d.indices());
        assertThat(a.rowStart()).isEqualTo(d.rowStart());
        assertThat(a.values()).isEqualTo(d.values());
        assertThat(ReadAheadTest.readAheadThreads()).isEmpty();
    }

    @Test
    void fit_badRecordInFirstPass_throwsItWithFileAndLineAndLeavesNoThread() {
        MemorySource corpus = RandomCorpus.make(2_000, 100, 3).failingAt(1_500);
        assertThatThrownBy(() -> NgramVectorizer.fit(corpus, CLASSES, NgramConfig.DEFAULT, line -> { }))
                .isInstanceOf(BadRecordException.class)
                .hasMessage("list.csv:1501: unclosed quote");
        assertThat(ReadAheadTest.readAheadThreads()).isEmpty();
    }

    @Test
    void fit_unknownLabelOnTheFitThread_closesTheReaderAndLeavesNoThread() {
        List<Sample> samples = new ArrayList<>(RandomCorpus.make(3_000, 100, 4).samples());
        samples.set(10, new Sample("9", "w1 w2", 11));
        assertThatThrownBy(() -> NgramVectorizer.fit(MemorySource.of(samples), CLASSES, NgramConfig.DEFAULT,
                line -> { })).isInstanceOf(BadRecordException.class).hasMessageStartingWith("list.csv:11: unknown");
        assertThat(ReadAheadTest.readAheadThreads()).isEmpty();
    }

    private static FitReport withoutTime(FitReport r) {
        return new FitReport(r.documents(), r.classes(), r.candidates(), r.prunings(), r.prunedNgrams(),
                r.largestPruneThreshold(), r.maxDocumentFrequencyUndercount(), r.vocabulary(), r.selected(),
                r.lowestSelectedScore(), 0);
    }
}
