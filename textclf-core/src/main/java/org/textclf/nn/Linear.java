package org.textclf.nn;

import java.util.List;
import java.util.random.RandomGenerator;
import org.textclf.batch.SparseBatch;

/**
 * Multinomial logistic regression (softmax regression) on sparse tf-idf rows: one Dense layer read straight from
 * the CSR rows ({@link SparseDense}), softmax with sparse categorical cross-entropy, or one sigmoid unit with binary
 * cross-entropy for two classes, and an L2 penalty on the kernel ({@link LinearConfig#l2()}). The guide's
 * {@code mlp_model} with {@code layers = 1} and no dropout, plus the penalty.
 *
 * <p>Parameters: {@code dense_1/kernel [features, outputs]} and {@code dense_1/bias [outputs]}, {@code outputs}
 * being the number of classes, or 1 for two. Both start at zero, as scikit-learn starts logistic regression: the
 * loss is convex, so there is no symmetry to break and the optimum does not depend on the start; and a feature that
 * never occurs in training keeps weight 0, where a random start would leave it adding noise to every prediction it
 * occurs in. The weights therefore do not depend on the seed.
 *
 * <p><b>The penalty is lazy</b>: a step adds {@code l2 * W[f]} to the gradient of the kernel rows {@code f} of the
 * features its batch holds and leaves the other rows alone, as sparse implementations of regularized linear models
 * do. The exact penalty's gradient {@code l2 * W} is dense, every row in every step, so each step would cost the
 * whole {@code features x outputs} kernel in the optimizer instead of the batch's distinct features; and as the
 * update is lazy ({@link Adam#updateRows}: untouched rows are not moved by their momentum either), a row moves,
 * penalty included, only in the steps that see its feature. The price: a feature present in a fraction {@code p}
 * of the batches is shrunk in about that fraction of the steps, so rare features are regularized less than exact
 * L2 would (their weights also move only when they occur, starting from 0). The bias is not penalized (Keras'
 * {@code kernel_regularizer} and scikit-learn's lbfgs solver leave it alone too): shrinking it would pull the
 * predictions towards equal classes whatever the classes' frequencies.
 *
 * <p>The penalty is not a mean over examples, so it is not part of {@link #computeGradients}'s gradients, whose sum
 * over replicas would count it once per replica batch a feature occurs in: {@link #applyGradients} adds it, once,
 * to the rows of the gradients it is given, one batch's or a sum of several. The metrics report the cross-entropy
 * alone: the same quantity for every {@code l2} and for the other networks, and what early stopping on
 * {@code val_loss} should watch. A step minimizes that cross-entropy plus {@code 0.5 * l2 * sum_f ||W[f]||^2} over
 * the touched rows {@code f}.
 *
 * <p>A step costs the batch's nonzeros times {@code outputs} twice (forward, kernel gradient) and the update of the
 * touched rows: at IMDB shape (batch 128, 20,000 features, 19,061 nonzeros on 6,788 features, 2 classes) 345-370 us
 * of CPU, of which computeGradients 285-310 ({@code StepTiming}, linearStep, JDK 17), a sixth of the MLP's step.
 * {@link #useThreads} is therefore the interface's no-op: two hand-overs to a second thread, tens of microseconds
 * each (see {@link StepThreads}), would eat most of what splitting so short a step could win. {@link #fitBatch} is
 * for one training thread; {@link #evaluateBatch} and {@link #predictBatch} may run on any number of threads at
 * once, as long as no step runs at the same time.
 */
public final class Linear implements Network<SparseBatch> {

    private final LinearConfig config;
    private final int features;
    private final int classes;
    /** Replaced, not changed, by {@link #useClassWeights}, before a step and never during one. */
    private OutputLoss loss;
    private final Parameter kernel;
    private final Parameter bias;
    private final List<Parameter> parameters;
    private Training training;

    private Linear(LinearConfig config, int features, int classes) {
        this.config = config;
        this.features = features;
        this.classes = classes;
        this.loss = classes == 2 ? new SigmoidBinaryCrossEntropy() : new SoftmaxCrossEntropy(classes);
        // Zero, as a new Parameter is: see the class comment.
        kernel = new Parameter("dense_1/kernel", new int[] {features, loss.outputs()});
        bias = new Parameter("dense_1/bias", new int[] {loss.outputs()});
        parameters = List.of(kernel, bias);
    }

    /**
     * The number of parameter values {@link #create} allocates for this shape, without allocating them (see
     * {@link Mlp#parameterValues}).
     */
    public static long parameterValues(int features, int classes) {
        return (long) ((features + 1.0) * (classes == 2 ? 1 : classes));
    }

    /**
     * A new model with zero weights.
     *
     * @param features the input width (the vectorizer's feature count), at least 1
     * @param classes at least 2; 2 gives the sigmoid output
     * @param seed unused, as the weights start at zero; taken so that every network is created alike
     */
    public static Linear create(LinearConfig config, int features, int classes, long seed) {
        if (features < 1) {
            throw new IllegalArgumentException("features must be at least 1; found " + features);
        }
        if (classes < 2) {
            throw new IllegalArgumentException("classes must be at least 2; found " + classes);
        }
        return new Linear(config, features, classes);
    }

    /** The configuration this model was created with. */
    public LinearConfig config() {
        return config;
    }

    /** The input width: the number of kernel rows. */
    public int features() {
        return features;
    }

    @Override
    public int classes() {
        return classes;
    }

