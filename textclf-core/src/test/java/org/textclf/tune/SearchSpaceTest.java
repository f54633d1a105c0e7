package org.textclf.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.textclf.config.LinearBranchConfig;
import org.textclf.config.MlpBranchConfig;
import org.textclf.config.SepCnnBranchConfig;
import org.textclf.text.NgramConfig;

class SearchSpaceTest {

    @Test
    void grid_isTheGuidesLayersTimesUnits() {
        List<Map<String, String>> grid = SearchSpace.grid().combinations();
        assertThat(grid).hasSize(3 * 5);
        assertThat(grid.get(0)).containsExactly(Map.entry("--layers", "1"), Map.entry("--units", "8"));
        assertThat(grid.get(14)).containsExactly(Map.entry("--layers", "3"), Map.entry("--units", "128"));
    }

    @Test
    void forBranch_unknown_namesTheBranchesWithASpace() {
        assertThatThrownBy(() -> SearchSpace.forBranch("auto"))
                .hasMessage("no search space for 'auto'; expected one of mlp, linear, sepcnn");
    }

    @Test
    void sublinearTf_isSearched_andItsTrialArgumentsAreTheFlagOrItsNegation() {
        assertThat(SearchSpace.forBranch("mlp").dimension("--sublinear-tf").choices()).containsExactly("true",
                "false");
        assertThat(SearchSpace.forBranch("linear").dimension("--sublinear-tf").vectorizer()).isTrue();
        assertThat(new Trial(1, "mlp", Map.of("--sublinear-tf", "false")).arguments())
                .containsExactly("--model", "mlp", "--no-sublinear-tf");
        assertThat(new Trial(2, "mlp", Map.of("--sublinear-tf", "true")).arguments())
                .containsExactly("--model", "mlp", "--sublinear-tf");
        Settings settings = new Settings(MlpBranchConfig.DEFAULTS);
        SearchSpace.forBranch("mlp").dimension("--sublinear-tf").apply().accept(settings, "false");
        assertThat(((MlpBranchConfig) settings.build()).ngram().sublinearTf()).isFalse();
    }

    @Test
    void tokenPattern_isAVectorizerDimension_appliedByItsCliName() {
        assertThat(SearchSpace.forBranch("linear").dimension("--token-pattern").choices())
                .containsExactly("words-and-symbols", "guide");
        assertThat(SearchSpace.forBranch("mlp").dimension("--token-pattern").vectorizer()).isTrue();
        assertThat(new Trial(1, "mlp", Map.of("--token-pattern", "guide")).arguments())
                .containsExactly("--model", "mlp", "--token-pattern", "guide");
        Settings settings = new Settings(MlpBranchConfig.DEFAULTS);
        SearchSpace.forBranch("mlp").dimension("--token-pattern").apply().accept(settings, "guide");
        assertThat(((MlpBranchConfig) settings.build()).ngram().tokenPattern())
                .isEqualTo(org.textclf.text.TokenPattern.GUIDE);
    }

    @Test
    void trial_allFeatures_isTheLargestTopKOnTheCommandLine() {
        Trial trial = new Trial(1, "mlp", Map.of("--top-features", "all"));
        assertThat(trial.arguments()).containsExactly("--model", "mlp", "--top-features",
                String.valueOf(Integer.MAX_VALUE));
        Settings settings = new Settings(MlpBranchConfig.DEFAULTS);
        SearchSpace.forBranch("mlp").dimension("--top-features").apply().accept(settings, "all");
        assertThat(((MlpBranchConfig) settings.build()).ngram().topK()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void vectorizerKey_differsByVectorizerSettingsOnly() {
        SearchSpace mlp = SearchSpace.forBranch("mlp");
        Trial a = new Trial(1, "mlp", Map.of("--units", "8", "--ngram-range", "1,2", "--min-df", "2",
                "--top-features", "all", "--sublinear-tf", "true", "--token-pattern", "guide"));
        Trial b = new Trial(2, "mlp", Map.of("--units", "64", "--ngram-range", "1,2", "--min-df", "2",
                "--top-features", "all", "--sublinear-tf", "true", "--token-pattern", "guide"));
        Trial c = new Trial(3, "mlp", Map.of("--units", "8", "--ngram-range", "1,3", "--min-df", "2",
                "--top-features", "all", "--sublinear-tf", "true", "--token-pattern", "guide"));
        Trial d = new Trial(4, "mlp", Map.of("--units", "8", "--ngram-range", "1,2", "--min-df", "2",
                "--top-features", "all", "--sublinear-tf", "false", "--token-pattern", "guide"));
        assertThat(a.vectorizerKey(mlp)).isEqualTo(b.vectorizerKey(mlp))
                .isEqualTo("mlp_ngram-range=1-2_min-df=2_top-features=all_sublinear-tf=true_token-pattern=guide");
        assertThat(d.vectorizerKey(mlp)).isNotEqualTo(a.vectorizerKey(mlp));
        assertThat(c.vectorizerKey(mlp)).isNotEqualTo(a.vectorizerKey(mlp));
    }

    @Test
    void everyDimension_appliesToItsBranchesConfig() {
        Settings mlp = new Settings(MlpBranchConfig.DEFAULTS);
        SearchSpace m = SearchSpace.forBranch("mlp");
        m.dimension("--layers").apply().accept(mlp, "3");
        m.dimension("--units").apply().accept(mlp, "16");
        m.dimension("--dropout").apply().accept(mlp, "0.35");
        m.dimension("--ngram-range").apply().accept(mlp, "1,3");
        m.dimension("--min-df").apply().accept(mlp, "5");
        m.dimension("--learning-rate").apply().accept(mlp, "0.002");
        MlpBranchConfig c = (MlpBranchConfig) mlp.build();
        assertThat(c.mlp().layers()).isEqualTo(3);
        assertThat(c.mlp().units()).isEqualTo(16);
        assertThat(c.mlp().dropoutRate()).isEqualTo(0.35f);
        assertThat(c.ngram()).isEqualTo(NgramConfig.builder().ngramRange(1, 3).minDocumentFrequency(5).build());
        assertThat(mlp.learningRate).isEqualTo(0.002f);

        Settings linear = new Settings(LinearBranchConfig.DEFAULTS);
        SearchSpace.forBranch("linear").dimension("--l2").apply().accept(linear, "1.0E-6");
        assertThat(((LinearBranchConfig) linear.build()).linear().l2()).isEqualTo(1e-6f);

        Settings sep = new Settings(SepCnnBranchConfig.DEFAULTS);
        SearchSpace s = SearchSpace.forBranch("sepcnn");
        s.dimension("--blocks").apply().accept(sep, "1");
        s.dimension("--filters").apply().accept(sep, "32");
        s.dimension("--kernel-size").apply().accept(sep, "5");
        s.dimension("--embedding-dim").apply().accept(sep, "50");
        s.dimension("--dropout").apply().accept(sep, "0.3");
        SepCnnBranchConfig sc = (SepCnnBranchConfig) sep.build();
        assertThat(sc.sepCnn()).isEqualTo(org.textclf.nn.SepCnnConfig.builder().blocks(1).filters(32).kernelSize(5)
                .dropoutRate(0.3f).embeddingDim(50).build());
    }
}
