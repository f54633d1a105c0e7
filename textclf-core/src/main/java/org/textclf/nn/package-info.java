/**
 * The numerical core: layers, losses, networks, gradients, optimizers, per-thread workspaces, all on primitive
 * arrays. Uses batch only for its input types.
 *
 * <p>Three networks implement {@link org.textclf.nn.Network}: {@link org.textclf.nn.Mlp} (the guide's n-gram MLP),
 * {@link org.textclf.nn.Linear} (softmax regression with an L2 penalty) and {@link org.textclf.nn.SepCnn} (the
 * guide's sepCNN), each configured by a record ({@code MlpConfig}, {@code LinearConfig}, {@code SepCnnConfig}). A
 * training step is {@link org.textclf.nn.Network#fitBatch}, or its two public halves for a trainer that combines
 * several replicas' gradients: {@link org.textclf.nn.Network#computeGradients} returns
 * {@link org.textclf.nn.Gradients} (dense buffers, row-sparse ones for the first kernel or the embedding, the
 * batch's metrics; addable, scalable, writable to another JVM), {@link org.textclf.nn.Network#applyGradients} takes
 * them to an {@link org.textclf.nn.Optimizer} ({@link org.textclf.nn.Adam}, whose state
 * {@link org.textclf.nn.AdamState} checkpoints). {@link org.textclf.nn.Weights} snapshots and restores parameters;
 * {@link org.textclf.nn.StepThreads} splits a step across threads. Layers and losses are package-private.
 */
package org.textclf.nn;