    @Override
    public void useClassWeights(float[] classWeights) {
        loss = loss.weighted(classWeights);
    }

    @Override
    public List<Parameter> parameters() {
        return parameters;
    }

    /** {@inheritDoc} {@code random} is unused: the model has no dropout. */
    @Override
    public BatchMetrics fitBatch(SparseBatch batch, Optimizer optimizer, RandomGenerator random) {
        Gradients gradients = gradients(batch, "fitBatch");
        update(gradients, optimizer);
        return gradients.metrics();
    }

    /**
     * {@inheritDoc}
     *
     * <p>The gradients of the batch-mean cross-entropy, without the L2 penalty ({@link #applyGradients} adds it);
     * {@code dense_1/kernel}'s is row-sparse, the rows of the batch's features. {@code random} is unused.
     */
    @Override
    public Gradients computeGradients(SparseBatch batch, RandomGenerator random) {
        return gradients(batch, "computeGradients");
    }

    /** {@inheritDoc} Adds the L2 penalty's gradient to the kernel rows {@code gradients} lists, not to the bias. */
    @Override
    public void applyGradients(Gradients gradients, Optimizer optimizer) {
        gradients.checkFits(parameters, "applyGradients");
        update(gradients, optimizer);
    }

    @Override
    public BatchMetrics evaluateBatch(SparseBatch batch) {
        checkBatch(batch, "evaluateBatch", true);
        return loss.lossAndGradient(logits(batch, null), batch.labels(), batch.rows(), null, 0f);
    }

    @Override
    public float[] predictBatch(SparseBatch batch) {
        checkBatch(batch, "predictBatch", false);
        float[] probabilities = new float[batch.rows() * classes];
        loss.probabilities(logits(batch, null), batch.rows(), probabilities);
        return probabilities;
    }

    /** {@code x W + b}, {@code rows x outputs}, into {@code out} (a new array when null). */
    private float[] logits(SparseBatch batch, float[] out) {
        int rows = batch.rows();
        float[] logits = out != null ? out : new float[rows * loss.outputs()];
        SparseDense.forward(batch.rowStart(), batch.indices(), batch.values(), kernel.values(), bias.values(),
                loss.outputs(), logits, 0, rows);
        return logits;
    }

    private Gradients gradients(SparseBatch batch, String method) {
        checkBatch(batch, method, true);
        int rows = batch.rows();
        BatchChecks.notEmpty(method, rows);
        Training t = training();
        int outputs = loss.outputs();
        if (t.logits.length < rows * outputs) {
            t.logits = new float[rows * outputs];
            t.delta = new float[rows * outputs];
        }
        BatchMetrics metrics = loss.lossAndGradient(logits(batch, t.logits), batch.labels(), rows, t.delta,
                1f / rows);
        Gradients g = t.gradients;
        SparseDense.backwardBias(t.delta, outputs, rows, g.values(1));
        int touched = t.kernelGradient.bucket(batch.rowStart(), batch.indices(), batch.values(), rows);
        float[] out = g.setRows(0, t.kernelGradient.touched(), touched);
        t.kernelGradient.accumulateFlat(0, touched, t.delta, out);
        t.kernelGradient.reset(false);
        g.setMetrics(metrics);
        return g;
    }

    /** One optimizer step: the kernel's gradient plus {@code l2 * W} on its rows, the bias's as it is. */
    private void update(Gradients gradients, Optimizer optimizer) {
        Training t = training();
        optimizer.beginStep();
        float l2 = config.l2();
        if (l2 == 0f) {
            gradients.update(0, kernel, optimizer, t.scratch);
        } else {
            // Into a buffer of this network's, in the kernel's layout (as updateRows takes it): the caller's
            // gradients stay the data term alone.
            float[] g = gradients.values(0);
            float[] w = kernel.values();
            float[] penalized = t.scratch;
            boolean sparse = gradients.isRowSparse(0);
            int width = loss.outputs();
            int rowCount = sparse ? gradients.rowCount(0) : features;
            int[] rows = sparse ? gradients.rows(0) : null;
            for (int k = 0; k < rowCount; k++) {
                int row = (sparse ? rows[k] : k) * width;
                for (int o = 0; o < width; o++) {
                    penalized[row + o] = g[k * width + o] + l2 * w[row + o];
                }
            }
            if (sparse) {
                optimizer.updateRows(kernel, penalized, rows, 0, rowCount);
            } else {
                optimizer.updateDense(kernel, penalized);
            }
        }
        gradients.update(1, bias, optimizer, null);
    }

    private void checkBatch(SparseBatch batch, String method, boolean labelled) {
        if (batch.features() != features) {
            throw new IllegalArgumentException(method + ": the batch has the wrong number of features; expected "
                    + features + ", found " + batch.features());
        }
        if (labelled) {
            BatchChecks.labels(method, batch.labels(), classes);
        }
    }

    private Training training() {
        if (training == null) {
            training = new Training();
        }
        return training;
    }

    /** The training thread's buffers, made on the first step so that an inference-only model never pays them. */
    private final class Training {
        final SparseKernelGradient kernelGradient = new SparseKernelGradient(features, loss.outputs());
        final Gradients gradients = Gradients.of(parameters, 0);
        float[] logits = new float[0];
        float[] delta = new float[0];
        /** The kernel's update gradient (with the penalty's), in the kernel's layout, valid on the updated rows. */
        final float[] scratch = new float[kernel.size()];
    }
}
