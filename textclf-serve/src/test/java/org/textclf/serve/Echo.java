package org.textclf.serve;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.textclf.api.Prediction;
import org.textclf.api.Predictor;
import org.textclf.model.ModelInfo;

/** Answers each text with itself as the label; the first call waits for {@link #release}. */
final class Echo implements Predictor {
    final List<Integer> calls = Collections.synchronizedList(new ArrayList<>());
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release;
    /** Whether the next call throws instead of answering. */
    volatile boolean failNext;

    Echo(boolean gated) {
        release = new CountDownLatch(gated ? 1 : 0);
    }

    @Override
    public List<Prediction> predict(List<String> texts) {
        if (failNext) {
            failNext = false;
            throw new IllegalStateException("the model failed");
        }
        calls.add(texts.size());
        entered.countDown();
        try {
            release.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        List<Prediction> out = new ArrayList<>();
        for (String t : texts) {
            out.add(new Prediction(0, t, new float[] {1f}, List.of(t)));
        }
        return out;
    }

    @Override
    public List<String> classNames() {
        return List.of();
    }

    @Override
    public ModelInfo info() {
        throw new UnsupportedOperationException();
    }

    /** This predictor as a loaded model named m. */
    ServedModel served() {
        return new ServedModel(new ModelSource("m", Path.of("m.textclf")), this, new ServedModel.Stamp(0, 0), "0", 0,
                0);
    }

    /** {@code prefix0, prefix1, ...}: n texts. */
    static List<String> texts(String prefix, int n) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            texts.add(prefix + i);
        }
        return texts;
    }

    /** The labels of an answer, that is its texts. */
    static List<String> labels(CompletableFuture<List<Prediction>> answer) throws Exception {
        return answer.get(5, TimeUnit.SECONDS).stream().map(Prediction::label).toList();
    }
}
