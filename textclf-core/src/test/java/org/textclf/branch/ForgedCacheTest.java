package org.textclf.branch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.textclf.batch.Batch;
import org.textclf.config.MlpBranchConfig;
import org.textclf.config.SepCnnBranchConfig;
import org.textclf.data.Labels;
import org.textclf.data.MemorySource;
import org.textclf.data.Sample;
import org.textclf.progress.PassProgress;
import org.textclf.text.FirstPass;

/**
 * A cached fitted vectorizer whose counts were forged (the cache file's checksum recomputed) is refused with an
 * IOException, never by allocating what the count says: an int at every offset of the cached bytes set to large
 * values, read back through {@link ModelBranch#readFitted}.
 */
class ForgedCacheTest {
    private static final int[] EXTREMES = {-1, Integer.MIN_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE - 8, 1 << 24,
            1 << 30};

    private static MemorySource corpus() {
        List<Sample> samples = new ArrayList<>();
        String[][] words = {{"goal", "team", "coach", "match"}, {"bank", "stock", "market", "fund"}};
        for (int i = 0; i < 200; i++) {
            int c = i % 2;
            samples.add(new Sample(String.valueOf(c + 1), words[c][i % 4] + " the " + words[c][(i / 4) % 4] + " a "
                    + words[c][(i / 16) % 4], i + 1));
        }
        return MemorySource.of(samples);
    }

    private static <B extends Batch> byte[] cached(Fitted<B> fitted) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        fitted.branch().writeFitted(fitted, new DataOutputStream(bytes));
        return bytes.toByteArray();
    }

    private static void assertRefusedOrRead(ModelBranch<?> branch, Object config, byte[] bytes, Labels labels) {
        for (int at = 0; at + 4 <= bytes.length; at++) {
            for (int value : EXTREMES) {
                byte[] forged = bytes.clone();
                ByteBuffer.wrap(forged).putInt(at, value);
                try {
                    branch.readFitted(new DataInputStream(new ByteArrayInputStream(forged)),
                            (org.textclf.config.BranchConfig) config, labels);
                } catch (IOException | IllegalArgumentException e) {
                    // refused: what a run does with it is FitRun's (one line naming the cache file)
                    assertThat(e).as("int %d at %d", value, at).isNotNull();
                }
            }
        }
    }

    @Test
    void readFitted_forgedNgramCounts_refusedWithoutAllocatingThem() throws IOException {
        MlpBranch branch = new MlpBranch();
        FitContext context = new FitContext(corpus(), null, null, PassProgress.SILENT, FirstPass.NONE);
        try (Fitted<?> fitted = branch.fit(MlpBranchConfig.DEFAULTS, context).orElseThrow()) {
            assertRefusedOrRead(branch, MlpBranchConfig.DEFAULTS, cached(fitted), fitted.labels());
        }
    }

    @Test
    void readFitted_forgedVocabularyCounts_refusedWithoutAllocatingThem() throws IOException {
        SepCnnBranch branch = new SepCnnBranch();
        FitContext context = new FitContext(corpus(), null, null, PassProgress.SILENT, FirstPass.NONE);
        try (Fitted<?> fitted = branch.fit(SepCnnBranchConfig.DEFAULTS, context).orElseThrow()) {
            assertRefusedOrRead(branch, SepCnnBranchConfig.DEFAULTS, cached(fitted), fitted.labels());
        }
    }
}
