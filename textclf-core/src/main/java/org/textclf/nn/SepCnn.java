package org.textclf.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.textclf.batch.SequenceBatch;

/**
 * The guide's {@code sepcnn_model} on token-id sequences (see {@link SepCnnConfig}): an embedding, blocks of
 * separable convolutions and max pooling, global average pooling, dropout and a Dense output, softmax with sparse
 * categorical cross-entropy, or one sigmoid unit with binary cross-entropy for two classes. Keras' initializers:
 * embedding uniform in {@code [-0.05, 0.05)}, kernels glorot-uniform, biases zero, all from the seed.
 *
 * <p>Padding is masked: each sequence is computed over its own real positions only ({@link SeparableConv1D},
 * {@link MaxPooling1D}, {@link GlobalAveragePooling1D}), so it predicts the same alone and in a batch padded to a
 * longer row. The embedding's gradient covers only the rows of the batch's tokens (row-sparse in
 * {@link Gradients}) and goes to {@link Optimizer#updateRows}; a frozen embedding ({@link #setEmbeddingTrainable})
 * costs neither that nor the first layer's input gradient.
 *
 * <p>Parameters, in order: {@code embedding/embeddings [vocabulary, embeddingDim]}, then for each convolution
 * {@code i = 1 .. 2 * blocks}: {@code separable_conv1d_i/depthwise_kernel [kernelSize, channels, 1]},
 * {@code separable_conv1d_i/pointwise_kernel [1, channels, filters]}, {@code separable_conv1d_i/bias [filters]}, then
 * {@code dense/kernel [2 * filters, outputs]}, {@code dense/bias [outputs]}.
 *
 * <p>With {@link #useThreads} the batch rows are split across the threads, each with its own activations and
 * gradient sums ({@link SepCnnPass}), added up in thread order after; dropout masks come from one seed per row drawn
 * on the calling thread, so results equal one thread's up to the rounding of that last sum. {@link #fitBatch} is for
 * one training thread; {@link #evaluateBatch} and {@link #predictBatch} may run on any number of threads at once,
 * as long as no step runs at the same time.
 *
 * <p>Cost: a step is about 78,000 multiply-adds per real token at the defaults (forward 26,000, of which the first
 * pointwise convolution, 200 x 64, is half), so it follows the batch's tokens, not its padded width. Measured with
 * {@code SepCnnStepTiming} (thread CPU time, min of 9 rounds, JDK 17, 2 cores at load average 10-11, alternating
 * runs of the code before and after, so expect +-30%), vocabulary 20,002, batch 128: SST-2 shape (9.3 tokens per
 * row) step 8.4-12.0 ms against 25.0-26.2 before (15,200 examples/s), predict 2.7-3.8 ms against 9.8-9.9; IMDB
 * shape (232 tokens per row) step 205 ms against 790 (620 examples/s), predict 74 ms against 223. What bought it:
 * activations and kernels as one array per position (or kernel row), on which C2 vectorizes the convolutions'
 * loops ({@link SeparableConv1D}; on flat arrays it had left them scalar), dropout masks drawn without a branch
 * ({@code SplitMix64.dropoutMask}), inference buffers reused ({@code SepCnnInference}); the sums run in the same
 * order as before, so the results are the same to the bit.
 * Two threads do the same total work; on a quiet machine (load average 0.4) they took the SST-2 step from 26.0 to
 * 17.2 ms wall and predict from 8.2 to 6.2 ms ({@code SepCnnStepTiming sst2}; JMH {@code SepCnnStepBenchmark -p
 * shape=sst2}: 26.0 +- 6.9 against 19.2 +- 0.9 ms), so training uses two threads by default. On a busy machine the
 * gain shrinks or turns into a loss, as the step waits for the slower thread.
 */
public final class SepCnn implements Network<SequenceBatch> {

