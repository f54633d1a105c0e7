package org.textclf.branch;

import org.textclf.nn.AdamConfig;

/**
 * A stretch of training with one optimizer, until early stopping ends it. Most runs have one. A sepCNN started from
 * pretrained embeddings has the guide's two: the embedding frozen while the rest learns, then unfrozen and
 * fine-tuned with a lower learning rate, early stopping carrying its best epoch across so that the best weights of
 * either phase are kept.
 *
 * @param adam the optimizer's configuration for this phase
 * @param announcement what to tell the user when the phase starts after another, or null
 * @param enter sets the network up for this phase
 */
public record Phase(AdamConfig adam, String announcement, Runnable enter) {
}
