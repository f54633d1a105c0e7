package org.textclf.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.textclf.config.ClassWeights;
import org.textclf.config.LinearBranchConfig;
import org.textclf.config.TrainOptions;
import org.textclf.data.MemorySource;
import org.textclf.data.Sample;
import org.textclf.eval.Evaluation;

/** {@code FitConfig.classWeights} end to end: a rare class the unweighted loss gives up on. */
class ClassWeightsFitTest {

    /**
     * One row in 20 is class {@code rare}; a signal word is in 90% of its rows and in 15% of the others' rows, so
     * that even with the word the common class is the likelier (0.24 against 0.76) and the unweighted model never
     * predicts the rare one, while balanced weights (about 10 to 0.53) turn those odds around. The other words are
     * noise.
     */
    private static MemorySource corpus(int rows, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            boolean rare = random.nextInt(20) == 0;
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < 3; w++) {
                text.append("w").append(random.nextInt(20)).append(' ');
            }
            if (random.nextDouble() < (rare ? 0.9 : 0.15)) {
                text.append("signal");
            }
            samples.add(new Sample(rare ? "rare" : "common", text.toString().strip(), i + 1));
        }
        return MemorySource.of(samples);
    }

    private static FitResult fit(ClassWeights weights, StringWriter log) throws IOException {
        TrainOptions options = TrainOptions.of(LinearBranchConfig.DEFAULTS)
                .withFit(f -> f.epochs(20).classWeights(weights))
                .withEnvironment(e -> e.withVerbose(2));
        return TextClassifier.fit(FitRequest.builder(corpus(6000, 1)).options(options).log(new PrintWriter(log))
                .build());
    }

    private static double rareRecall(FitResult result) throws IOException {
        Evaluation test = result.classifier().evaluate(corpus(6000, 2));
        return test.scores(result.classifier().labels().id("rare")).recall();
    }

    @Test
    void fit_balancedWeights_raiseTheRareClassRecall() throws IOException {
        double unweighted = rareRecall(fit(ClassWeights.NONE, new StringWriter()));
        StringWriter log = new StringWriter();
        FitResult balanced = fit(ClassWeights.BALANCED, log);
        double weighted = rareRecall(balanced);

        assertThat(unweighted).as("the unweighted model gives up on the rare class").isLessThan(0.2);
        assertThat(weighted).as("balanced weights find it").isGreaterThan(0.4);
        // the training part's counts (80% of each class is trained on): n / (2 * count)
        assertThat(log.toString()).containsPattern("class weights \\(balanced\\): common 0\\.5\\d+, rare (9|10|11)\\.\\d+");
        assertThat(balanced.classifier().info().parameters()).containsEntry("class_weight", "balanced");
    }

    @Test
    void fit_explicitWeightOfAnUnknownClass_namesItAndTheClasses() {
        assertThatThrownBy(() -> fit(ClassWeights.parse("common=1,sports=2"), new StringWriter()))
                .isInstanceOf(ClassWeights.UnknownClass.class)
                .hasMessage("'sports' is not a class of the data; expected one of common, rare");
    }
}
