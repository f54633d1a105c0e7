package org.textclf.data;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * A corpus held in a list, for unit tests of everything that reads sources: it counts the passes opened, and can
 * pretend to have skipped malformed records or to fail at a chosen record. Named {@code list.csv} in messages.
 */
public final class MemorySource implements SampleSource {
    private final List<Sample> samples;
    private final int skipped;
    private final long failAt;
    private int opened;

    private MemorySource(List<Sample> samples, int skipped, long failAt) {
        this.samples = List.copyOf(samples);
        this.skipped = skipped;
        this.failAt = failAt;
    }

    public static MemorySource of(List<Sample> samples) {
        return new MemorySource(samples, 0, -1);
    }

    /** Labeled samples from label, text pairs: {@code of("1", "good film", "2", "bad film")}. */
    public static MemorySource of(String... labelTextPairs) {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i + 1 < labelTextPairs.length; i += 2) {
            samples.add(new Sample(labelTextPairs[i], labelTextPairs[i + 1], samples.size() + 1));
        }
        return of(samples);
    }

    /** {@code n} samples whose text is their index, labels from {@code label} (null: unlabeled). */
    public static MemorySource numbered(int n, IntFunction<String> label) {
        List<Sample> samples = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            samples.add(new Sample(label.apply(i), Integer.toString(i), i + 1));
        }
        return of(samples);
    }

    /** The same samples, as if the file also had {@code count} malformed records that the reader skipped. */
    public MemorySource withSkipped(int count) {
        return new MemorySource(samples, count, failAt);
    }

    /** The same samples, but reading record {@code index} (from 0) throws an unclosed-quote BadRecordException. */
    public MemorySource failingAt(long index) {
        return new MemorySource(samples, skipped, index);
    }

    /** The samples, in order. */
    public List<Sample> samples() {
        return samples;
    }

    /** How many passes have been opened. */
    public synchronized int opened() {
        return opened;
    }

    @Override
    public synchronized SampleReader open() {
        opened++;
        ReadStats stats = new ReadStats();
        for (int i = 0; i < skipped; i++) {
            stats.countSkipped(new BadRecordException(name(), 1000 + i, "unclosed quote"));
        }
        return new SampleReader() {
            private int next;

            @Override
            public Sample next() throws IOException {
                if (next == failAt) {
                    throw new BadRecordException(name(), next + 1, "unclosed quote");
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
