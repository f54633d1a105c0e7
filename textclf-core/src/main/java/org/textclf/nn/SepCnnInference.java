package org.textclf.nn;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.textclf.batch.SequenceBatch;

/**
 * A {@link SepCnn}'s inference buffers, reused from call to call: the weights copied into rows (once per call,
 * shared by its threads) and each thread's activations ({@link SepCnnPass}). Made fresh for each call they cost a
 * third of the SST-2 batch's prediction (SepCnnStepTiming: allocating and zeroing them took as long as half the
 * forward pass). Calls may run on any number of threads at once: each takes idle buffers or makes new ones, and
 * gives them back when done, so there are as many as calls have run at once, each sized by the widest batch it saw.
 */
final class SepCnnInference {

    private final SepCnn net;
    private final Queue<SepCnnPass> idlePasses = new ConcurrentLinkedQueue<>();
    private final Queue<SeparableConv1D.Rows[]> idleWeights = new ConcurrentLinkedQueue<>();

    SepCnnInference(SepCnn net) {
        this.net = net;
    }

    /** The logits, {@code rows x outputs}, the rows split into {@code parts} (at most 1 without threads). */
    float[] logits(SequenceBatch batch, StepThreads threads, int parts) {
        int rows = batch.rows();
        float[] logits = new float[rows * net.loss.outputs()];
        SeparableConv1D[] convs = net.convs;
        SeparableConv1D.Rows[] polled = idleWeights.poll();
        SeparableConv1D.Rows[] weights = polled != null ? polled : SeparableConv1D.Rows.of(convs);
        SeparableConv1D.Rows.loadAll(weights, convs); // the weights may have changed since: a step, a restore
        if (parts == 1) {
            infer(batch, 0, rows, weights, logits);
        } else {
            threads.run(part -> infer(batch, rows * part / parts, rows * (part + 1) / parts, weights, logits));
        }
        idleWeights.offer(weights);
        return logits;
    }

    private void infer(SequenceBatch batch, int from, int to, SeparableConv1D.Rows[] weights, float[] logits) {
        SepCnnPass pass = idlePasses.poll();
        if (pass == null) {
            pass = new SepCnnPass(net, false);
        }
        pass.infer(batch, from, to, weights, logits);
        idlePasses.offer(pass);
    }
}
