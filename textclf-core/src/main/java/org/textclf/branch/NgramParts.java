package org.textclf.branch;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.textclf.batch.SparseBatch;
import org.textclf.config.BranchConfig;
import org.textclf.data.Labels;
import org.textclf.feed.CacheKey;
import org.textclf.feed.ExampleSpill;
import org.textclf.text.NgramConfig;
import org.textclf.text.NgramVectorizer;

/**
 * What the branches on n-gram tf-idf features share: the streaming fit (whose second pass spills the training rows,
 * from which the training cache is built instead of from the text once more), its cache key, its sections, its
 * provenance.
 */
final class NgramParts {

    private NgramParts() {
    }

    /** Fits the vectorizer, keeping the training rows its second pass computes; empty when the first pass stopped. */
    static Optional<Fitted<SparseBatch>> fit(ModelBranch<SparseBatch> branch, BranchConfig config, NgramConfig ngram,
            FitContext context) throws IOException {
        ExampleSpill rows = ExampleSpill.create(context.tempDir());
        try {
            Optional<NgramVectorizer> fitted = NgramVectorizer.fit(
                    context.progress().watch(context.train(), "vectorizer fit"), context.labels(), ngram,
                    context.progress()::line, context.firstPass(), context.tempDir(), rows);
            if (fitted.isEmpty()) {
                rows.close();
                return Optional.empty();
            }
            NgramVectorizer vectorizer = fitted.get();
            return Optional.of(new Fitted<>(branch, config, vectorizer.labels(),
                    vectorizer, vectorizer.fitReport().documents(),
                    rows.finished() ? vectorizer.examples(rows) : null, rows));
        } catch (IOException | RuntimeException | Error e) {
            rows.close();
            throw e;
        }
    }

    static void fitKey(NgramConfig ngram, CacheKey.Builder key) {
        key.put("vectorizer_format", "ngram " + NgramVectorizer.FORMAT_VERSION).put("ngram", ngram);
    }

    static NgramVectorizer vectorizer(Fitted<SparseBatch> fitted) {
        return (NgramVectorizer) fitted.vectorizer();
    }

    static void write(FittedModel<SparseBatch> model, DataOutputStream out) throws IOException {
        ((NgramVectorizer) model.vectorizer()).write(out);
    }

    /** The vectorizer's settings for a model's provenance. */
    static Map<String, Object> describe(NgramVectorizer vectorizer) {
        NgramConfig c = vectorizer.config();
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("ngram_range", List.of(c.ngramMin(), c.ngramMax()));
        parameters.put("min_df", c.minDocumentFrequency());
        parameters.put("top_features", c.topK());
        return parameters;
    }

    /** A fitted vectorizer read back from a cache, with the classes the cache recorded. */
    static Fitted<SparseBatch> cached(ModelBranch<SparseBatch> branch, BranchConfig config,
            DataInputStream in, Labels labels) throws IOException {
        return Fitted.of(branch, config, labels, NgramVectorizer.read(in, in.available()));
    }
}
