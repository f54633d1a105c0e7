package org.textclf.branch;

import java.nio.file.Path;
import org.textclf.data.Labels;
import org.textclf.data.SampleSource;
import org.textclf.progress.PassProgress;
import org.textclf.text.FirstPass;

/**
 * What a branch's vectorizer fit reads and reports to.
 *
 * @param train the training part
 * @param labels the classes, or null to collect them from {@code train} in the first pass
 * @param tempDir where temp files go, null for the system's
 * @param progress the passes' progress and log lines
 * @param firstPass sees every sample of the fit's first pass and may stop the fit after it ({@code auto})
 */
public record FitContext(SampleSource train, Labels labels, Path tempDir, PassProgress progress,
        FirstPass firstPass) {

    /** This context with another first-pass observer. */
    public FitContext withFirstPass(FirstPass firstPass) {
        return new FitContext(train, labels, tempDir, progress, firstPass);
    }
}
