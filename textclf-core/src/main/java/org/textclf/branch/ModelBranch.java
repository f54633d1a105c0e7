package org.textclf.branch;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.textclf.batch.Batch;
import org.textclf.batch.Vectorizer;
import org.textclf.config.BranchConfig;
import org.textclf.data.Labels;
import org.textclf.nn.AdamConfig;
import org.textclf.nn.Network;

/**
 * A model family: how it fits its vectorizer from streamed data, which network reads its batches, the phases it
 * trains in, how it writes and reads its sections of a model file and what it records as provenance. Everything
 * else (splitting, caches, the training loop, checkpoints, evaluation, the model file's container) is shared and
 * names no model.
 *
 * @param <B> the batch type its vectorizer makes and its network reads
 */
public interface ModelBranch<B extends Batch> extends Branch {

    /** The section that holds the fitted vectorizer. */
    String VECTORIZER = "vectorizer";
    /** The section that holds the network. */
    String NETWORK = "network";

    /** Examples per step when the fit configuration leaves it to the branch. */
    int defaultBatchSize();

    /** Adam's learning rate when the fit configuration leaves it to the branch: Keras' default unless said. */
    default float defaultLearningRate() {
        return AdamConfig.DEFAULT_LEARNING_RATE;
    }

    /** Threads per training step when the run environment leaves it to the branch (measured best). */
    int defaultStepThreads();

    @Override
    Optional<Fitted<B>> fit(BranchConfig config, FitContext context) throws IOException;

    /** Writes a fitted vectorizer (and any decision of its fit) for a cache directory. */
    void writeFitted(Fitted<B> fitted, DataOutputStream out) throws IOException;

    /**
     * Reads what {@link #writeFitted} wrote; {@code config} is the one the cache key was made from. {@code in} holds
     * the cached bytes in memory, so its {@code available()} is exactly what is left: every count read is checked
     * against it before anything is allocated.
     */
    Fitted<B> readFitted(DataInputStream in, BranchConfig config, Labels labels) throws IOException;

    /** The fitted vectorizer with a new network, its weights from {@code seed}. */
    FittedModel<B> newModel(Fitted<B> fitted, long seed, Consumer<String> log) throws IOException;

    /** The stretches of training, each with its optimizer, that {@code model} goes through; most branches have one. */
    default List<Phase> phases(FittedModel<B> model, BranchConfig config, AdamConfig adam) {
        return List.of(new Phase(adam, null, () -> { }));
    }

    /** The phase a resumed checkpoint of {@code model} was taken in (the network as it was trained tells). */
    default int resumedPhase(FittedModel<B> model, List<Phase> phases) {
        return 0;
    }

    /** This branch's fitted vectorizer and network as parts of a model, when they are of its kinds. */
    Optional<FittedModel<B>> model(Labels labels, Vectorizer<?> vectorizer, Network<?> network);

    /** Writes the model file's {@code vectorizer} section. */
    void writeVectorizer(FittedModel<B> model, DataOutputStream out) throws IOException;

    /** Writes the model file's {@code network} section. */
    void writeNetwork(FittedModel<B> model, DataOutputStream out) throws IOException;

    /**
     * Reads a model from its sections, checking that its parts agree.
     *
     * @param path the model file, for messages
     */
    FittedModel<B> readModel(Labels labels, Sections sections, Path path) throws IOException;

    /** The model's hyperparameters for its provenance, by name; {@code config} (null when unknown) adds options. */
    Map<String, Object> describe(FittedModel<B> model, BranchConfig config);

    /** The part of {@link #describe} that is the fitted vectorizer's settings; the rest is the network's. */
    Map<String, Object> describeVectorizer(FittedModel<B> model);

    /** The width of the network's input: the n-grams kept, or the vocabulary's ids. */
    int features(FittedModel<B> model);

    /** The model file's sections a branch reads, each as a stream. */
    interface Sections {
        /**
         * Opens a section for reading; the caller closes it. The section is in memory, so {@code available()}
         * is exactly the bytes left in it, against which a reader checks every count it reads.
         */
        DataInputStream open(String section) throws IOException;
    }
}
