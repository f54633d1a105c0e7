package org.textclf;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Consumer;
import org.textclf.batch.SequenceBatch;
import org.textclf.batch.SparseBatch;
import org.textclf.batch.VectorizedExamples;
import org.textclf.data.Labels;
import org.textclf.data.SampleSource;
import org.textclf.feed.CacheKey;
import org.textclf.feed.ExampleSpill;
import org.textclf.feed.Split;
import org.textclf.nn.Mlp;
import org.textclf.nn.SepCnn;
import org.textclf.nn.SepCnnConfig;
import org.textclf.progress.PassProgress;
import org.textclf.text.FirstPass;
import org.textclf.text.NgramVectorizer;
import org.textclf.text.SequenceVectorizer;
import org.textclf.text.WordVectors;

/**
 * What differs between the guide's two branches when training starts: which vectorizer is fitted (for
 * {@code auto}, decided by {@link AutoChoice} during the n-gram fit's first pass), how it is cached, and which
 * network reads its batches.
 */
final class Branches {

    private Branches() {
    }

    /**
     * A fitted vectorizer of either branch: exactly one of {@code ngram} and {@code sequence} is set.
     *
     * @param useEmbeddings whether the sepCNN starts from the pretrained embeddings
     */
    record Fitted(String model, NgramVectorizer ngram, SequenceVectorizer sequence, boolean useEmbeddings,
            Labels labels, ExampleSpill rows) {

        /** The training examples the n-gram fit vectorized on its way ({@link NgramVectorizer#examples}), or null. */
        VectorizedExamples trainExamples() {
            return ngram != null && rows != null && rows.finished() ? ngram.examples(rows) : null;
        }

        long documents() {
            return ngram != null ? ngram.fitReport().documents() : sequence.fitReport().documents();
        }

        /** For the cache directory: the branch, the embeddings decision, then the vectorizer's own format. */
        void write(DataOutputStream out) throws IOException {
            out.writeUTF(model);
            out.writeBoolean(useEmbeddings);
            if (ngram != null) {
                ngram.write(out);
            } else {
                sequence.write(out);
            }
        }
    }

    static Fitted read(DataInputStream in, Labels labels) throws IOException {
        String model = in.readUTF();
        boolean useEmbeddings = in.readBoolean();
        return ModelInfo.MLP.equals(model) ? new Fitted(model, NgramVectorizer.read(in), null, false, labels, null)
                : new Fitted(model, null, SequenceVectorizer.read(in), useEmbeddings, labels, null);
    }

    /** The data's key plus everything that decides the fit: the branch, its vectorizer's options, classes, split. */
    static CacheKey fitKey(CacheKey data, Labels labels, TrainOptions options, boolean split) {
        return data.toBuilder().put("model", options.model())
                .put("vectorizer_format", "ngram " + NgramVectorizer.FORMAT_VERSION + ", sequence "
                        + SequenceVectorizer.FORMAT_VERSION)
                .put("ngram", options.ngram()).put("sequence", options.sequence())
                .put("embeddings", options.embeddings() != null)
                .put("labels", labels == null ? "collected" : labels.rawLabels())
                .put("split", split ? new Split(options.seed(), options.validationFraction()) : "validation data")
                .build();
    }

    /**
     * Fits the vectorizer of {@code options.model()}; for {@code auto}, of the branch the first pass chooses.
     *
     * @param rows where an n-gram fit writes the training rows it computes, so that the training cache is built
     *     from them; or null
     */
    static Fitted fitVectorizer(SampleSource train, Labels labels, TrainOptions options, PassProgress progress,
            ExampleSpill rows) throws IOException {
        Consumer<String> log = progress::line;
        boolean useEmbeddings = options.embeddings() != null;
        if (!ModelInfo.SEPCNN.equals(options.model())) {
            AutoChoice auto = TrainOptions.AUTO.equals(options.model()) ? new AutoChoice(log) : null;
            Optional<NgramVectorizer> ngram = NgramVectorizer.fit(progress.watch(train, "vectorizer fit"), labels,
                    options.ngram(), log, auto == null ? FirstPass.NONE : auto, options.tempDir(), rows);
            if (ngram.isPresent()) {
                if (options.embeddings() != null) {
                    log.accept("not using " + options.embeddings() + ": pretrained embeddings are for the sepCNN");
                }
                return new Fitted(ModelInfo.MLP, ngram.get(), null, false, ngram.get().labels(), rows);
            }
            useEmbeddings = auto.choice().useEmbeddings() && options.embeddings() != null;
            if (auto.choice().useEmbeddings() && options.embeddings() == null) {
                log.accept("the guide starts this sepCNN from pretrained word embeddings; give them with"
                        + " --embeddings FILE (learning them from scratch now)");
            } else if (!auto.choice().useEmbeddings() && options.embeddings() != null) {
                log.accept("not using " + options.embeddings() + ": with this many samples the guide learns the"
                        + " embedding from scratch");
            }
        }
        SequenceVectorizer sequence = SequenceVectorizer.fit(progress.watch(train, "vocabulary"), labels,
                options.sequence(), log);
        return new Fitted(ModelInfo.SEPCNN, null, sequence, useEmbeddings, sequence.labels(), null);
    }

    /** The fitted vectorizer with a new network of its branch (from the pretrained embeddings if chosen). */
    static Pipeline<?> pipeline(Fitted fitted, TrainOptions options, PassProgress progress) throws IOException {
        int classes = fitted.labels().size();
        if (fitted.ngram() != null) {
            NgramVectorizer vectorizer = fitted.ngram();
            return new Pipeline<>(ModelInfo.MLP, vectorizer, SparseBatch.rows(vectorizer.features()),
                    Mlp.create(options.mlp(), vectorizer.features(), classes, options.seed()));
        }
        SequenceVectorizer vectorizer = fitted.sequence();
        SepCnn network;
        if (fitted.useEmbeddings()) {
            WordVectors vectors = WordVectors.read(options.embeddings(), vectorizer, options.seed(), progress::line);
            SepCnnConfig c = options.sepCnn();
            // The embedding's width is the file's, whatever --embedding-dim says.
            SepCnnConfig config = new SepCnnConfig(c.blocks(), c.filters(), c.kernelSize(), c.poolSize(),
                    c.dropoutRate(), vectors.dim());
            network = SepCnn.withEmbeddings(config, vectors.matrix(), vectorizer.vocabulary(), classes,
                    options.seed());
        } else {
            network = SepCnn.create(options.sepCnn(), vectorizer.vocabulary(), classes, options.seed());
        }
        return new Pipeline<>(ModelInfo.SEPCNN, vectorizer, SequenceBatch.rows(vectorizer.vocabulary()), network);
    }
}
