package org.textclf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.textclf.batch.Batch;
import org.textclf.batch.BatchRows;
import org.textclf.batch.Vectorizer;
import org.textclf.data.Labels;
import org.textclf.data.Sample;
import org.textclf.data.SampleSource;
import org.textclf.eval.Evaluation;
import org.textclf.eval.Evaluator;
import org.textclf.feed.BatchGenerator;
import org.textclf.nn.Network;
import org.textclf.nn.StepThreads;

/**
 * One of the guide's two models, fitted: a vectorizer and the network that reads its batches, typed together so
 * that nothing else needs to know which branch it holds.
 *
 * @param model the branch's name, {@link ModelInfo#MLP} or {@link ModelInfo#SEPCNN}
 * @param rows how a batch splits into cacheable examples
 * @param <B> the batch type both agree on
 */
record Pipeline<B extends Batch>(String model, Vectorizer<B> vectorizer, BatchRows<B> rows, Network<B> network) {

    /** Lets the network split its steps across {@code threads} (null: the calling thread alone). */
    void useThreads(StepThreads threads) {
        network.useThreads(threads);
    }

    /** A generator over {@code source} that vectorizes on the prefetch threads; configure and build it. */
    BatchGenerator.Builder<B> batches(SampleSource source, Labels labels) {
        return BatchGenerator.builder(source, vectorizer).labels(labels);
    }

    /** Class probabilities of {@code texts}, row-major {@code texts x classes}. */
    float[] predict(List<String> texts) {
        List<Sample> samples = new ArrayList<>(texts.size());
        for (String t : texts) {
            samples.add(new Sample(null, t, samples.size() + 1));
        }
        int[] unlabelled = new int[texts.size()];
        Arrays.fill(unlabelled, -1);
        return network.predictBatch(vectorizer.vectorize(samples, unlabelled));
    }

    /** Streams {@code source} once in batches, vectorizing on the prefetch threads. */
    Evaluation evaluate(SampleSource source, Labels labels) throws IOException {
        Evaluator evaluator = new Evaluator(labels.size());
        try (BatchGenerator<B> batches = batches(source, labels).singlePass().build()) {
            while (batches.hasNext()) {
                B batch = batches.next();
                evaluator.add(batch.labels(), network.predictBatch(batch));
            }
        }
        return evaluator.evaluation();
    }
}
