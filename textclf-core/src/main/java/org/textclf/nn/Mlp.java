package org.textclf.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.textclf.batch.SparseBatch;

/**
 * The guide's {@code mlp_model} on sparse tf-idf rows (see {@link MlpConfig}): input dropout drops nonzeros, the
 * first Dense layer reads the CSR rows directly ({@link SparseDense}), hidden layers are relu + dropout, the output
 * is softmax with sparse categorical cross-entropy, or one sigmoid unit with binary cross-entropy for two classes.
 * Kernels start glorot-uniform from the seed, biases at zero (Keras' initializers).
 *
 * <p>Parameters, in order: {@code dense_1/kernel [features, units]}, {@code dense_1/bias}, ...,
 * {@code dense_<layers>/kernel [units, outputs]}, {@code dense_<layers>/bias}.
 *
 * <p>A step costs the batch's nonzeros times {@code units} for the first layer (forward and backward) plus a lazy
 * Adam update of the rows those nonzeros touched ({@link Adam}). Measured at IMDB shape (batch 128, 20,000
 * features, ~150 Zipf-drawn nonzeros per row = 19,061 nonzeros on 6,788 distinct features, 64 units, 2 classes)
 * with {@code StepTiming} (thread CPU time, min of 15 x 200 steps, JDK 17, 2 shared cores at load average 5-8, so
 * expect +-30%): step 2,000-2,900 us, of which forward 580-860, backward 1,100-1,300, optimizer 300-500. Not the
 * sub-millisecond target: JDK 17's C2 keeps the 64-wide axpys scalar (two slices of one array at unrelated
 * offsets may alias, so SuperWord gives up), and fusing four nonzeros per pass only bought 1.4x on the forward.
 * With {@link #useThreads} and two threads the same step took 2,800 us wall against 5,300 for one thread on the
 * same busy machine (min of 15 x 200); it stays opt-in because on a shared machine it mostly takes a bigger share.
 *
 * <p>{@link #fitBatch} is for one training thread; {@link #evaluateBatch} and {@link #predictBatch} may run on any
 * number of threads at once, as long as no step runs at the same time.
 */
public final class Mlp implements Network<SparseBatch> {
    /** First-kernel rows per fused gradient-and-update chunk: 32 rows of 64 floats stay in the L1 cache. */
    private static final int FUSED_ROWS = 32;

    private final MlpConfig config;
    private final int features;
    private final int classes;
    private final OutputLoss loss;
    /** {@code [features, units..., outputs]}: Dense layer {@code l} maps {@code widths[l]} to {@code widths[l+1]}. */
    private final int[] widths;
    private final Parameter[] kernels;
    private final Parameter[] biases;
    private final List<Parameter> parameters;
    private Training training;
    private StepThreads threads;

    private Mlp(MlpConfig config, int features, int classes, long seed) {
        this.config = config;
        this.features = features;
        this.classes = classes;
        this.loss = classes == 2 ? new SigmoidBinaryCrossEntropy() : new SoftmaxCrossEntropy(classes);
        int layers = config.layers();
        widths = new int[layers + 1];
        widths[0] = features;
        for (int l = 1; l < layers; l++) {
            widths[l] = config.units();
        }
        widths[layers] = loss.outputs();
        kernels = new Parameter[layers];
        biases = new Parameter[layers];
        List<Parameter> all = new ArrayList<>(2 * layers);
        SplittableRandom random = new SplittableRandom(seed);
        for (int l = 0; l < layers; l++) {
            String layer = "dense_" + (l + 1);
            kernels[l] = new Parameter(layer + "/kernel", new int[] {widths[l], widths[l + 1]});
            biases[l] = new Parameter(layer + "/bias", new int[] {widths[l + 1]});
            Initializers.glorotUniform(kernels[l].values(), widths[l], widths[l + 1], random);
            all.add(kernels[l]);
            all.add(biases[l]);
        }
        parameters = List.copyOf(all);
    }

    /**
     * A new network with fresh weights.
     *
     * @param features the input width (the vectorizer's feature count)
     * @param classes at least 2; 2 gives the sigmoid output
     * @param seed the weights depend on this alone
     */
    public static Mlp create(MlpConfig config, int features, int classes, long seed) {
        if (features < 1) {
            throw new IllegalArgumentException("features must be at least 1; found " + features);
        }
        if (classes < 2) {
            throw new IllegalArgumentException("classes must be at least 2; found " + classes);
        }
        return new Mlp(config, features, classes, seed);
    }

    /**
     * Splits the rest of this network's training steps across {@code threads} (null: the calling thread alone): the
     * sparse forward by batch rows, the first kernel's gradient by feature ranges. The caller keeps owning and
     * closing the pool. Results are bit for bit those of one thread.
     */
    @Override
    public void useThreads(StepThreads threads) {
        this.threads = threads;
    }

    public MlpConfig config() {
        return config;
    }

