package org.textclf.text;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.textclf.batch.RowSink;
import org.textclf.data.Labels;
import org.textclf.data.Sample;
import org.textclf.data.SampleReader;
import org.textclf.data.SampleSource;

/**
 * Fits an {@link NgramVectorizer} in two streaming passes, holding per n-gram only hashes and numbers:
 * <ol>
 *   <li>document frequencies of all n-grams, within the candidate budget (see {@link DocumentFrequencies}), and
 *       the labels when none were given;</li>
 *   <li>with idf known, per-class sums and the overall sum of squares of each vocabulary feature's tf-idf values,
 *       from which {@link AnovaF} scores and {@link KBest} selects. Each feature's name is written to a temp file
 *       when the pass first meets it, so that the selected ones are named by reading that file back rather than
 *       the corpus; and each document's tf-idf row can be written to an {@link RowSink}, from which the
 *       training cache is then built without vectorizing the text again ({@link NgramVectorizer#examples}).</li>
 * </ol>
 * Memory: the candidate table (at most {@code candidateBudgetBytes}), then per vocabulary n-gram a 64-bit hash, a
 * float idf, {@code 8 * (classes + 1)} bytes of sums and a bit (named yet), then the selected names.
 */
final class NgramFit {
    private final SampleSource source;
    /** The classes: given, or collected in pass 1 when null was given. */
    private Labels labels;
    private final NgramConfig config;
    private final Consumer<String> log;
    private final NgramScanner scanner;
    private final FirstPass firstPass;
    /** Where pass 2 writes each document's tf-idf row over the vocabulary; null for nowhere. */
    private final RowSink rows;
    /** Where the names go between pass 2 and the selection; null for the system temp folder. */
    private final Path tempDir;
    /** Whether each pass reads on a thread of its own ({@link ReadAhead}); off only to compare in tests. */
    private final boolean readAhead;
    private NgramFit(SampleSource source, Labels labels, NgramConfig config, Consumer<String> log,
            boolean readAhead, FirstPass firstPass, Path tempDir, RowSink rows) {
        this.source = source;
        this.tempDir = tempDir;
        this.rows = rows;
        this.firstPass = firstPass;
        this.readAhead = readAhead;
        this.labels = labels;
        this.config = config;
        this.log = log;
        this.scanner = new NgramScanner(config);
    }

    /**
     * The fitted vectorizer, or null when {@code firstPass} stopped the fit after its first pass.
     *
     * @param tempDir where the names go between the passes; null for the system temp folder
     * @param rows where to write each document's tf-idf row over the vocabulary, in the source's order; or null
     */
    static NgramVectorizer fit(SampleSource source, Labels labels, NgramConfig config, Consumer<String> log,
            FirstPass firstPass, Path tempDir, RowSink rows) throws IOException {
        return new NgramFit(source, labels, config, log, true, firstPass, tempDir, rows).run();
    }

    /** As {@link #fit}, reading on the fit's own thread when {@code readAhead} is false. */
    static NgramVectorizer fit(SampleSource source, Labels labels, NgramConfig config, Consumer<String> log,
            boolean readAhead) throws IOException {
        return new NgramFit(source, labels, config, log, readAhead, FirstPass.NONE, null, null).run();
    }

    /** Starts a pass. With read-ahead, reading overlaps scanning; the samples and their order are the same. */
    private SampleReader open() throws IOException {
        return readAhead ? ReadAhead.open(source) : source.open();
    }

