package org.textclf.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.textclf.data.MemorySource;
import org.textclf.data.Sample;
import org.textclf.data.SampleReader;
import org.textclf.data.SampleSource;

class SplitTest {
    private static List<String> texts(SampleSource source) throws IOException {
        List<String> out = new ArrayList<>();
        try (SampleReader r = source.open()) {
            for (Sample s = r.next(); s != null; s = r.next()) {
                out.add(s.text());
            }
        }
        return out;
    }

    @Test
    void trainAndValidation_partitionTheSourceAboutEightyTwenty() throws IOException {
        MemorySource source = MemorySource.numbered(10_000, i -> "a");
        Split split = Split.of(42);
        List<String> train = texts(split.train(source));
        List<String> validation = texts(split.validation(source));
        assertThat(train.size() + validation.size()).isEqualTo(10_000);
        Set<String> both = new HashSet<>(train);
        both.retainAll(validation);
        assertThat(both).isEmpty();
        assertThat(validation.size()).isBetween(1_850, 2_150);
    }

    @Test
    void validation_sameSeed_sameSamples_otherSeed_others() throws IOException {
        MemorySource source = MemorySource.numbered(2_000, i -> "a");
        assertThat(texts(Split.of(1).validation(source))).isEqualTo(texts(Split.of(1).validation(source)));
        assertThat(texts(Split.of(2).validation(source))).isNotEqualTo(texts(Split.of(1).validation(source)));
    }

    @Test
    void isValidation_duplicateTexts_goToTheSameSide() {
        Split split = Split.of(9);
        for (int i = 0; i < 1000; i++) {
            assertThat(split.isValidation(new Sample("a", "text " + i, 1)))
                    .isEqualTo(split.isValidation(new Sample("b", "text " + i, 500)));
        }
    }

    @Test
    void constructor_fractionOutsideUnitInterval_statesTheRule() {
        assertThatThrownBy(() -> new Split(1, 1.0)).hasMessage("validationFraction must be in (0, 1), found 1.0");
    }
}
