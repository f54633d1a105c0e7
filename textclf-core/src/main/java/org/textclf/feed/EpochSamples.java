package org.textclf.feed;

import java.io.IOException;
import org.textclf.data.SampleReader;
import org.textclf.data.SampleSource;

/**
 * How many samples each epoch of a generator has, settled before its first batch so that
 * {@code stepsPerEpoch} is known and a source that changes between epochs is caught: the examples in the cache when
 * there is one, else the count given, else unknown (-1) for a single pass, else counted by one streaming pass.
 */
final class EpochSamples {
    private EpochSamples() {
    }

    /**
     * @param cache the generator's example cache, or null
     * @throws IOException when the source cannot be read or has no samples
     */
    static long of(GeneratorOptions<?> options, ExampleCache cache) throws IOException {
        long samples = cache != null ? cache.examples()
                : options.samples() >= 0 || options.singlePass() ? options.samples() : count(options.source());
        if (samples == 0) {
            throw new IOException(options.source().name() + ": no samples to make batches of");
        }
        return samples;
    }

    private static long count(SampleSource source) throws IOException {
        long n = 0;
        try (SampleReader reader = source.open()) {
            while (reader.next() != null) {
                n++;
            }
        }
        return n;
    }
}
