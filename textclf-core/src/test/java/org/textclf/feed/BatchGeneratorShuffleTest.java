package org.textclf.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textclf.batch.Example;
import org.textclf.batch.SparseBatch;
import org.textclf.data.Labels;
import org.textclf.data.MemorySource;

/** The generator's epochs with the next one scattered in the background, against the shuffle run alone. */
class BatchGeneratorShuffleTest {
    @TempDir
    Path temp;

    /** The cache's records, in source order, as the generator writes them. */
    private static RecordFile.Input<Example> cached(int n) {
        return new RecordFile.Input<>() {
            private int next;

            @Override
            public Example next() {
                int id = next++;
                return id < n ? new Example(0, new int[] {id % 50}, new float[] {id}) : null;
            }

            @Override
            public void close() {
            }
        };
    }

    @Test
    void next_cachedOverTheBuffer_eachEpochInTheOrderOfTheShuffleAlone() throws IOException {
        int n = 3000;
        long seed = 9;
        try (BatchGenerator<SparseBatch> g = BatchGenerator.builder(MemorySource.numbered(n, i -> "a"), OneHot.VECTORIZER)
                .labels(Labels.of(List.of("a", "b"))).tempDir(temp).cache(SparseBatch.rows(50)).seed(seed)
                .batchSize(n).prefetchBatches(1).shuffleBufferBytes(20_000).build()) {
            for (long e = 0; e < 4; e++) {
                SparseBatch epoch = g.next();
                List<Integer> expected = new ArrayList<>();
                try (RecordFile.Input<Example> alone = new ExternalShuffle(20_000, temp).open(cached(n),
                        RecordCodec.EXAMPLES, Hashing.mix(seed ^ Hashing.mix(e)))) {
                    for (Example x = alone.next(); x != null; x = alone.next()) {
                        expected.add((int) x.values()[0]);
                    }
                }
                List<Integer> ids = new ArrayList<>();
                for (int r = 0; r < epoch.rows(); r++) {
                    ids.add((int) epoch.values()[r]);
                }
                assertThat(expected).hasSize(n).doesNotHaveDuplicates();
                assertThat(ids).as("epoch %d", e).isEqualTo(expected);
            }
        }
        assertThat(temp).isEmptyDirectory();
    }
}
