package org.textclf.fit;

import org.textclf.branch.FittedModel;
import org.textclf.config.BranchConfig;
import org.textclf.train.History;

/**
 * How one training run ended.
 *
 * @param model the model with the best epoch's weights
 * @param config the configuration of the branch that was trained (for {@code auto}, the chosen branch's)
 * @param history every epoch's metrics
 * @param bestEpoch the epoch whose weights {@code model} holds (1-based)
 * @param stopReason why training stopped
 * @param seconds the run's wall time
 */
public record FitOutcome(FittedModel<?> model, BranchConfig config, History history, int bestEpoch,
        String stopReason, double seconds) {
}
