package org.textclf.spark.fit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.textclf.batch.Batch;
import org.textclf.branch.Branches;
import org.textclf.branch.FittedModel;
import org.textclf.branch.ModelBranch;
import org.textclf.data.Labels;
import org.textclf.nn.Weights;

/**
 * A model as its model file's {@code vectorizer} and {@code network} sections (the branch's own formats), for a
 * broadcast: every executor reads it back into replicas of the driver's model, with the same shape and settings (a
 * sepCNN's frozen or trainable embedding too). A replica is one task's at a time: tasks borrow one from this JVM's
 * pool and give it back, so a step allocates no network; its weights are the step's broadcast ones.
 */
final class ModelBytes implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Path WHERE = Path.of("the broadcast model");

    private final String branch;
    private final ArrayList<String> rawLabels;
    private final ArrayList<String> names;
    private final byte[] vectorizer;
    private final byte[] network;
    private transient volatile ConcurrentLinkedQueue<FittedModel<?>> pool;
    /** The first replica read here: the others share its vectorizer, immutable and thread-safe. */
    private transient volatile FittedModel<?> first;

    private ModelBytes(String branch, List<String> rawLabels, List<String> names, byte[] vectorizer, byte[] network) {
        this.branch = branch;
        this.rawLabels = new ArrayList<>(rawLabels);
        this.names = new ArrayList<>(names);
        this.vectorizer = vectorizer;
        this.network = network;
    }

    static ModelBytes of(FittedModel<?> model) throws IOException {
        ByteArrayOutputStream v = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(v)) {
            model.writeVectorizer(out);
        }
        ByteArrayOutputStream n = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(n)) {
            model.writeNetwork(out);
        }
        return new ModelBytes(model.branch().name(), model.labels().rawLabels(), model.labels().names(),
                v.toByteArray(), n.toByteArray());
    }

    /** A replica for this task, from the pool or read anew; its weights are whatever it last held. */
    @SuppressWarnings("unchecked")
    <B extends Batch> FittedModel<B> borrow() throws IOException {
        FittedModel<?> model = pool().poll();
        return (FittedModel<B>) (model != null ? model : read());
    }

    /** A replica holding {@code weights}. */
    <B extends Batch> FittedModel<B> borrow(Weights weights) throws IOException {
        FittedModel<B> model = borrow();
        weights.restoreInto(model.network());
        return model;
    }

    void giveBack(FittedModel<?> model) {
        pool().add(model);
    }

    private ConcurrentLinkedQueue<FittedModel<?>> pool() {
        ConcurrentLinkedQueue<FittedModel<?>> p = pool;
        if (p == null) {
            synchronized (this) {
                if (pool == null) {
                    pool = new ConcurrentLinkedQueue<>();
                }
                p = pool;
            }
        }
        return p;
    }

    private FittedModel<?> read() throws IOException {
        ModelBranch<?> b = Branches.model(branch);
        Labels labels = Labels.of(rawLabels).withNames(names);
        FittedModel<?> model = b.readModel(labels, section -> new DataInputStream(new ByteArrayInputStream(
                ModelBranch.VECTORIZER.equals(section) ? vectorizer : network)), WHERE);
        synchronized (this) {
            if (first == null) {
                first = model;
                return model;
            }
        }
        // A vectorizer (an n-gram one holds its whole vocabulary) per JVM, not per replica: this one's is garbage.
        return Branches.model(labels, first.vectorizer(), model.network());
    }

    /** The bytes a broadcast of the weights carries. */
    static byte[] weights(Weights weights) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            weights.write(out);
        }
        return bytes.toByteArray();
    }

    static Weights weights(byte[] bytes) throws IOException {
        return Weights.read(new ByteArrayInputStream(bytes), "the broadcast weights");
    }
}
