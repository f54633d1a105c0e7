package org.textclf.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.textclf.api.TextClassifier;

/**
 * {@code java -cp textclf-bench/target/benchmarks.jar org.textclf.bench.PredictThroughput MODEL DATA [--texts N]
 * [--seconds S] [--warmup S]}: the in-process figure that {@code bench/serve} sets the HTTP server against. Loads
 * MODEL, takes the first N (default {@value RequestBodies#DEFAULT_TEXTS}) texts of DATA (the texts
 * {@link RequestBodies} writes into the request bodies), warms up for S seconds (default {@value #DEFAULT_WARMUP}),
 * then times {@link TextClassifier#predict(String)} on one text at a time and {@link TextClassifier#predict(List)}
 * on {@value RequestBodies#BATCH}-text batches, called by one thread and by two at once (the machine's two cores,
 * which the server has too). Wall clock, rounds of one second for S seconds (default {@value #DEFAULT_SECONDS});
 * prints one line per figure, {@code single threads=1 texts/s=1234.5 ...}: the best round, since on a machine shared
 * with other work the neighbours only ever slow a round down (at load 6 on two cores the rounds of one figure spread
 * over 2x), then the median and the worst.
 */
public final class PredictThroughput {
    static final int DEFAULT_SECONDS = 5;
    static final int DEFAULT_WARMUP = 5;
    private static final long ROUND_NANOS = 1_000_000_000L;
    /** Written by every call so that the JIT cannot drop the predictions. */
    private static volatile int sink;

    private PredictThroughput() {
    }

    /** One call's work: predicts for the texts of {@code index} (modulo the set) and says how many it did. */
    private interface Call {
        int run(int index);
    }

    public static void main(String[] args) throws Exception {
        ScriptMain.run("PredictThroughput", args, PredictThroughput::run);
    }

    private static void run(String[] args) throws IOException, InterruptedException, ExecutionException {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: PredictThroughput MODEL DATA [--texts N] [--seconds S]"
                    + " [--warmup S]");
        }
        int limit = RequestBodies.DEFAULT_TEXTS;
        int seconds = DEFAULT_SECONDS;
        int warmup = DEFAULT_WARMUP;
        for (int i = 2; i < args.length; i += 2) {
            switch (args[i]) {
                case "--texts" -> limit = TestTexts.positiveOption(args, i);
                case "--seconds" -> seconds = TestTexts.positiveOption(args, i);
                case "--warmup" -> warmup = TestTexts.positiveOption(args, i);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; expected --texts N, --seconds S or --warmup S");
            }
        }
        TextClassifier classifier = TextClassifier.load(Path.of(args[0]));
        List<String> texts = TestTexts.load(Path.of(args[1]), limit, RequestBodies.BATCH);
        List<List<String>> batches = new ArrayList<>();
        for (int from = 0; from + RequestBodies.BATCH <= texts.size(); from += RequestBodies.BATCH) {
            batches.add(texts.subList(from, from + RequestBodies.BATCH));
        }
        System.out.printf("%s (%s, %d classes): %d texts of %s, %d %d-text batches%n", args[0], classifier.model(),
                classifier.classNames().size(), texts.size(), args[1], batches.size(), RequestBodies.BATCH);
        Call single = i -> {
            sink = classifier.predict(texts.get(i % texts.size())).classId();
            return 1;
        };
        Call batch = i -> {
            sink = classifier.predict(batches.get(i % batches.size())).get(0).classId();
            return RequestBodies.BATCH;
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // Both paths and both thread counts before any figure, so that no figure pays for compiling another's code.
            long warmupEnd = System.nanoTime() + warmup * ROUND_NANOS;
            while (System.nanoTime() < warmupEnd) {
                round(pool, single, 1);
                round(pool, batch, 2);
            }
            report("single", 1, measure(pool, single, 1, seconds));
            report("single", 2, measure(pool, single, 2, seconds));
            report("batch" + RequestBodies.BATCH, 1, measure(pool, batch, 1, seconds));
            report("batch" + RequestBodies.BATCH, 2, measure(pool, batch, 2, seconds));
        } finally {
            pool.shutdownNow();
        }
    }

    private static double[] measure(ExecutorService pool, Call call, int threads, int rounds)
            throws InterruptedException, ExecutionException {
        double[] perSecond = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            perSecond[r] = round(pool, call, threads);
        }
        Arrays.sort(perSecond);
        return perSecond;
    }

    /** Texts per second of {@code threads} threads calling {@code call} for one round, each from its own index. */
    private static double round(ExecutorService pool, Call call, int threads)
            throws InterruptedException, ExecutionException {
        long start = System.nanoTime();
        long deadline = start + ROUND_NANOS;
        List<Future<Long>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t * 7919;  // a prime: the threads work on different texts
            done.add(pool.submit(() -> {
                long texts = 0;
                for (int i = first; System.nanoTime() < deadline; i++) {
                    texts += call.run(i);
                }
                return texts;
            }));
        }
        long texts = 0;
        for (Future<Long> f : done) {
            texts += f.get();
        }
        return texts * 1e9 / (System.nanoTime() - start);
    }

    private static void report(String mode, int threads, double[] perSecond) {
        System.out.printf("%s threads=%d texts/s=%.1f (best of %d rounds of 1 s; median %.1f, worst %.1f)%n", mode,
                threads, perSecond[perSecond.length - 1], perSecond.length, perSecond[perSecond.length / 2],
                perSecond[0]);
    }
}
