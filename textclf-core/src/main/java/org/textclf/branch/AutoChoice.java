package org.textclf.branch;

import java.util.function.Consumer;
import org.textclf.data.Sample;
import org.textclf.explore.LengthHistogram;
import org.textclf.explore.ModelChoice;
import org.textclf.text.FirstPass;
import org.textclf.text.Words;

/**
 * Measures the guide's S/W ratio (samples over median words per sample, words split on whitespace as the guide's
 * {@code get_num_words_per_sample} does) while a fit's first pass reads the data, then lets the fit go on when the
 * guide recommends the family that fit belongs to and stops it otherwise; saves the guide's separate pass.
 */
final class AutoChoice implements FirstPass {
    private final LengthHistogram lengths = new LengthHistogram(LengthHistogram.DEFAULT_CAP_WORDS);
    private final ModelChoice.Family proceedFor;
    private final String proceedName;
    private final String otherName;
    private final Consumer<String> log;
    private ModelChoice choice;

    /**
     * @param proceedFor the family whose fit reads the first pass: it goes on when the guide chooses it
     * @param proceedName the branch of that fit, {@code otherName} the other one, for the log line
     */
    AutoChoice(ModelChoice.Family proceedFor, String proceedName, String otherName, Consumer<String> log) {
        this.proceedFor = proceedFor;
        this.proceedName = proceedName;
        this.otherName = otherName;
        this.log = log;
    }

    @Override
    public void sample(Sample sample) {
        lengths.add(Words.count(sample.text()));
    }

    @Override
    public boolean proceed() {
        // A corpus whose median sample is empty has no meaningful ratio; counting its median as one word keeps the
        // choice defined (and makes it the sequence family, as for any corpus of very short samples).
        double median = Math.max(1, lengths.percentile(50));
        choice = ModelChoice.forRatio(lengths.samples() / median);
        boolean proceed = choice.family() == proceedFor;
        log.accept(String.format("model auto: %,d samples, median %,.0f words per sample: %s; chose %s",
                lengths.samples(), median, choice.reason(), proceed ? proceedName : otherName));
        return proceed;
    }

    /** The guide's choice, once the first pass is over. */
    ModelChoice choice() {
        if (choice == null) {
            throw new IllegalStateException("the first pass is not over yet");
        }
        return choice;
    }
}
