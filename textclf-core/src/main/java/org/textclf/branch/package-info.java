/**
 * Model families as plugins: the {@link org.textclf.branch.ModelBranch} interface (how a family fits its
 * vectorizer, builds its network, trains in phases, writes and reads its model sections, describes itself), one class
 * per family ({@code MlpBranch}, {@code LinearBranch}, {@code SepCnnBranch}); {@code AutoBranch}, the guide's S/W
 * rule choosing between two, is a {@link org.textclf.branch.Branch} only, a name to train by; and the
 * {@link org.textclf.branch.Branches} registry, the only place that lists them. The only package that names a model.
 * Uses config, text, explore, feed, progress, nn, batch, data and eval.
 */
package org.textclf.branch;