    private NgramVectorizer run() throws IOException {
        long start = System.nanoTime();

        // Pass 1: document frequencies. Labels are checked here too, so that a bad one stops us early, or collected
        // when none were given, which saves a pass of its own.
        DocumentFrequencies frequencies = new DocumentFrequencies(config.candidateBudgetBytes(), log);
        long documents = 0;
        Labels.Collector collected = labels == null ? new Labels.Collector(source.name()) : null;
        try (SampleReader reader = open()) {
            for (Sample s = reader.next(); s != null; s = reader.next()) {
                if (collected == null) {
                    labels.idOf(s, source.name());
                } else {
                    collected.add(s);
                }
                firstPass.sample(s);
                scanner.scan(s.text());
                TermCounts terms = scanner.countTerms();
                frequencies.addDistinct(terms.keys(), terms.size());
                documents++;
            }
        }
        if (!firstPass.proceed()) {
            return null;
        }
        if (documents == 0) {
            throw new IOException(source.name() + ": no samples to fit the n-gram vectorizer on");
        }
        if (collected != null) {
            labels = collected.labels();
        }
        int vocabulary = frequencies.countAtLeast(config.minDocumentFrequency());
        if (vocabulary == 0) {
            throw new IOException(source.name() + ": no n-gram occurs in at least minDocumentFrequency = "
                    + config.minDocumentFrequency() + " of the " + documents + " documents; lower it");
        }
        long[] keys = new long[vocabulary];
        int[] df = new int[vocabulary];
        frequencies.copyAtLeast(config.minDocumentFrequency(), keys, df);
        long candidates = frequencies.size();
        int prunings = frequencies.prunings();
        long pruned = frequencies.pruned();
        int largestThreshold = frequencies.largestThreshold();
        long undercount = frequencies.maxUndercount();
        frequencies = null; // the largest structure of the fit; let it go before pass 2 allocates
        log.accept(String.format("pass 1: %,d documents, %,d distinct n-grams counted, %,d in at least %d documents",
                documents, candidates, vocabulary, config.minDocumentFrequency()));

        float[] idf = new float[vocabulary];
        for (int i = 0; i < vocabulary; i++) {
            idf[i] = (float) (Math.log((1.0 + documents) / (1.0 + df[i])) + 1.0);
        }
        df = null;
        FeatureTable table = new FeatureTable(keys, idf);

        // Pass 2: what f_classif needs, the names (written once per feature, at its first occurrence), the rows.
        double[][] classSums = new double[labels.size()][vocabulary];
        double[] sumSquares = new double[vocabulary];
        long[] classCounts = new long[labels.size()];
        long[] named = new long[(vocabulary + 63) >>> 6];
        TfidfRow row = new TfidfRow(scanner, table);
        long seen = 0;
        Named selected;
        double[] scores;
        KBest best;
        int classes = 0;
        try (NameFile names = new NameFile(tempDir)) {
            try (SampleReader reader = open()) {
                for (Sample s = reader.next(); s != null; s = reader.next()) {
                    int label = labels.idOf(s, source.name());
                    classCounts[label]++;
                    seen++;
                    row.compute(s.text());
                    double[] sums = classSums[label];
                    for (int j = 0, n = row.size(); j < n; j++) {
                        int id = row.id(j);
                        double v = row.value(j);
                        sums[id] += v;
                        sumSquares[id] += v * v;
                        if ((named[id >>> 6] & 1L << id) == 0) {
                            named[id >>> 6] |= 1L << id;
                            names.write(id, scanner.ngram(row.occurrence(j)));
                        }
                    }
                    if (rows != null) {
                        rows.write(label, row.ids(), row.values(), row.size());
                    }
                }
            }
            checkSameDocuments(documents, seen, 2);
            if (rows != null) {
                rows.finish();
            }
            scores = AnovaF.scores(classSums, sumSquares, classCounts);
            classSums = null;
            for (long c : classCounts) {
                classes += c > 0 ? 1 : 0;
            }
            best = KBest.select(scores, Math.min(config.topK(), vocabulary));
            log.accept(String.format("pass 2: ANOVA F of %,d features over %,d classes; %,d sure winners, %,d tied"
                    + " at the cut", vocabulary, classes, best.winners().length, best.tied().length));
            selected = names(best, vocabulary, names);
        }
        int[] column = new int[vocabulary];
        Arrays.fill(column, -1);
        double lowest = Double.POSITIVE_INFINITY;
        for (int c = 0; c < selected.ids().length; c++) {
            column[selected.ids()[c]] = c;
            lowest = Math.min(lowest, scores[selected.ids()[c]]);
        }
        FitReport report = new FitReport(documents, classes, candidates, prunings, pruned, largestThreshold,
                undercount, vocabulary, selected.ids().length, lowest, (System.nanoTime() - start) / 1_000_000);
        log.accept(report.summary());
        return new NgramVectorizer(config, report, table, column, selected.names(), labels);
    }

    /** Feature ids and their names, in column order. */
    private record Named(int[] ids, String[] names) {
    }

    /**
     * Names the winners and the features tied at the cut from the names pass 2 wrote, keeps the tied ones with the
     * largest names, and returns the selected ids ordered by name (code point order, as Python sorts), which is
     * scikit-learn's column order.
     */
    private Named names(KBest best, int vocabulary, NameFile names) throws IOException {
        // wanted[id]: 1 for a winner, 2 for a tied candidate, 0 otherwise or once found
        byte[] wanted = new byte[vocabulary];
        for (int id : best.winners()) {
            wanted[id] = 1;
        }
        if (best.tiedWanted() > 0) {
            for (int id : best.tied()) {
                wanted[id] = 2;
            }
        }
        int remaining = best.winners().length + (best.tiedWanted() > 0 ? best.tied().length : 0);
        TreeMap<String, Integer> chosen = new TreeMap<>(NgramFit::compareCodePoints);
        TreeMap<String, Integer> tied = new TreeMap<>(NgramFit::compareCodePoints);
        try (NameFile.Reader reader = names.read()) {
            while (remaining > 0 && reader.next()) {
                int id = reader.id();
                if (id < 0 || id >= vocabulary || wanted[id] == 0) {
                    continue;
                }
                String name = reader.name();
                if (wanted[id] == 1) {
                    chosen.put(name, id);
                } else {
                    // Only the largest names among the tied can win: keep at most tiedWanted of them.
                    tied.put(name, id);
                    if (tied.size() > best.tiedWanted()) {
                        tied.pollFirstEntry();
                    }
                }
                wanted[id] = 0;
                remaining--;
            }
        }
        if (remaining > 0) {
            throw new IOException(source.name() + ": " + remaining + " selected n-grams were not named in the"
                    + " second pass; the source must give the same samples on every pass");
        }
        chosen.putAll(tied);
        int[] ids = new int[chosen.size()];
        String[] sorted = new String[chosen.size()];
        int c = 0;
        for (Map.Entry<String, Integer> e : chosen.entrySet()) {
            sorted[c] = e.getKey();
            ids[c++] = e.getValue();
        }
        return new Named(ids, sorted);
    }

    private void checkSameDocuments(long expected, long found, int pass) throws IOException {
        if (expected != found) {
            throw new IOException(source.name() + ": pass " + pass + " read " + found + " samples; expected "
                    + expected + " as in pass 1. The source must give the same samples on every pass");
        }
    }

    /** Python's string order: by code point, which differs from {@link String#compareTo} above U+FFFF. */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