    private final SepCnnConfig config;
    private final int vocabulary;
    private final int classes;
    /** Replaced, not changed, by {@link #useClassWeights}, before a step and never during one. */
    OutputLoss loss;
    final Parameter embeddings;
    final SeparableConv1D[] convs;
    final Parameter denseKernel;
    final Parameter denseBias;
    private final List<Parameter> parameters;
    /** Whether the embedding started from pretrained vectors ({@link #withEmbeddings}). */
    private final boolean pretrained;
    private boolean embeddingTrainable = true;
    private StepThreads threads;
    private Training training;
    private final SepCnnInference inference = new SepCnnInference(this);

    private SepCnn(SepCnnConfig config, int vocabulary, int classes, long seed, float[] pretrained) {
        this.config = config;
        this.pretrained = pretrained != null;
        this.vocabulary = vocabulary;
        this.classes = classes;
        this.loss = classes == 2 ? new SigmoidBinaryCrossEntropy() : new SoftmaxCrossEntropy(classes);
        int dim = config.embeddingDim();
        int filters = config.filters();
        SplittableRandom random = new SplittableRandom(seed);
        List<Parameter> all = new ArrayList<>();
        embeddings = new Parameter("embedding/embeddings", new int[] {vocabulary, dim});
        float[] table = embeddings.values();
        if (pretrained == null) {
            Initializers.uniform(table, 0.05, random);
        } else {
            System.arraycopy(pretrained, 0, table, 0, table.length);
        }
        all.add(embeddings);
        convs = new SeparableConv1D[2 * config.blocks()];
        for (int l = 0; l < convs.length; l++) {
            int block = l / 2;
            int width = block == config.blocks() - 1 ? 2 * filters : filters;
            int channels = l == 0 ? dim : l % 2 == 0 ? filters : width;
            SeparableConv1D conv = new SeparableConv1D("separable_conv1d_" + (l + 1), channels, width,
                    config.kernelSize());
            // Keras' fans for a kernel of shape [..., in, out]: in and out times the product of the leading dims.
            Initializers.glorotUniform(conv.depthwise.values(), config.kernelSize() * channels,
                    config.kernelSize(), random);
            Initializers.glorotUniform(conv.pointwise.values(), channels, width, random);
            convs[l] = conv;
            all.add(conv.depthwise);
            all.add(conv.pointwise);
            all.add(conv.bias);
        }
        denseKernel = new Parameter("dense/kernel", new int[] {2 * filters, loss.outputs()});
        denseBias = new Parameter("dense/bias", new int[] {loss.outputs()});
        Initializers.glorotUniform(denseKernel.values(), 2 * filters, loss.outputs(), random);
        all.add(denseKernel);
        all.add(denseBias);
        parameters = List.copyOf(all);
    }

    /**
     * A new network with fresh weights.
     *
     * @param vocabulary the number of token ids, padding and out-of-vocabulary included
     * @param classes at least 2; 2 gives the sigmoid output
     * @param seed the weights depend on this alone
     */
    public static SepCnn create(SepCnnConfig config, int vocabulary, int classes, long seed) {
        check(vocabulary, classes);
        return new SepCnn(config, vocabulary, classes, seed, null);
    }

    /**
     * A new network whose embedding starts from {@code embeddings}, row-major {@code [vocabulary,
     * config.embeddingDim()]} (copied), the other weights fresh from the seed. The embedding stays trainable until
     * {@link #setEmbeddingTrainable}{@code (false)}: the guide trains frozen first, then fine-tunes.
     */
    public static SepCnn withEmbeddings(SepCnnConfig config, float[] embeddings, int vocabulary, int classes,
                                        long seed) {
        check(vocabulary, classes);
        long expected = (long) vocabulary * config.embeddingDim();
        if (embeddings.length != expected) {
            throw new IllegalArgumentException("the embedding matrix has the wrong size; expected vocabulary x "
                    + "embeddingDim = " + vocabulary + " x " + config.embeddingDim() + " = " + expected
                    + " values, found " + embeddings.length);
        }
        return new SepCnn(config, vocabulary, classes, seed, embeddings);
    }

    private static void check(int vocabulary, int classes) {
        if (vocabulary < 1) {
            throw new IllegalArgumentException("vocabulary must be at least 1; found " + vocabulary);
        }
        if (classes < 2) {
            throw new IllegalArgumentException("classes must be at least 2; found " + classes);
        }
    }

