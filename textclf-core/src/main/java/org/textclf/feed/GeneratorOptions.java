package org.textclf.feed;

import java.nio.file.Path;
import org.textclf.batch.Batch;
import org.textclf.batch.Vectorizer;
import org.textclf.data.Labels;
import org.textclf.data.SampleSource;
import org.textclf.progress.PassProgress;

/**
 * One generator's options, fixed by {@link BatchGenerator.Builder#build()} once it has checked them together: what
 * the cache pass, the producer thread and the generator read. A value, so that changing the builder afterwards
 * cannot reach a running generator. See the builder's methods for what each option means.
 *
 * @param labels null: every class id is -1
 * @param shuffle already false for a single pass
 * @param samples as given to the builder, or -1 when not given
 * @param tempDir null: the system temp folder
 * @param cache null: every epoch reads and vectorizes the source
 */
record GeneratorOptions<B extends Batch>(SampleSource source, Labels labels, Vectorizer<B> vectorizer,
        int batchSize, boolean shuffle, long seed, int firstEpoch, long samples, boolean singlePass,
        int prefetchBatches, int vectorizerThreads, long shuffleBufferBytes, Path tempDir, PassProgress progress,
        ExampleCaches.Plan<B> cache) {

    /** How a chunk of this source's samples becomes a batch. */
    ChunkVectorizer<B> chunkVectorizer() {
        return new ChunkVectorizer<>(vectorizer, labels, source.name());
    }
}
