package org.textclf.text;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.textclf.data.Labels;
import org.textclf.data.Sample;
import org.textclf.data.SampleReader;
import org.textclf.data.SampleSource;

/**
 * Fits an {@link NgramVectorizer} in three streaming passes, holding per n-gram only hashes and numbers:
 * <ol>
 *   <li>document frequencies of all n-grams, within the candidate budget (see {@link DocumentFrequencies}), and
 *       the labels when none were given;</li>
 *   <li>with idf known, per-class sums and the overall sum of squares of each vocabulary feature's tf-idf values,
 *       from which {@link AnovaF} scores and {@link KBest} selects;</li>
 *   <li>the names of the selected features only (and of the features tied at the cut, to split the tie by name as
 *       scikit-learn does), scanning only the documents where one of them first occurs (noted in pass 2); the pass
 *       stops as soon as all are found.</li>
 * </ol>
 * Memory: the candidate table (at most {@code candidateBudgetBytes}), then per vocabulary n-gram a 64-bit hash, a
 * float idf, {@code 8 * (classes + 1)} bytes of sums and an int (its first document), then the selected names.
 */
final class NgramFit {
    private final SampleSource source;
    /** The classes: given, or collected in pass 1 when null was given. */
    private Labels labels;
    private final NgramConfig config;
    private final Consumer<String> log;
    private final NgramScanner scanner;
    private final FirstPass firstPass;
    /** Whether each pass reads on a thread of its own ({@link ReadAhead}); off only to compare in tests. */
    private final boolean readAhead;
    /** Keeps {@link FeatureTable#prefetch}'s loads alive. */
    private long touched;

    private NgramFit(SampleSource source, Labels labels, NgramConfig config, Consumer<String> log,
            boolean readAhead, FirstPass firstPass) {
        this.source = source;
        this.firstPass = firstPass;
        this.readAhead = readAhead;
        this.labels = labels;
        this.config = config;
        this.log = log;
        this.scanner = new NgramScanner(config);
    }

    /** The fitted vectorizer, or null when {@code firstPass} stopped the fit after its first pass. */
    static NgramVectorizer fit(SampleSource source, Labels labels, NgramConfig config, Consumer<String> log,
            FirstPass firstPass) throws IOException {
        return new NgramFit(source, labels, config, log, true, firstPass).run();
    }

    /** As {@link #fit}, reading on the fit's own thread when {@code readAhead} is false. */
    static NgramVectorizer fit(SampleSource source, Labels labels, NgramConfig config, Consumer<String> log,
            boolean readAhead) throws IOException {
        return new NgramFit(source, labels, config, log, readAhead, FirstPass.NONE).run();
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

        // Pass 2: what f_classif needs.
        double[][] classSums = new double[labels.size()][vocabulary];
        double[] sumSquares = new double[vocabulary];
        long[] classCounts = new long[labels.size()];
        // The first document holding each feature, so that pass 3 scans only the documents it needs.
        int[] firstDocument = new int[vocabulary];
        Arrays.fill(firstDocument, -1);
        TfidfRow row = new TfidfRow(scanner, table);
        long seen = 0;
        try (SampleReader reader = open()) {
            for (Sample s = reader.next(); s != null; s = reader.next()) {
                int label = labels.idOf(s, source.name());
                classCounts[label]++;
                int document = (int) Math.min(seen, Integer.MAX_VALUE); // beyond: pass 3 scans every document
                seen++;
                row.compute(s.text());
                double[] sums = classSums[label];
                for (int j = 0, n = row.size(); j < n; j++) {
                    int id = row.id(j);
                    double v = row.value(j);
                    sums[id] += v;
                    sumSquares[id] += v * v;
                    if (firstDocument[id] < 0) {
                        firstDocument[id] = document;
                    }
                }
            }
        }
        checkSameDocuments(documents, seen, 2);
        double[] scores = AnovaF.scores(classSums, sumSquares, classCounts);
        classSums = null;
        int classes = 0;
        for (long c : classCounts) {
            classes += c > 0 ? 1 : 0;
        }
        KBest best = KBest.select(scores, Math.min(config.topK(), vocabulary));
        log.accept(String.format("pass 2: ANOVA F of %,d features over %,d classes; %,d sure winners, %,d tied at"
                + " the cut", vocabulary, classes, best.winners().length, best.tied().length));

        // Pass 3: the selected features' names.
        Named selected = names(best, table, firstDocument);
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
     * Pass 3: finds the names of the winners and of the features tied at the cut, keeps the tied ones with the
     * largest names, and returns the selected ids ordered by name (code point order, as Python sorts), which is
     * scikit-learn's column order.
     */
    private Named names(KBest best, FeatureTable table, int[] firstDocument) throws IOException {
        int vocabulary = table.size();
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
        // The documents to scan, ascending: where a wanted feature first occurs. The rest cannot name anything new.
        int[] documents = new int[remaining];
        int d = 0;
        for (int id = 0; id < vocabulary; id++) {
            if (wanted[id] != 0) {
                documents[d++] = firstDocument[id];
            }
        }
        Arrays.sort(documents);
        int next = 0;
        long document = -1;
        TreeMap<String, Integer> chosen = new TreeMap<>(NgramFit::compareCodePoints);
        TreeMap<String, Integer> tied = new TreeMap<>(NgramFit::compareCodePoints);
        try (SampleReader reader = open()) {
            for (Sample s = reader.next(); s != null && remaining > 0; s = reader.next()) {
                document++;
                if (next < documents.length && document < documents[next]) {
                    continue;
                }
                while (next < documents.length && documents[next] <= document && documents[next] < Integer.MAX_VALUE) {
                    next++;
                }
                scanner.scan(s.text());
                touched += table.prefetch(scanner.hashes(), scanner.ngrams());
                for (int k = 0, n = scanner.ngrams(); k < n; k++) {
                    int id = table.id(scanner.hash(k));
                    if (id < 0 || wanted[id] == 0) {
                        continue;
                    }
                    String name = scanner.ngram(k);
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
        }
        if (remaining > 0) {
            throw new IOException(source.name() + ": " + remaining + " selected n-grams were not found again in"
                    + " the third pass; the source must give the same samples on every pass");
        }
        chosen.putAll(tied);
        int[] ids = new int[chosen.size()];
        String[] names = new String[chosen.size()];
        int c = 0;
        for (Map.Entry<String, Integer> e : chosen.entrySet()) {
            names[c] = e.getKey();
            ids[c++] = e.getValue();
        }
        return new Named(ids, names);
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
