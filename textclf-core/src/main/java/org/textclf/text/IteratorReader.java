package org.textclf.text;

import java.util.Iterator;
import org.textclf.data.ReadStats;
import org.textclf.data.Sample;
import org.textclf.data.SampleReader;

/** A pass over the samples of an iterator (a partition handed over by an engine such as Spark). */
final class IteratorReader implements SampleReader {
    private final Iterator<Sample> samples;
    private final ReadStats stats = new ReadStats();

    IteratorReader(Iterator<Sample> samples) {
        this.samples = samples;
    }

    @Override
    public Sample next() {
        if (!samples.hasNext()) {
            return null;
        }
        stats.countRead();
        return samples.next();
    }

    @Override
    public ReadStats stats() {
        return stats;
    }

    @Override
    public void close() {
    }
}
