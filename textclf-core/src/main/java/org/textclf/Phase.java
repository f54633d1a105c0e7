package org.textclf;

import java.io.PrintWriter;
import java.util.List;
import org.textclf.nn.AdamConfig;
import org.textclf.nn.SepCnn;

/**
 * A stretch of training with one optimizer, until early stopping ends it. Most runs have one. A sepCNN started from
 * pretrained embeddings has the guide's two: the embedding frozen while the rest learns, then unfrozen and
 * fine-tuned with a lower learning rate ({@link TrainOptions#fineTuneLearningRate()}), early stopping carrying its
 * best epoch across so that the best weights of either phase are kept.
 *
 * @param adam the optimizer's configuration for this phase
 * @param embeddingTrainable whether a sepCNN's embedding learns in this phase (ignored by other networks)
 */
record Phase(AdamConfig adam, boolean embeddingTrainable) {

    /** The phases {@code pipeline} trains in. */
    static List<Phase> of(Pipeline<?> pipeline, TrainOptions options) {
        if (pipeline.network() instanceof SepCnn network && network.pretrained()) {
            return List.of(new Phase(options.adam(), false),
                    new Phase(options.adam().withLearningRate(options.fineTuneLearningRate()), true));
        }
        return List.of(new Phase(options.adam(), true));
    }

    /**
     * The phase a checkpoint was taken in: the second when the embedding already learns (the checkpoint holds the
     * network as it was trained).
     */
    static int resumedPhase(Pipeline<?> pipeline, List<Phase> phases) {
        return phases.size() > 1 && pipeline.network() instanceof SepCnn network && network.isEmbeddingTrainable()
                ? 1 : 0;
    }

    /** Sets the network up for this phase, saying so when it is a fine-tuning phase. */
    void enter(Pipeline<?> pipeline, PrintWriter log, int verbose) {
        if (pipeline.network() instanceof SepCnn network) {
            if (embeddingTrainable && !network.isEmbeddingTrainable() && verbose > 0) {
                log.printf("fine-tuning: the pretrained embedding learns too now, at learning rate %s%n",
                        adam.learningRate());
                log.flush();
            }
            network.setEmbeddingTrainable(embeddingTrainable);
        }
    }
}
