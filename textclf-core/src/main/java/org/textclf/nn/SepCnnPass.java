package org.textclf.nn;

import java.util.Arrays;
import org.textclf.batch.SequenceBatch;

/**
 * One thread's share of a {@link SepCnn} step: the forward and backward pass of a range of batch rows, one sequence
 * at a time, with this thread's activations (sized by the batch width, reused from step to step) and its own
 * gradient sums, which {@link SepCnn} adds up once every thread is done. Working one sequence at a time keeps the
 * activations a few hundred KB, whatever the batch, instead of {@code rows x width x channels} per layer. The
 * activations and the convolutions' kernel gradients are {@code [positions][channels]}, one array per row, the layout
 * {@link SeparableConv1D} vectorizes on; the kernel gradients go into the flat sums at the end of {@link #train}.
 */
final class SepCnnPass {

    private final SepCnn net;
    private final SeparableConv1D[] convs;
    private final int blocks;
    private final int dim;
    private final int filters;
    private final int poolSize;
    private final int features;
    private final int outputs;
    private final float rate;

    /** Gradient sums in the order of {@link SepCnn#parameters()}; index 0 (the embedding) is {@link #embedding}. */
    final float[][] gradients;
    final EmbeddingGradient embedding;
    double lossSum;
    long correct;

    private final SplitMix64 random = new SplitMix64();
    private int widthCapacity;
    private float[][] embedded = new float[0][];
    /** Per block: its input's dropout mask, the input after dropout, the pooled output, where its maxima were. */
    private final float[][][] masks;
    private final float[][][] dropped;
    private final float[][][] pooled;
    private final int[][][] argmax;
    /** Per convolution: its input (a reference set by the forward pass), depthwise output, output, output gradient. */
    private final float[][][] convInput;
    private final float[][][] depth;
    private final float[][][] out;
    private final float[][][] outGradient;
    /** Per block: the gradient of its input (the embedding output or the previous block's pooled output). */
    private final float[][][] inputGradient;
    private float[][] depthGradient = new float[0][];
    private final int[] nonzero;
    /** Per convolution, training only: its depthwise and pointwise kernel gradient sums as rows. */
    private final float[][][] depthwiseGradient;
    private final float[][][] pointwiseGradient;
    /** Per block: the number of real positions of the current sequence. */
    private final int[] lengths;
    private final float[] headInput;
    private final float[] headMask;
    private final float[] headGradient;
    private final float[] logits;
    private final float[] logitGradient;
    private final int[] label = new int[1];

    SepCnnPass(SepCnn net, boolean training) {
        this.net = net;
        this.convs = net.convs;
        SepCnnConfig config = net.config();
        blocks = config.blocks();
        dim = config.embeddingDim();
        filters = config.filters();
        poolSize = config.poolSize();
        features = 2 * filters;
        outputs = net.loss.outputs();
        rate = config.dropoutRate();
        masks = new float[blocks][0][];
        dropped = new float[blocks][0][];
        pooled = new float[blocks][0][];
        argmax = new int[blocks][0][];
        convInput = new float[convs.length][][];
        depth = new float[convs.length][0][];
        out = new float[convs.length][0][];
        outGradient = new float[convs.length][0][];
        inputGradient = new float[blocks][0][];
        nonzero = new int[2 * filters];
        lengths = new int[blocks];
        headInput = new float[features];
        headMask = new float[features];
        headGradient = new float[features];
        logits = new float[outputs];
        logitGradient = new float[outputs];
        if (training) {
            gradients = new float[net.parameters().size()][];
            for (int i = 1; i < gradients.length; i++) {
                gradients[i] = new float[net.parameters().get(i).size()];
            }
            embedding = new EmbeddingGradient(net.vocabulary(), dim);
            depthwiseGradient = new float[convs.length][][];
            pointwiseGradient = new float[convs.length][][];
            for (int l = 0; l < convs.length; l++) {
                depthwiseGradient[l] = new float[convs[l].kernelSize][convs[l].channels];
                pointwiseGradient[l] = new float[convs[l].channels][convs[l].filters];
            }
        } else {
            gradients = null;
            embedding = null;
            depthwiseGradient = null;
            pointwiseGradient = null;
        }
    }

