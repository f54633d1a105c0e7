package org.textclf.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textclf.data.MemorySource;
import org.textclf.data.Sample;
import org.textclf.data.SampleReader;

class ExternalShuffleTest {
    @TempDir
    Path temp;

    private List<String> read(ExternalShuffle shuffle, MemorySource source, long seed) throws IOException {
        List<String> out = new ArrayList<>();
        try (SampleReader r = shuffle.open(source, seed)) {
            for (Sample s = r.next(); s != null; s = r.next()) {
                out.add(s.text());
            }
        }
        return out;
    }

    @Test
    void open_bufferFarSmallerThanData_yieldsEverySampleOnceAndCleansUp() throws IOException {
        MemorySource source = MemorySource.numbered(50_000, i -> "a");
        // ~100 bytes charged per sample: 8 buckets of ~6,000 samples overflow 4 KB and are scattered again, twice.
        List<String> out = read(new ExternalShuffle(4_000, temp, 8), source, 1);
        assertThat(out).hasSize(50_000).doesNotHaveDuplicates();
        assertThat(temp).isEmptyDirectory();
    }

    @Test
    void open_allPermutationsOfFour_equallyLikelyOnBothPaths() throws IOException {
        // 250 bytes hold two samples: the external path, with buckets scattered again when three land together.
        MemorySource source = MemorySource.numbered(4, i -> "a");
        for (long buffer : new long[] {250, 1 << 20}) {
            ExternalShuffle shuffle = new ExternalShuffle(buffer, temp, 2);
            Map<String, Integer> counts = new HashMap<>();
            int trials = 2_400;
            for (int seed = 0; seed < trials; seed++) {
                counts.merge(String.join("", read(shuffle, source, Hashing.mix(seed))), 1, Integer::sum);
            }
            assertThat(counts).hasSize(24);
            double expected = trials / 24.0;
            double chiSquare = 0;
            for (int c : counts.values()) {
                chiSquare += (c - expected) * (c - expected) / expected;
            }
            // 23 degrees of freedom: P(chi2 > 49.7) = 0.001.
            assertThat(chiSquare).as("chi-square with buffer %d", buffer).isLessThan(49.7);
        }
    }

    @Test
    void open_sampleLargerThanBuffer_isStillEmitted() throws IOException {
        List<Sample> samples = List.of(new Sample("a", "x".repeat(100_000), 1), new Sample("a", "y".repeat(100_000),
                2), new Sample("a", "z", 3));
        List<String> out = read(new ExternalShuffle(1_000, temp), MemorySource.of(samples), 5);
        assertThat(out).hasSize(3).contains("z");
    }

    @Test
    void open_closedEarly_deletesScratchFiles() throws IOException {
        MemorySource source = MemorySource.numbered(10_000, i -> "a");
        try (SampleReader r = new ExternalShuffle(10_000, temp).open(source, 2)) {
            r.next();
        }
        assertThat(temp).isEmptyDirectory();
    }
}
