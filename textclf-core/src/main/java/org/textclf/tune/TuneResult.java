package org.textclf.tune;

import java.util.List;
import org.textclf.api.FitResult;

/**
 * What {@link Tuner#tune} returns: every trial's last result (best first), every rung's results in the order run,
 * the best trial's model as it trained (kept, not retrained: see {@link Tuner}), and the {@code train} arguments that
 * train that model again.
 *
 * @param trials each trial's result in the last rung it reached: higher rungs first, then by the metric
 * @param rungs every trial's result in every rung, in the order they ran
 * @param best the best trial's result (the first of {@code trials})
 * @param model the best trial's fit: its classifier, history and best epoch
 * @param trainArguments the options that make {@code textclf train DATA} train the same model
 * @param timeUp whether the time budget stopped the tune before its last rung
 */
public record TuneResult(List<TrialResult> trials, List<TrialResult> rungs, TrialResult best, FitResult model,
        List<String> trainArguments, boolean timeUp) {
    public TuneResult {
        trials = List.copyOf(trials);
        rungs = List.copyOf(rungs);
        trainArguments = List.copyOf(trainArguments);
    }
}
