package org.textclf.batch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.textclf.data.BadRecordException;
import org.textclf.data.ReadStats;
import org.textclf.data.Sample;
import org.textclf.data.SampleReader;
import org.textclf.data.SampleSource;

/** A source over a list, for tests; counts how many passes were opened and can fail at a chosen record. */
final class ListSource implements SampleSource {
    private final List<Sample> samples;
    private final long failAt;
    int opened;

    ListSource(List<Sample> samples) {
        this(samples, -1);
    }

    ListSource(List<Sample> samples, long failAt) {
        this.samples = List.copyOf(samples);
        this.failAt = failAt;
    }

    /** {@code n} samples whose text is their index; labels from {@code label}. */
    static ListSource of(int n, IntFunction<String> label) {
        List<Sample> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(new Sample(label.apply(i), Integer.toString(i), i + 1));
        }
        return new ListSource(list);
    }

    @Override
    public synchronized SampleReader open() {
        opened++;
        return new SampleReader() {
            private final ReadStats stats = new ReadStats();
            private int next;

            @Override
            public Sample next() throws IOException {
                if (next == failAt) {
                    throw new BadRecordException("list.csv", next + 1, "unclosed quote");
                }
                if (next >= samples.size()) {
                    return null;
                }
                stats.countRead();
                return samples.get(next++);
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
        return "list.csv";
    }
}