    /** Whether steps update the embedding (true at creation). A frozen embedding gets no gradient and no update. */
    public void setEmbeddingTrainable(boolean trainable) {
        this.embeddingTrainable = trainable;
    }

    public boolean isEmbeddingTrainable() {
        return embeddingTrainable;
    }

    /** Whether the embedding started from pretrained vectors (then the guide trains it frozen first). */
    public boolean pretrained() {
        return pretrained;
    }

    @Override
    public void useClassWeights(float[] classWeights) {
        loss = loss.weighted(classWeights);
    }

    /**
     * Splits steps and predictions by batch rows across {@code threads} (null: the calling thread alone). The caller
     * keeps owning and closing the pool.
     */
    @Override
    public void useThreads(StepThreads threads) {
        this.threads = threads;
    }

    public SepCnnConfig config() {
        return config;
    }

    public int vocabulary() {
        return vocabulary;
    }

    @Override
    public int classes() {
        return classes;
    }

    @Override
    public List<Parameter> parameters() {
        return parameters;
    }

    @Override
    public BatchMetrics fitBatch(SequenceBatch batch, Optimizer optimizer, RandomGenerator random) {
        SepCnnPass total = total(batch, random, "fitBatch");
        optimizer.beginStep();
        if (embeddingTrainable) {
            optimizer.updateRows(embeddings, total.embedding.values, total.embedding.touched(), 0,
                    total.embedding.touchedCount());
        }
        for (int i = 1; i < parameters.size(); i++) {
            optimizer.updateDense(parameters.get(i), total.gradients[i]);
        }
        return new BatchMetrics(total.lossSum, total.correct, batch.rows());
    }

    /**
     * {@inheritDoc}
     *
     * <p>The embedding's gradient is row-sparse: the rows of the batch's tokens, none while the embedding is frozen.
     */
    @Override
    public Gradients computeGradients(SequenceBatch batch, RandomGenerator random) {
        SepCnnPass total = total(batch, random, "computeGradients");
        // Into the buffer it returns: ~50,000 dense values and the batch's embedding rows at the defaults, a copy
        // that is noise beside the step's ~78,000 multiply-adds per token.
        Gradients g = training.gradients;
        EmbeddingGradient embedding = total.embedding;
        int dim = config.embeddingDim();
        float[] rows = g.setRows(0, embedding.touched(), embedding.touchedCount());
        for (int k = 0; k < embedding.touchedCount(); k++) {
            System.arraycopy(embedding.values, embedding.touched()[k] * dim, rows, k * dim, dim);
        }
        for (int i = 1; i < total.gradients.length; i++) {
            System.arraycopy(total.gradients[i], 0, g.values(i), 0, total.gradients[i].length);
        }
        g.setMetrics(new BatchMetrics(total.lossSum, total.correct, batch.rows()));
        return g;
    }

    /** {@inheritDoc} A frozen embedding is left as it is, whatever its gradient. */
    @Override
    public void applyGradients(Gradients gradients, Optimizer optimizer) {
        gradients.checkFits(parameters, "applyGradients");
        // The embedding gradient's full-size array: its rows are rewritten when first touched in the next step.
        float[] scratch = training().passes(1)[0].embedding.values;
        optimizer.beginStep();
        if (embeddingTrainable) {
            gradients.update(0, embeddings, optimizer, scratch);
        }
        for (int i = 1; i < parameters.size(); i++) {
            gradients.update(i, parameters.get(i), optimizer, null);
        }
    }

    @Override
    public BatchMetrics evaluateBatch(SequenceBatch batch) {
        checkBatch(batch, "evaluateBatch", true);
        float[] logits = logits(batch);
        return loss.lossAndGradient(logits, batch.labels(), batch.rows(), null, 0f);
    }

    @Override
    public float[] predictBatch(SequenceBatch batch) {
        checkBatch(batch, "predictBatch", false);
        float[] logits = logits(batch);
        float[] probabilities = new float[batch.rows() * classes];
        loss.probabilities(logits, batch.rows(), probabilities);
        return probabilities;
    }

