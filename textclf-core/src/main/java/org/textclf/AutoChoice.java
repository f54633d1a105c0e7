package org.textclf;

import java.util.function.Consumer;
import org.textclf.data.Sample;
import org.textclf.explore.LengthHistogram;
import org.textclf.explore.ModelChoice;
import org.textclf.text.FirstPass;
import org.textclf.text.Words;

/**
 * {@code --model auto}: measures the guide's S/W ratio (samples over median words per sample, words split on
 * whitespace as the guide's {@code get_num_words_per_sample} does) during the n-gram fit's first pass, then lets
 * the fit go on when the guide recommends the MLP and stops it when it recommends the sepCNN.
 */
final class AutoChoice implements FirstPass {
    private final LengthHistogram lengths = new LengthHistogram(LengthHistogram.DEFAULT_CAP_WORDS);
    private final Consumer<String> log;
    private ModelChoice choice;

    AutoChoice(Consumer<String> log) {
        this.log = log;
    }

    @Override
    public void sample(Sample sample) {
        lengths.add(Words.count(sample.text()));
    }

    @Override
    public boolean proceed() {
        // A corpus whose median sample is empty has no meaningful ratio; counting its median as one word keeps the
        // choice defined (and makes it the sepCNN, as for any corpus of very short samples).
        double median = Math.max(1, lengths.percentile(50));
        choice = ModelChoice.forRatio(lengths.samples() / median);
        log.accept(String.format("model auto: %,d samples, median %,.0f words per sample: %s; chose %s",
                lengths.samples(), median, choice.reason(), choice.model()));
        return ModelInfo.MLP.equals(choice.model());
    }

    /** The guide's choice, once the first pass is over. */
    ModelChoice choice() {
        if (choice == null) {
            throw new IllegalStateException("the first pass is not over yet");
        }
        return choice;
    }
}