    /** Grows the activations to rows of {@code width} positions. */
    private void ensure(int width) {
        if (width <= widthCapacity) {
            return;
        }
        widthCapacity = Math.max(width, widthCapacity + widthCapacity / 2);
        int w = widthCapacity;
        boolean training = gradients != null; // inference needs neither masks nor gradients
        embedded = new float[w][dim];
        int largestInput = 0;
        for (int b = 0; b < blocks; b++) {
            int channels = b == 0 ? dim : filters;
            int rows = training ? w : 0;
            masks[b] = new float[rows][channels];
            dropped[b] = new float[rows][channels];
            inputGradient[b] = new float[rows][channels];
            for (int l = 2 * b; l <= 2 * b + 1; l++) {
                depth[l] = new float[w][convs[l].channels];
                out[l] = new float[w][convs[l].filters];
                outGradient[l] = new float[rows][convs[l].filters];
                largestInput = Math.max(largestInput, convs[l].channels);
            }
            w = MaxPooling1D.outputLength(w, poolSize);
            pooled[b] = new float[w][filters];
            argmax[b] = new int[w][filters];
        }
        depthGradient = new float[training ? widthCapacity : 0][largestInput];
    }

    /** Zeroes the gradient sums and the metrics before a step. */
    void beginStep() {
        for (int i = 1; i < gradients.length; i++) {
            Arrays.fill(gradients[i], 0f);
        }
        for (int l = 0; l < convs.length; l++) {
            zero(depthwiseGradient[l]);
            zero(pointwiseGradient[l]);
        }
        embedding.reset(false);
        lossSum = 0;
        correct = 0;
    }

    /**
     * Forward in training mode and backward for rows {@code [from, to)}, adding their gradients (of the batch mean
     * loss: {@code scale = 1 / rows}) to this pass's sums. Row {@code r}'s dropout masks come from {@code seeds[r]}.
     */
    void train(SequenceBatch batch, int from, int to, long[] seeds, float scale, SeparableConv1D.Rows[] weights,
               boolean embeddingTrainable) {
        ensure(batch.width());
        int[] labels = batch.labels();
        for (int r = from; r < to; r++) {
            random.seed(seeds[r]);
            forward(batch, r, true, weights);
            label[0] = labels[r];
            // The loss of one row: its logit gradient is needed before this row's backward pass. The small record
            // per row is noise beside the row's ~78,000 multiply-adds per token (see SepCnn).
            BatchMetrics m = net.loss.lossAndGradient(logits, label, 1, logitGradient, scale);
            lossSum += m.lossSum();
            correct += m.correct();
            backward(batch, r, weights, embeddingTrainable);
        }
        for (int l = 0; l < convs.length; l++) {
            int p = 1 + 3 * l; // depthwise, pointwise, bias: see SepCnn's parameter order
            SeparableConv1D.toFlat(depthwiseGradient[l], convs[l].channels, gradients[p]);
            SeparableConv1D.toFlat(pointwiseGradient[l], convs[l].filters, gradients[p + 1]);
        }
    }

    private static void zero(float[][] rows) {
        for (float[] row : rows) {
            Arrays.fill(row, 0f);
        }
    }

    /** Inference for rows {@code [from, to)}: their logits into {@code allLogits}, {@code rows x outputs}. */
    void infer(SequenceBatch batch, int from, int to, SeparableConv1D.Rows[] weights, float[] allLogits) {
        ensure(batch.width());
        for (int r = from; r < to; r++) {
            forward(batch, r, false, weights);
            System.arraycopy(logits, 0, allLogits, r * outputs, outputs);
        }
    }

