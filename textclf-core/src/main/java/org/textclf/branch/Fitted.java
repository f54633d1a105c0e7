package org.textclf.branch;

import java.io.Closeable;
import java.io.IOException;
import org.textclf.batch.Batch;
import org.textclf.batch.VectorizedExamples;
import org.textclf.batch.Vectorizer;
import org.textclf.config.BranchConfig;
import org.textclf.data.Labels;

/**
 * A branch's vectorizer, fitted, before any network: what a cache directory keeps and a run trains from.
 *
 * @param branch the branch that fitted it
 * @param config the configuration it was fitted with (for {@code auto}, the chosen branch's, as the rule adapted it)
 * @param labels the classes
 * @param vectorizer the fitted vectorizer
 * @param documents the training documents the fit read, or -1 when not counted (read from a cache)
 * @param trainExamples the training examples as the fit vectorized them on its way, or null to vectorize the text
 * @param resources what holds {@code trainExamples}, closed once they are cached; null for none
 * @param <B> the batch type
 */
public record Fitted<B extends Batch>(ModelBranch<B> branch, BranchConfig config, Labels labels,
        Vectorizer<B> vectorizer, long documents, VectorizedExamples trainExamples, Closeable resources)
        implements Closeable {

    /** A fitted vectorizer with nothing more: no counted documents, no examples. */
    public static <B extends Batch> Fitted<B> of(ModelBranch<B> branch, BranchConfig config, Labels labels,
            Vectorizer<B> vectorizer) {
        return new Fitted<>(branch, config, labels, vectorizer, -1, null, null);
    }

    /** Releases what holds the fit's examples; closing twice does nothing. */
    @Override
    public void close() throws IOException {
        if (resources != null) {
            resources.close();
        }
    }
}