    /** Inference logits, {@code rows x outputs}, the rows split across the threads. */
    private float[] logits(SequenceBatch batch) {
        int rows = batch.rows();
        return inference.logits(batch, threads, parts(rows));
    }

    private int parts(int rows) {
        return threads == null ? 1 : Math.max(1, Math.min(threads.threads(), rows));
    }

    /**
     * Forward in training mode and backward, rows split across the threads: returns the pass holding the totals,
     * gradients of the batch mean loss, the embedding's rows ascending.
     */
    private SepCnnPass total(SequenceBatch batch, RandomGenerator random, String method) {
        checkBatch(batch, method, true);
        int rows = batch.rows();
        BatchChecks.notEmpty(method, rows);
        Training t = training();
        if (t.seeds.length < rows) {
            t.seeds = new long[rows];
        }
        for (int r = 0; r < rows; r++) {
            t.seeds[r] = random.nextLong();
        }
        SeparableConv1D.Rows.loadAll(t.weights, convs);
        int parts = parts(rows);
        SepCnnPass[] passes = t.passes(parts);
        float scale = 1f / rows;
        long[] seeds = t.seeds;
        boolean trainable = embeddingTrainable;
        for (int p = 0; p < parts; p++) {
            passes[p].beginStep();
        }
        if (parts == 1) {
            passes[0].train(batch, 0, rows, seeds, scale, t.weights, trainable);
        } else {
            threads.run(part -> passes[part].train(batch, rows * part / parts, rows * (part + 1) / parts, seeds,
                    scale, t.weights, trainable));
        }
        SepCnnPass total = passes[0];
        for (int p = 1; p < parts; p++) {
            for (int i = 1; i < total.gradients.length; i++) {
                float[] sum = total.gradients[i];
                float[] add = passes[p].gradients[i];
                for (int j = 0; j < sum.length; j++) {
                    sum[j] += add[j];
                }
            }
            total.lossSum += passes[p].lossSum;
            total.correct += passes[p].correct;
            total.embedding.add(passes[p].embedding);
        }
        total.embedding.sortTouched();
        return total;
    }

    private void checkBatch(SequenceBatch batch, String method, boolean labelled) {
        if (batch.vocabulary() != vocabulary) {
            throw new IllegalArgumentException(method + ": the batch has the wrong vocabulary; expected "
                    + vocabulary + " token ids, found " + batch.vocabulary());
        }
        int[] tokens = batch.tokens();
        int[] lengths = batch.lengths();
        for (int r = 0; r < lengths.length; r++) {
            if (lengths[r] < 0 || lengths[r] > batch.width()) {
                throw new IllegalArgumentException(method + ": batch row " + r + " has a bad length; expected "
                        + "[0, " + batch.width() + "], found " + lengths[r]);
            }
            for (int k = r * batch.width(), end = k + lengths[r]; k < end; k++) {
                if (tokens[k] < 0 || tokens[k] >= vocabulary) {
                    throw new IllegalArgumentException(method + ": batch row " + r + " has a token out of range;"
                            + " expected an id in [0, " + vocabulary + "), found " + tokens[k]);
                }
            }
            if (labelled) {
                BatchChecks.label(method, r, batch.labels()[r], classes);
            }
        }
    }

    private Training training() {
        if (training == null) {
            training = new Training();
        }
        return training;
    }

    /** The training thread's buffers, made on the first step so that an inference-only network never pays them. */
    private final class Training {
        long[] seeds = new long[0];
        final Gradients gradients = Gradients.of(parameters, 0);
        /** The convolutions' weights as rows, reloaded at each step. */
        final SeparableConv1D.Rows[] weights = SeparableConv1D.Rows.of(convs);
        SepCnnPass[] passes = new SepCnnPass[0];

        /** At least {@code parts} passes, the existing ones kept (pass 0 holds the totals). */
        SepCnnPass[] passes(int parts) {
            if (passes.length < Math.max(parts, 1)) {
                SepCnnPass[] grown = Arrays.copyOf(passes, Math.max(parts, 1));
                for (int p = passes.length; p < grown.length; p++) {
                    grown[p] = new SepCnnPass(SepCnn.this, true);
                }
                passes = grown;
            }
            return passes;
        }
    }
}
