package org.textclf.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.textclf.batch.SparseBatch;
import org.textclf.data.Labels;
import org.textclf.data.ReadStats;
import org.textclf.data.Sample;
import org.textclf.data.SampleReader;
import org.textclf.data.SampleSource;
import org.textclf.data.SourceOptions;
import org.textclf.data.Sources;
import org.textclf.text.NgramConfig;
import org.textclf.text.NgramScanner;
import org.textclf.text.NgramVectorizer;
import org.textclf.text.Preprocessor;
import org.textclf.text.Tokenizer;

/**
 * {@code java -cp textclf-bench/target/benchmarks.jar org.textclf.bench.TextPasses MODE REPS [DOCS]}: runs one stage
 * of the n-gram pipeline over IMDB train ({@code $TEXTCLF_DATA/imdb/train.csv.gz}) REPS times and prints, per
 * repetition, the thread's CPU time and wall time. MODE is {@code read} (gunzip + UTF-8 + CSV), {@code tokenize}, {@code preprocess} (lowercase, strip accents),
 * {@code scan} (tokenize + n-gram hashes + counts per distinct n-gram), {@code fit} (the two passes over texts in memory) or
 * {@code transform} (vectorize in batches of 256). Meant for noise-free instruction counts too: under
 * {@code valgrind --tool=callgrind}, the difference between REPS=2 and REPS=1 is the cost of one warm pass.
 */
public final class TextPasses {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private TextPasses() {
    }

    public static void main(String[] args) throws IOException {
        String mode = args[0];
        int reps = Integer.parseInt(args[1]);
        int limit = args.length > 2 ? Integer.parseInt(args[2]) : Integer.MAX_VALUE;
        Path file = Path.of(System.getenv().getOrDefault("TEXTCLF_DATA", "/work/shared/data"), "imdb/train.csv.gz");
        SampleSource source = Sources.open(file, SourceOptions.DEFAULTS);
        List<Sample> samples = mode.equals("read") ? List.of() : load(source, limit);
        SampleSource memory = new MemorySource(samples);
        Labels labels = Labels.of(List.of("1", "2"));
        NgramVectorizer fitted = mode.equals("transform")
                ? NgramVectorizer.fit(memory, labels, NgramConfig.DEFAULT, line -> { }) : null;
        for (int rep = 1; rep <= reps; rep++) {
            long cpu = THREADS.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            long work = 0;
            int docs = samples.size();
            switch (mode) {
                case "read" -> {
                    try (SampleReader reader = source.open()) {
                        for (Sample s = reader.next(); s != null && reader.stats().read() <= limit; s = reader.next()) {
                            work += s.text().length();
                        }
                        docs = (int) reader.stats().read();
                    }
                }
                case "tokenize" -> {
                    long[] count = new long[1];
                    Tokenizer.SpanSink sink = (text, start, end) -> count[0] += end - start;
                    for (Sample s : samples) {
                        Tokenizer.DEFAULT.tokenizeSpans(s.text(), sink);
                    }
                    work = count[0];
                }
                case "preprocess" -> {
                    Preprocessor preprocessor = new Preprocessor();
                    for (Sample s : samples) {
                        preprocessor.apply(s.text());
                        work += preprocessor.length();
                    }
                }
                case "scan" -> {
                    NgramScanner scanner = new NgramScanner(NgramConfig.DEFAULT);
                    for (Sample s : samples) {
                        scanner.scan(s.text());
                        work += scanner.distinctNgrams();
                        work += scanner.ngrams();
                    }
                }
                case "fit" -> {
                    long[] last = {cpu};
                    NgramVectorizer v = NgramVectorizer.fit(memory, labels, NgramConfig.DEFAULT, line -> {
                        long now = THREADS.getCurrentThreadCpuTime();
                        System.out.printf("  +%.3f s cpu: %s%n", (now - last[0]) / 1e9, line);
                        last[0] = now;
                    });
                    work = v.features();
                }
                case "transform" -> {
                    for (int from = 0; from < samples.size(); from += 256) {
                        List<Sample> batch = samples.subList(from, Math.min(samples.size(), from + 256));
                        SparseBatch b = fitted.vectorize(batch, new int[batch.size()]);
                        work += b.nonzeros();
                    }
                }
                default -> throw new IllegalArgumentException("unknown mode " + mode
                        + "; expected read, tokenize, preprocess, scan, fit or transform");
            }
            double cpuSeconds = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9;
            double wallSeconds = (System.nanoTime() - wall) / 1e9;
            System.out.printf("%s rep %d: %,d docs, %.3f s cpu (%,.0f docs/s), %.3f s wall (%,.0f docs/s), work %d%n",
                    mode, rep, docs, cpuSeconds, docs / cpuSeconds, wallSeconds, docs / wallSeconds, work);
        }
    }

    static List<Sample> load(SampleSource source, int limit) throws IOException {
        List<Sample> samples = new ArrayList<>();
        try (SampleReader reader = source.open()) {
            for (Sample s = reader.next(); s != null && samples.size() < limit; s = reader.next()) {
                samples.add(s);
            }
        }
        return samples;
    }

    /** IMDB texts held in memory, so that the text stages are measured without the reading. */
    static final class MemorySource implements SampleSource {
        private final List<Sample> samples;

        MemorySource(List<Sample> samples) {
            this.samples = samples;
        }

        @Override
        public SampleReader open() {
            ReadStats stats = new ReadStats();
            return new SampleReader() {
                private int next;

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
            return "imdb train in memory";
        }
    }
}
