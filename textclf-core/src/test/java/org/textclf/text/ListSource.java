package org.textclf.text;

import java.util.ArrayList;
import java.util.List;
import org.textclf.data.ReadStats;
import org.textclf.data.Sample;
import org.textclf.data.SampleReader;
import org.textclf.data.SampleSource;

/** A small in-memory corpus for unit tests; counts how many passes were opened. */
final class ListSource implements SampleSource {
    private final List<Sample> samples;
    private int opened;

    ListSource(List<Sample> samples) {
        this.samples = List.copyOf(samples);
    }

    /** Alternating label and text: {@code of("1", "good film", "2", "bad film")}. */
    static ListSource of(String... labelsAndTexts) {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < labelsAndTexts.length; i += 2) {
            samples.add(new Sample(labelsAndTexts[i], labelsAndTexts[i + 1], i / 2 + 1));
        }
        return new ListSource(samples);
    }

    List<Sample> samples() {
        return samples;
    }

    int opened() {
        return opened;
    }

    @Override
    public SampleReader open() {
        opened++;
        return new SampleReader() {
            private int next;
            private final ReadStats stats = new ReadStats();

            @Override
            public Sample next() {
                if (next == samples.size()) {
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
