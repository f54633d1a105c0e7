package org.textclf.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.textclf.batch.SparseBatch;
import org.textclf.data.Labels;
import org.textclf.data.Sample;
import org.textclf.data.SourceOptions;
import org.textclf.data.Sources;
import org.textclf.text.NgramConfig;
import org.textclf.text.NgramScanner;
import org.textclf.text.NgramVectorizer;
import org.textclf.text.Tokenizer;

/**
 * {@code mvn -o -q -B -pl textclf-bench -am package -DskipTests && java -jar textclf-bench/target/benchmarks.jar
 * TextBenchmark}: per-document throughput (documents/s, one thread) of the n-gram pipeline's stages on the first
 * {@value #DOCS} reviews of IMDB train ({@code $TEXTCLF_DATA/imdb/train.csv.gz}), held in memory.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TextBenchmark {
    static final int DOCS = 2048;

    private List<Sample> samples;
    private NgramScanner scanner;
    private NgramVectorizer vectorizer;
    private int[] labels;

    @Setup
    public void setUp() throws IOException {
        Path file = Path.of(System.getenv().getOrDefault("TEXTCLF_DATA", "/work/shared/data"), "imdb/train.csv.gz");
        TextPasses.MemorySource all = new TextPasses.MemorySource(
                TextPasses.load(Sources.open(file, SourceOptions.DEFAULTS), Integer.MAX_VALUE));
        samples = TextPasses.load(all, DOCS);
        scanner = new NgramScanner(NgramConfig.DEFAULT);
        vectorizer = NgramVectorizer.fit(all, Labels.of(List.of("1", "2")), NgramConfig.DEFAULT, line -> { });
        labels = new int[256];
    }

    @Benchmark
    @OperationsPerInvocation(DOCS)
    public void tokenize(Blackhole bh) {
        Tokenizer.SpanSink sink = (text, start, end) -> bh.consume(end);
        for (Sample s : samples) {
            Tokenizer.DEFAULT.tokenizeSpans(s.text(), sink);
        }
    }

    @Benchmark
    @OperationsPerInvocation(DOCS)
    public void scan(Blackhole bh) {
        for (Sample s : samples) {
            scanner.scan(s.text());
            bh.consume(scanner.distinctNgrams());
        }
    }

    @Benchmark
    @OperationsPerInvocation(DOCS)
    public void transform(Blackhole bh) {
        for (int from = 0; from < DOCS; from += 256) {
            SparseBatch b = vectorizer.vectorize(samples.subList(from, from + 256), labels);
            bh.consume(b);
        }
    }
}
