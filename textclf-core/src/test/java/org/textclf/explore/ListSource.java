package org.textclf.explore;

import java.util.Iterator;
import java.util.List;
import org.textclf.data.BadRecordException;
import org.textclf.data.ReadStats;
import org.textclf.data.Sample;
import org.textclf.data.SampleReader;
import org.textclf.data.SampleSource;

/** A corpus held in a list, for tests, optionally with a number of skipped malformed records. */
final class ListSource implements SampleSource {
    private final List<Sample> samples;
    private final int badRecords;

    private ListSource(List<Sample> samples, int badRecords) {
        this.samples = List.copyOf(samples);
        this.badRecords = badRecords;
    }

    /** Labeled samples from label, text pairs: {@code of("1", "good film", "2", "bad film")}. */
    static ListSource of(String... labelTextPairs) {
        Sample[] samples = new Sample[labelTextPairs.length / 2];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = new Sample(labelTextPairs[2 * i], labelTextPairs[2 * i + 1], i + 1);
        }
        return new ListSource(List.of(samples), 0);
    }

    static ListSource of(List<Sample> samples) {
        return new ListSource(samples, 0);
    }

    /** The same samples, as if the file also had {@code count} malformed records that the reader skipped. */
    ListSource withSkipped(int count) {
        return new ListSource(samples, count);
    }

    @Override
    public SampleReader open() {
        Iterator<Sample> it = samples.iterator();
        ReadStats stats = new ReadStats();
        for (int i = 0; i < badRecords; i++) {
            stats.countSkipped(new BadRecordException(name(), 1000 + i, "unclosed quote"));
        }
        return new SampleReader() {
            @Override
            public Sample next() {
                if (!it.hasNext()) {
                    return null;
                }
                stats.countRead();
                return it.next();
            }

            @Override
            public ReadStats stats() {
                return stats;
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public String name() {
        return "test.csv";
    }
}
