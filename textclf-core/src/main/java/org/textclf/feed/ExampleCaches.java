package org.textclf.feed;

import java.io.IOException;
import java.nio.file.Path;
import org.textclf.batch.Batch;
import org.textclf.batch.BatchRows;
import org.textclf.batch.VectorizedExamples;
import org.textclf.progress.PassProgress;

/**
 * Where a generator's example cache comes from, decided before its first epoch: a kept cache ({@link CacheDirectory})
 * still usable is reused as it is, with no pass; otherwise one pass writes a new one (kept, or a temp file), copying
 * the examples an earlier pass vectorized when there are some and vectorizing the source when not, as a pass whose
 * summary line takes its place.
 */
final class ExampleCaches {
    private ExampleCaches() {
    }

    /**
     * What the builder's {@code cache(...)} and {@code vectorized(...)} asked for.
     *
     * @param rows how batches split into examples and back
     * @param directory where to keep the cache, or null for a temp file deleted on close
     * @param name the kept cache's name ({@code NAME.examples}); null with no directory
     * @param vectorized the source's examples from an earlier pass, or null to vectorize the source
     */
    record Plan<B>(BatchRows<B> rows, CacheDirectory directory, String name, VectorizedExamples vectorized) {
    }

    /**
     * The example cache {@code options.cache()} plans, reused or built; a build's chunks are vectorized on
     * {@code pool}, at most {@code prefetchBatches} of them at once.
     */
    static <B extends Batch> ExampleCache open(GeneratorOptions<B> options, VectorizerPool pool) throws IOException {
        Plan<B> plan = options.cache();
        Path keep = null;
        CacheKey key = null;
        if (plan.directory() != null) {
            CacheFile.Check check = plan.directory().examplesCheck(plan.name());
            keep = plan.directory().examplesFile(plan.name());
            if (check.usable()) {
                return ExampleCache.existing(keep, check);
            }
            key = plan.directory().examplesKey();
        }
        long start = System.nanoTime();
        PassProgress.Bar bar = options.progress().start(plan.name() == null ? "caching examples" : "caching "
                + plan.name() + " examples", options.samples());
        ExampleCache built;
        try (bar) {
            built = plan.vectorized() != null
                    ? ExampleCache.copy(plan.vectorized(), options.tempDir(), keep, key, bar)
                    : ExampleCache.build(options.source(), options.chunkVectorizer(), plan.rows(),
                            options.batchSize(), pool, options.prefetchBatches(), options.tempDir(), keep, key, bar);
            if (plan.directory() != null) {
                plan.directory().built(plan.name(), built.contents());
            }
            bar.end(String.format("cached %,d %sexamples of %s in %s in %.1f s", built.examples(),
                    plan.name() == null ? "" : plan.name() + " ", options.source().name(),
                    keep == null ? "a temp file" : keep, (System.nanoTime() - start) / 1e9));
        }
        return built;
    }
}
