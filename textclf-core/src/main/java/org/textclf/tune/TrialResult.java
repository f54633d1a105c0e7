package org.textclf.tune;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How one trial did in one rung of successive halving: a line of the trial log.
 *
 * @param trial the trial's number
 * @param branch its branch
 * @param values its configuration, by {@code train} option
 * @param rung counting from 0
 * @param epochBudget the epochs the rung allowed (the trial's total, not the rung's increment)
 * @param fromEpoch the epoch this rung continued from: the previous rung's end (0 in the first rung)
 * @param epochs the epochs it has trained, in all rungs so far
 * @param bestEpoch the epoch whose weights it keeps
 * @param metric the tune's metric at the best epoch
 * @param valLoss the validation loss at the best epoch
 * @param valAccuracy the validation accuracy at the best epoch
 * @param stoppedEarly whether early stopping ended it before the budget (continuing it trains no more)
 * @param seconds the rung's wall time for this trial
 */
public record TrialResult(int trial, String branch, Map<String, String> values, int rung, int epochBudget,
        int fromEpoch, int epochs, int bestEpoch, double metric, double valLoss, double valAccuracy,
        boolean stoppedEarly, double seconds) {

    public TrialResult {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The same result but for its wall time, which no rerun repeats: what a resumed tune is compared by. */
    public TrialResult withoutTime() {
        return new TrialResult(trial, branch, values, rung, epochBudget, fromEpoch, epochs, bestEpoch, metric,
                valLoss, valAccuracy, stoppedEarly, 0);
    }
}