    private void forward(SequenceBatch batch, int r, boolean training, SeparableConv1D.Rows[] weights) {
        boolean dropout = training && rate > 0f;
        int length = batch.lengths()[r];
        Embedding.forward(net.embeddings.values(), dim, batch.tokens(), r * batch.width(), length, embedded);
        float[][] x = embedded;
        for (int b = 0; b < blocks; b++) {
            lengths[b] = length;
            SeparableConv1D first = convs[2 * b];
            SeparableConv1D second = convs[2 * b + 1];
            float[][] in = x;
            if (dropout && b < blocks - 1) {
                // Position by position: the same draws, in the same order, as one mask over the flat sequence.
                for (int t = 0; t < length; t++) {
                    random.dropoutMask(rate, masks[b][t], first.channels);
                    Dropout.apply(x[t], masks[b][t], dropped[b][t], first.channels);
                }
                in = dropped[b];
            }
            convInput[2 * b] = in;
            first.forward(weights[2 * b], in, length, depth[2 * b], out[2 * b]);
            convInput[2 * b + 1] = out[2 * b];
            second.forward(weights[2 * b + 1], out[2 * b], length, depth[2 * b + 1], out[2 * b + 1]);
            if (b < blocks - 1) {
                length = MaxPooling1D.forward(out[2 * b + 1], length, filters, poolSize, pooled[b], argmax[b]);
                x = pooled[b];
            }
        }
        GlobalAveragePooling1D.forward(out[convs.length - 1], length, features, headInput);
        if (dropout) {
            random.dropoutMask(rate, headMask, features);
            Dropout.apply(headInput, headMask, headInput, features);
        }
        denseForward(headInput, features, net.denseKernel.values(), net.denseBias.values(), outputs, logits);
    }

    private void backward(SequenceBatch batch, int r, SeparableConv1D.Rows[] weights, boolean embeddingTrainable) {
        boolean dropout = rate > 0f;
        int last = convs.length - 1;
        int kernelIndex = gradients.length - 2;
        denseBackward(headInput, features, net.denseKernel.values(), outputs, logitGradient,
                gradients[kernelIndex], gradients[kernelIndex + 1], headGradient);
        if (dropout) {
            Dropout.apply(headGradient, headMask, headGradient, features);
        }
        GlobalAveragePooling1D.backward(headGradient, lengths[blocks - 1], features, outGradient[last]);
        for (int b = blocks - 1; b >= 0; b--) {
            int length = lengths[b];
            int second = 2 * b + 1;
            int first = 2 * b;
            if (b < blocks - 1) {
                MaxPooling1D.backward(inputGradient[b + 1], length, filters, poolSize, argmax[b],
                        outGradient[second]);
            }
            convBackward(second, length, weights, outGradient[first]);
            boolean needInput = b > 0 || embeddingTrainable;
            convBackward(first, length, weights, needInput ? inputGradient[b] : null);
            if (needInput && dropout && b < blocks - 1) {
                for (int t = 0; t < length; t++) {
                    Dropout.apply(inputGradient[b][t], masks[b][t], inputGradient[b][t], convs[first].channels);
                }
            }
        }
        if (embeddingTrainable) {
            Embedding.backward(inputGradient[0], batch.tokens(), r * batch.width(), lengths[0], embedding);
        }
    }

    private void convBackward(int l, int length, SeparableConv1D.Rows[] weights, float[][] inGradient) {
        int p = 1 + 3 * l; // depthwise, pointwise, bias: see SepCnn's parameter order
        convs[l].backward(weights[l], convInput[l], length, depth[l], out[l], outGradient[l], depthGradient,
                nonzero, depthwiseGradient[l], pointwiseGradient[l], gradients[p + 2], inGradient);
    }

    /** {@code out[o] = bias[o] + sum_i in[i] * kernel[i][o]} for one row. */
    static void denseForward(float[] in, int inputs, float[] kernel, float[] bias, int outputs, float[] out) {
        System.arraycopy(bias, 0, out, 0, outputs);
        for (int i = 0; i < inputs; i++) {
            float x = in[i];
            int w = i * outputs;
            for (int o = 0; o < outputs; o++) {
                out[o] += x * kernel[w + o];
            }
        }
    }

    /** Adds one row's kernel and bias gradients and overwrites {@code inGradient} with {@code delta W^T}. */
    static void denseBackward(float[] in, int inputs, float[] kernel, int outputs, float[] delta,
                              float[] kernelGradient, float[] biasGradient, float[] inGradient) {
        for (int o = 0; o < outputs; o++) {
            biasGradient[o] += delta[o];
        }
        for (int i = 0; i < inputs; i++) {
            float x = in[i];
            int w = i * outputs;
            float sum = 0f;
            for (int o = 0; o < outputs; o++) {
                kernelGradient[w + o] += x * delta[o];
                sum += delta[o] * kernel[w + o];
            }
            inGradient[i] = sum;
        }
    }
}
