package org.textclf.branch;

import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.textclf.batch.Batch;
import org.textclf.batch.BatchRows;
import org.textclf.batch.Vectorizer;
import org.textclf.config.BranchConfig;
import org.textclf.data.Labels;
import org.textclf.data.Sample;
import org.textclf.data.SampleSource;
import org.textclf.eval.Evaluation;
import org.textclf.eval.Evaluator;
import org.textclf.feed.BatchGenerator;
import org.textclf.nn.Network;
import org.textclf.nn.Parameter;

/**
 * A trained (or training) model of one branch: its classes, fitted vectorizer and network, typed together so that
 * nothing else needs to know which branch it holds.
 *
 * @param rows how a batch splits into cacheable examples
 * @param <B> the batch type vectorizer and network agree on
 */
public record FittedModel<B extends Batch>(ModelBranch<B> branch, Labels labels, Vectorizer<B> vectorizer,
        BatchRows<B> rows, Network<B> network) {

    /** This model with other display names for its classes. */
    public FittedModel<B> withLabels(Labels named) {
        return new FittedModel<>(branch, named, vectorizer, rows, network);
    }

    /** A generator over {@code source} that vectorizes on the prefetch threads; configure and build it. */
    public BatchGenerator.Builder<B> batches(SampleSource source) {
        return BatchGenerator.builder(source, vectorizer).labels(labels);
    }

    /** Class probabilities of {@code texts}, row-major {@code texts x classes}. */
    public float[] predict(List<String> texts) {
        List<Sample> samples = new ArrayList<>(texts.size());
        for (String t : texts) {
            samples.add(new Sample(null, t, samples.size() + 1));
        }
        int[] unlabelled = new int[texts.size()];
        Arrays.fill(unlabelled, -1);
        return network.predictBatch(vectorizer.vectorize(samples, unlabelled));
    }

    /** Streams {@code source} once in batches, vectorizing on the prefetch threads. */
    public Evaluation evaluate(SampleSource source) throws IOException {
        Evaluator evaluator = new Evaluator(labels.size());
        try (BatchGenerator<B> batches = batches(source).singlePass().build()) {
            while (batches.hasNext()) {
                B batch = batches.next();
                evaluator.add(batch.labels(), network.predictBatch(batch));
            }
        }
        return evaluator.evaluation();
    }

    /** See {@link ModelBranch#writeVectorizer}. */
    public void writeVectorizer(DataOutputStream out) throws IOException {
        branch.writeVectorizer(this, out);
    }

    /** See {@link ModelBranch#writeNetwork}. */
    public void writeNetwork(DataOutputStream out) throws IOException {
        branch.writeNetwork(this, out);
    }

    /** See {@link ModelBranch#describe}. */
    public Map<String, Object> describe(BranchConfig config) {
        return branch.describe(this, config);
    }

    /** See {@link ModelBranch#describeVectorizer}. */
    public Map<String, Object> describeVectorizer() {
        return branch.describeVectorizer(this);
    }

    /** See {@link ModelBranch#features}. */
    public int features() {
        return branch.features(this);
    }

    /** The network's weights: every parameter's values counted. */
    public long parameters() {
        long count = 0;
        for (Parameter p : network.parameters()) {
            count += p.size();
        }
        return count;
    }
}
