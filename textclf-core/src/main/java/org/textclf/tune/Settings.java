package org.textclf.tune;

import org.textclf.config.BranchConfig;
import org.textclf.config.LinearBranchConfig;
import org.textclf.config.MlpBranchConfig;
import org.textclf.config.SepCnnBranchConfig;
import org.textclf.nn.LinearConfig;
import org.textclf.nn.MlpConfig;
import org.textclf.nn.SepCnnConfig;
import org.textclf.text.NgramConfig;

/**
 * One trial's configuration while its {@link Dimension}s are applied: the base config's parts, each replaced by a
 * dimension's value. Mutable and short-lived: made from the branch's base config, changed by the dimensions, built.
 */
final class Settings {
    private final BranchConfig base;
    NgramConfig.Builder ngram;
    MlpConfig mlp;
    LinearConfig linear;
    SepCnnConfig sepCnn;
    /** Adam's learning rate, or 0 for the base options'. */
    float learningRate;

    Settings(BranchConfig base) {
        this.base = base;
        if (base instanceof MlpBranchConfig m) {
            ngram = m.ngram().toBuilder();
            mlp = m.mlp();
        } else if (base instanceof LinearBranchConfig l) {
            ngram = l.ngram().toBuilder();
            linear = l.linear();
        } else if (base instanceof SepCnnBranchConfig s) {
            sepCnn = s.sepCnn();
        } else {
            throw new IllegalArgumentException("no search space for " + base.getClass().getSimpleName());
        }
    }

    BranchConfig build() {
        if (base instanceof MlpBranchConfig) {
            return new MlpBranchConfig(ngram.build(), mlp);
        } else if (base instanceof LinearBranchConfig) {
            return new LinearBranchConfig(ngram.build(), linear);
        }
        SepCnnBranchConfig s = (SepCnnBranchConfig) base;
        return new SepCnnBranchConfig(s.sequence(), sepCnn, s.embeddings(), s.fineTuneLearningRate());
    }

    void mlp(int layers, int units, float dropout) {
        mlp = MlpConfig.builder().layers(layers).units(units).dropoutRate(dropout).build();
    }

    void sepCnn(int blocks, int filters, int kernelSize, float dropout, int embeddingDim) {
        sepCnn = SepCnnConfig.builder().blocks(blocks).filters(filters).kernelSize(kernelSize)
                .poolSize(sepCnn.poolSize()).dropoutRate(dropout).embeddingDim(embeddingDim).build();
    }
}
