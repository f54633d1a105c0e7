package org.textclf.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ModelChoiceTest {

    @Test
    void forRatio_imdbRatio_mlpWithoutEmbeddings() {
        ModelChoice choice = ModelChoice.forRatio(25_000 / 174.0);

        assertThat(choice.family()).isEqualTo(ModelChoice.Family.NGRAM);
        assertThat(choice.useEmbeddings()).isFalse();
        assertThat(choice.reason()).startsWith("S/W = 144 < 1,500: ").contains("n-gram tf-idf", "MLP");
    }

    @Test
    void forRatio_justBelow1500_mlp() {
        assertThat(ModelChoice.forRatio(1499.99).family()).isEqualTo(ModelChoice.Family.NGRAM);
    }

    @Test
    void forRatio_exactly1500_sepcnnWithEmbeddings() {
        ModelChoice choice = ModelChoice.forRatio(ModelChoice.MLP_MAX_RATIO);

        assertThat(choice.family()).isEqualTo(ModelChoice.Family.SEQUENCE);
        assertThat(choice.useEmbeddings()).isTrue();
        assertThat(choice.reason()).startsWith("S/W = 1,500 >= 1,500: ").contains("pretrained");
    }

    @Test
    void forRatio_justBelow15000_sepcnnWithEmbeddings() {
        assertThat(ModelChoice.forRatio(14_999).useEmbeddings()).isTrue();
    }

    @Test
    void forRatio_exactly15000_sepcnnFromScratch() {
        ModelChoice choice = ModelChoice.forRatio(15_000);

        assertThat(choice.family()).isEqualTo(ModelChoice.Family.SEQUENCE);
        assertThat(choice.useEmbeddings()).isFalse();
        assertThat(choice.reason()).contains("from scratch");
    }

    @Test
    void forRatio_zeroNanOrInfinite_throwsWithValue() {
        assertThatThrownBy(() -> ModelChoice.forRatio(0))
                .hasMessage("S/W ratio must be a finite positive number, found 0.0");
        assertThatThrownBy(() -> ModelChoice.forRatio(Double.NaN)).hasMessageEndingWith("found NaN");
        assertThatThrownBy(() -> ModelChoice.forRatio(Double.POSITIVE_INFINITY))
                .hasMessageEndingWith("found Infinity");
    }

    @Test
    void constructor_mlpWithEmbeddings_throws() {
        assertThatThrownBy(() -> new ModelChoice(ModelChoice.Family.NGRAM, true, "x"))
                .hasMessage("pretrained embeddings apply to sequence models only, found NGRAM");
    }
}