    public int features() {
        return features;
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
    public BatchMetrics fitBatch(SparseBatch batch, Adam optimizer, RandomGenerator random) {
        BatchMetrics metrics = forwardTraining(batch, random);
        Training t = training;
        int touched = backwardToFirstKernel(batch);
        optimizer.beginStep();
        float[] delta = t.workspace.delta;
        if (threads == null || threads.threads() == 1) {
            updateFirstKernel(optimizer, 0, touched, delta);
        } else {
            // The moments must exist before the workers share them; an empty update makes them on this thread.
            optimizer.updateRows(kernels[0], t.firstKernel.values, t.firstKernel.touched(), 0, 0);
            int parts = threads.threads();
            threads.run(part -> updateFirstKernel(optimizer, touched * part / parts, touched * (part + 1) / parts,
                    delta));
        }
        applyDenseGradients(optimizer);
        t.firstKernel.reset(false);
        return metrics;
    }

    /**
     * The first kernel's gradient rows {@code [from, to)} of the touched list and their Adam update, a few rows at a
     * time so that each gradient row is still in cache when the update reads it: the same arithmetic as
     * {@link #backward} then {@link #applyGradients}, without a pass over the whole gradient in between.
     */
    private void updateFirstKernel(Adam optimizer, int from, int to, float[] delta) {
        SparseKernelGradient gradient = training.firstKernel;
        for (int start = from; start < to; start += FUSED_ROWS) {
            int end = Math.min(to, start + FUSED_ROWS);
            gradient.accumulate(start, end, delta);
            optimizer.updateRows(kernels[0], gradient.values, gradient.touched(), start, end);
        }
    }

    @Override
    public BatchMetrics evaluateBatch(SparseBatch batch) {
        checkBatch(batch, "evaluateBatch", true);
        MlpWorkspace ws = new MlpWorkspace(widths);
        float[] logits = forward(ws, batch, null);
        return loss.lossAndGradient(logits, batch.labels(), batch.rows(), null, 0f);
    }

    @Override
    public float[] predictBatch(SparseBatch batch) {
        checkBatch(batch, "predictBatch", false);
        MlpWorkspace ws = new MlpWorkspace(widths);
        float[] logits = forward(ws, batch, null);
        float[] probabilities = new float[batch.rows() * classes];
        loss.probabilities(logits, batch.rows(), probabilities);
        return probabilities;
    }

    /**
     * Forward in training mode and backward: leaves the gradients of the batch mean loss in the training buffers
     * (see {@link #gradient}) for {@link #applyGradients} or {@link #clearGradients}. Kept apart from the update
     * for the gradient checks and the benchmark.
     */
    BatchMetrics computeGradients(SparseBatch batch, RandomGenerator random) {
        BatchMetrics metrics = forwardTraining(batch, random);
        backward(batch);
        return metrics;
    }

    /** Forward in training mode, the loss and the logit gradient; the first half of {@link #computeGradients}. */
    BatchMetrics forwardTraining(SparseBatch batch, RandomGenerator random) {
        checkBatch(batch, "fitBatch", true);
        int rows = batch.rows();
        if (rows == 0) {
            throw new IllegalArgumentException("fitBatch: the batch has no rows; expected at least 1");
        }
        Training t = training();
        t.workspace.ensure(rows, batch.nonzeros(), true);
        float[] logits = forward(t.workspace, batch, random);
        return loss.lossAndGradient(logits, batch.labels(), rows, t.workspace.delta, 1f / rows);
    }

    /** Backward from the logit gradient {@link #forwardTraining} left; the second half of computeGradients. */
    void backward(SparseBatch batch) {
        int touched = backwardToFirstKernel(batch);
        float[] delta = training.workspace.delta;
        if (threads == null || threads.threads() == 1) {
            training.firstKernel.accumulate(0, touched, delta);
        } else {
            int parts = threads.threads();
            threads.run(part -> training.firstKernel.accumulate(touched * part / parts,
                    touched * (part + 1) / parts, delta));
        }
    }

    /**
     * Backward through the dense layers to the first layer's output gradient (left in the workspace's
     * {@code delta}), the first bias's gradient, and the first kernel's nonzeros bucketed by feature; returns how
     * many features the batch touched, whose gradient rows are still to be accumulated.
     */
    private int backwardToFirstKernel(SparseBatch batch) {
        Training t = training;
        MlpWorkspace ws = t.workspace;
        int rows = batch.rows();
        boolean dropout = config.dropoutRate() > 0f;
        for (int l = kernels.length - 1; l >= 1; l--) {
            int inputs = widths[l];
            Dense.backward(ws.hidden[l], inputs, kernels[l].values(), widths[l + 1], ws.delta, rows,
                    t.kernelGradients[l], t.biasGradients[l], ws.deltaSpare, t.transposed);
            int n = rows * inputs;
            if (dropout) {
                Dropout.apply(ws.deltaSpare, ws.masks[l], ws.deltaSpare, n);
            }
            Relu.backward(ws.preActivations[l - 1], ws.deltaSpare, ws.deltaSpare, n);
            ws.swapDeltas();
        }
        float[] values = dropout ? ws.inputValues : batch.values();
        t.firstKernel.reset(false);
        SparseDense.backwardBias(ws.delta, widths[1], rows, t.biasGradients[0]);
        return t.firstKernel.bucket(batch.rowStart(), batch.indices(), values, rows);
    }

    /** One Adam step from the gradients {@link #computeGradients} left, then clears them. */
    void applyGradients(Adam optimizer) {
        Training t = training;
        optimizer.beginStep();
        optimizer.updateRows(kernels[0], t.firstKernel.values, t.firstKernel.touched(),
                t.firstKernel.touchedCount());
        applyDenseGradients(optimizer);
        t.firstKernel.reset(false); // rows not touched next time are never read: no need to zero them
    }

    /** The Adam update of every parameter but the first kernel, within the current step. */
    private void applyDenseGradients(Adam optimizer) {
        Training t = training;
        optimizer.updateDense(biases[0], t.biasGradients[0]);
        for (int l = 1; l < kernels.length; l++) {
            optimizer.updateDense(kernels[l], t.kernelGradients[l]);
            optimizer.updateDense(biases[l], t.biasGradients[l]);
        }
    }

    /** Forgets the gradients of the last {@link #computeGradients}. */
    void clearGradients() {
        training.firstKernel.reset(true);
    }

    /**
     * The gradient buffer of {@code parameters().get(index)}; for {@code dense_1/kernel} only the rows the last batch
     * touched are meaningful (zero elsewhere until a step or {@link #clearGradients} leaves other rows behind).
     */
    float[] gradient(int index) {
        Training t = training();
        if (index == 0) {
            return t.firstKernel.values;
        }
        return index % 2 == 0 ? t.kernelGradients[index / 2] : t.biasGradients[index / 2];
    }

    /** Dense layers in order; {@code random == null} is inference (no dropout). Returns the logits. */
    private float[] forward(MlpWorkspace ws, SparseBatch batch, RandomGenerator random) {
        int rows = batch.rows();
        ws.ensure(rows, batch.nonzeros(), random != null);
        float rate = config.dropoutRate();
        boolean dropout = random != null && rate > 0f;
        float[] values = batch.values();
        if (dropout) {
            Dropout.drawMask(rate, random, ws.inputMask, batch.nonzeros());
            Dropout.apply(values, ws.inputMask, ws.inputValues, batch.nonzeros());
            values = ws.inputValues;
        }
        float[] firstOut = ws.preActivations[0];
        if (random == null || threads == null || threads.threads() == 1) {
            SparseDense.forward(batch.rowStart(), batch.indices(), values, kernels[0].values(), biases[0].values(),
                    widths[1], firstOut, 0, rows);
        } else {
            float[] input = values;
            int parts = threads.threads();
            threads.run(part -> SparseDense.forward(batch.rowStart(), batch.indices(), input, kernels[0].values(),
                    biases[0].values(), widths[1], firstOut, rows * part / parts, rows * (part + 1) / parts));
        }
        for (int l = 1; l < kernels.length; l++) {
            int n = rows * widths[l];
            Relu.forward(ws.preActivations[l - 1], ws.hidden[l], n);
            if (dropout) {
                Dropout.drawMask(rate, random, ws.masks[l], n);
                Dropout.apply(ws.hidden[l], ws.masks[l], ws.hidden[l], n);
            }
            Dense.forward(ws.hidden[l], widths[l], kernels[l].values(), biases[l].values(), widths[l + 1],
                    ws.preActivations[l], rows);
        }
        return ws.preActivations[kernels.length - 1];
    }

    private void checkBatch(SparseBatch batch, String method, boolean labelled) {
        if (batch.features() != features) {
            throw new IllegalArgumentException(method + ": the batch has the wrong number of features; expected "
                    + features + ", found " + batch.features());
        }
        if (!labelled) {
            return;
        }
        int[] labels = batch.labels();
        for (int r = 0; r < labels.length; r++) {
            int label = labels[r];
            if (label < 0 || label >= classes) {
                throw new IllegalArgumentException(method + ": batch row " + r + " has "
                        + (label == -1 ? "no label (-1)" : "a label out of range")
                        + "; expected a class id in [0, " + classes + "), found " + label
                        + (label == -1 ? ". Only labelled batches can be fitted or evaluated" : ""));
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
        final MlpWorkspace workspace = new MlpWorkspace(widths);
        final SparseKernelGradient firstKernel = new SparseKernelGradient(features, widths[1]);
        /** Gradients of the dense kernels, index 0 unused (the first kernel's is {@link #firstKernel}). */
        final float[][] kernelGradients = new float[kernels.length][];
        final float[][] biasGradients = new float[kernels.length][];
        final float[] transposed;

        Training() {
            int largest = 0;
            for (int l = 0; l < kernels.length; l++) {
                biasGradients[l] = new float[biases[l].size()];
                if (l >= 1) {
                    kernelGradients[l] = new float[kernels[l].size()];
                    largest = Math.max(largest, kernels[l].size());
                }
            }
            transposed = new float[largest];
        }
    }
}
