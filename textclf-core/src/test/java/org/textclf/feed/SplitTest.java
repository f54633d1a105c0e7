package org.textclf.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textclf.data.MemorySource;
import org.textclf.data.Sample;
import org.textclf.data.SampleReader;
import org.textclf.data.SampleSource;

/** The stratified split that {@link SplitParts} makes of a source, as {@link Split} describes it. */
class SplitTest {
    @TempDir
    Path temp;

    private static List<Sample> read(SampleSource source) throws IOException {
        List<Sample> out = new ArrayList<>();
        try (SampleReader r = source.open()) {
            for (Sample s = r.next(); s != null; s = r.next()) {
                out.add(s);
            }
        }
        return out;
    }

    /** The train and validation parts of {@code source}. */
    private List<List<Sample>> parts(Split split, SampleSource source) throws IOException {
        try (SplitParts parts = new SplitParts(split, source, temp)) {
            return List.of(read(parts.train()), read(parts.validation()));
        }
    }

    private static Map<String, Integer> perClass(List<Sample> samples) {
        Map<String, Integer> counts = new HashMap<>();
        for (Sample s : samples) {
            counts.merge(s.label(), 1, Integer::sum);
        }
        return counts;
    }

    private static Set<String> texts(List<Sample> samples) {
        Set<String> texts = new HashSet<>();
        samples.forEach(s -> texts.add(s.text()));
        return texts;
    }

    @Test
    void parts_largeClasses_partitionAboutEightyTwentyPerClass() throws IOException {
        MemorySource source = MemorySource.numbered(10_000, i -> i % 10 == 0 ? "rare" : "common");

        List<List<Sample>> parts = parts(Split.of(42), source);

        assertThat(parts.get(0).size() + parts.get(1).size()).isEqualTo(10_000);
        assertThat(texts(parts.get(0))).doesNotContainAnyElementsOf(texts(parts.get(1)));
        assertThat(perClass(parts.get(1)).get("common")).isBetween(1_700, 1_900);
        assertThat(perClass(parts.get(1)).get("rare")).isBetween(180, 220);
    }

    @Test
    void parts_manyRareClasses_keepEveryClassInTrainingAndHoldOutAboutTheFraction() throws IOException {
        List<Sample> samples = new ArrayList<>();
        for (int c = 0; c < 9_999; c++) {
            samples.add(new Sample("c" + c, "first of " + c, samples.size() + 1));
            samples.add(new Sample("c" + c, "second of " + c, samples.size() + 1));
        }
        for (int i = 0; i < 300; i++) {
            samples.add(new Sample("big", "big " + i, samples.size() + 1));
        }

        List<List<Sample>> parts = parts(Split.of(42), MemorySource.of(samples));

        assertThat(perClass(parts.get(0))).hasSize(10_000);
        assertThat(parts.get(1).size()).isBetween(3_800, 4_400);
        assertThat(perClass(parts.get(1)).get("big")).isBetween(50, 70);
    }

    @Test
    void parts_classOfOneRepeatedText_staysInTrainingWhole() throws IOException {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            samples.add(new Sample("same", "one text", samples.size() + 1));
            samples.add(new Sample("varied", "text " + i, samples.size() + 1));
        }

        List<List<Sample>> parts = parts(Split.of(7), MemorySource.of(samples));

        assertThat(perClass(parts.get(0)).get("same")).isEqualTo(200);
        assertThat(perClass(parts.get(1))).containsOnlyKeys("varied");
    }

    @Test
    void parts_duplicateTextsOfAClass_goToTheSameSide() throws IOException {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            samples.add(new Sample(i % 2 == 0 ? "a" : "b", "text " + (i % 1_000), samples.size() + 1));
        }

        List<List<Sample>> parts = parts(Split.of(3), MemorySource.of(samples));

        Set<String> both = new HashSet<>();
        for (Sample s : parts.get(0)) {
            both.add(s.label() + s.text());
        }
        for (Sample s : parts.get(1)) {
            assertThat(both).doesNotContain(s.label() + s.text());
        }
    }

    @Test
    void parts_sameSeedAndReorderedRecords_sameSplit_otherSeed_another() throws IOException {
        List<Sample> samples = new ArrayList<>(MemorySource.numbered(2_000, i -> "c" + (i % 40)).samples());
        List<Sample> shuffled = new ArrayList<>(samples);
        Collections.shuffle(shuffled, new Random(5));

        Set<String> validation = texts(parts(Split.of(1), MemorySource.of(samples)).get(1));

        assertThat(texts(parts(Split.of(1), MemorySource.of(shuffled)).get(1))).isEqualTo(validation);
        assertThat(texts(parts(Split.of(2), MemorySource.of(samples)).get(1))).isNotEqualTo(validation);
    }

    @Test
    void labels_areTheClassesOfTheWholeSource() throws IOException {
        try (SplitParts parts = new SplitParts(Split.of(1), MemorySource.of("2", "a", "10", "b", "2", "c"), temp)) {
            assertThat(parts.labels().rawLabels()).containsExactly("2", "10");
        }
    }

    @Test
    void train_tooFewSamplesToHoldAnyOut_saysSoNamingTheSource() {
        MemorySource tiny = MemorySource.of("1", "good", "2", "bad");

        assertThatThrownBy(() -> parts(Split.of(42), tiny)).hasMessage("list.csv: too few samples to hold out a"
                + " validation part (2 samples); give --val FILE or more data");
    }

    @Test
    void constructor_fractionOutsideUnitInterval_statesTheRule() {
        assertThatThrownBy(() -> new Split(1, 1.0)).hasMessage("validationFraction must be in (0, 1), found 1.0");
    }
}
