package org.textclf.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textclf.data.BadRecordPolicy;
import org.textclf.data.MemorySource;
import org.textclf.data.Sample;
import org.textclf.data.SampleReader;
import org.textclf.data.SampleSource;

class SplitPartsTest {
    private static final Split SPLIT = new Split(42, 0.2);

    @TempDir
    Path temp;

    /** A source that counts how often it is opened. */
    private static final class Counting implements SampleSource {
        final SampleSource source;
        final AtomicInteger opened = new AtomicInteger();

        Counting(SampleSource source) {
            this.source = source;
        }

        @Override
        public SampleReader open() throws IOException {
            opened.incrementAndGet();
            return source.open();
        }

        @Override
        public String name() {
            return source.name();
        }
    }

    private static MemorySource corpus() {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            samples.add(new Sample(i % 3 == 0 ? "a" : "b", "text number " + i, i + 1));
        }
        return MemorySource.of(samples);
    }

    private static List<Sample> readAll(SampleSource source) throws IOException {
        List<Sample> out = new ArrayList<>();
        try (SampleReader reader = source.open()) {
            for (Sample s = reader.next(); s != null; s = reader.next()) {
                out.add(s);
            }
        }
        return out;
    }

    /** The samples of the corpus not in {@code train}, in order. */
    private static List<Sample> rest(List<Sample> train) {
        List<Sample> rest = new ArrayList<>(corpus().samples());
        rest.removeAll(train);
        return rest;
    }

    @Test
    void parts_sayWhatTheSourceSaysOfItself_nameFileAndBadRecordPolicy() throws IOException {
        SampleSource source = new SampleSource() {
            @Override
            public SampleReader open() throws IOException {
                return corpus().open();
            }

            @Override
            public String name() {
                return "corpus.csv";
            }

            @Override
            public BadRecordPolicy onBadRecord() {
                return BadRecordPolicy.SKIP;
            }
        };
        try (SplitParts parts = new SplitParts(SPLIT, source, temp)) {
            for (SampleSource part : List.of(parts.train(), parts.validation())) {
                assertThat(part.name()).isEqualTo("corpus.csv");
                assertThat(part.file()).isEqualTo(source.file());
                assertThat(part.onBadRecord()).isEqualTo(BadRecordPolicy.SKIP);
            }
        }
    }

    @Test
    void validation_afterACompleteTrainPass_replaysTheHeldOutSamplesWithoutReadingTheSource() throws IOException {
        Counting source = new Counting(corpus());
        try (SplitParts parts = new SplitParts(SPLIT, source, temp)) {
            List<Sample> train = readAll(parts.train());
            int opened = source.opened.get();

            List<Sample> validation = readAll(parts.validation());

            assertThat(validation).isEqualTo(rest(train)).hasSizeBetween(60, 140);
            assertThat(validation.get(0).line()).isPositive();
            assertThat(readAll(parts.validation())).isEqualTo(validation);
            assertThat(source.opened.get()).isEqualTo(opened);
            assertThat(temp).isNotEmptyDirectory();
        }
        assertThat(temp).isEmptyDirectory();
    }

    @Test
    void validation_trainPassClosedEarly_filtersTheSourceInstead() throws IOException {
        Counting source = new Counting(corpus());
        try (SplitParts parts = new SplitParts(SPLIT, source, temp)) {
            try (SampleReader reader = parts.train().open()) {
                reader.next();
            }
            assertThat(temp).isEmptyDirectory();
            int opened = source.opened.get();

            List<Sample> validation = readAll(parts.validation());
            assertThat(source.opened.get()).isEqualTo(opened + 1);
            assertThat(validation).isEqualTo(rest(readAll(parts.train())));
        }
    }

    @Test
    void train_failingRead_keepsNoRecordingAndALaterPassRecords() throws IOException {
        try (SplitParts parts = new SplitParts(SPLIT, corpus().failingAt(300), temp)) {
            assertThatThrownBy(() -> readAll(parts.train())).hasMessageContaining("unclosed quote");
            assertThat(temp).isEmptyDirectory();
        }
        try (SplitParts parts = new SplitParts(SPLIT, corpus(), temp)) {
            readAll(parts.train());
            readAll(parts.train()); // a second complete pass records nothing more
            assertThat(temp.toFile().list()).hasSize(1);
        }
        assertThat(temp).isEmptyDirectory();
    }
}
