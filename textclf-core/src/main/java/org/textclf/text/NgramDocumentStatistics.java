package org.textclf.text;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.function.Consumer;
import org.textclf.data.Labels;
import org.textclf.data.Sample;
import org.textclf.data.SampleReader;
import org.textclf.data.SampleSource;
import org.textclf.io.HeapShare;

/**
 * The n-gram fit's first-pass statistics over one partition of a corpus, or over several merged: how many documents
 * hold each n-gram (by its 64-bit hash), the document count, the labels, and how much counting had to prune. A value:
 * immutable once made, safe to share. {@link #vocabulary} finishes it (min_df, idf) into what the second pass needs.
 *
 * <p><b>Merging</b> is exact: the merged document frequencies are the sums of the parts', so that partitions that
 * were counted without pruning merge into exactly the statistics of one pass over the whole corpus. Partitions are
 * numbered in corpus order (0, 1, ...): the vocabulary's feature ids follow the order in which one pass over the
 * partitions in that order would meet the n-grams, so that the merged vectorizer equals, byte for byte, the one
 * fitted on the partitions concatenated. {@link #merge} is commutative and associative; merging statistics that
 * share a partition is refused.
 *
 * <p><b>Pruning.</b> A partition with more distinct n-grams than {@code candidateBudgetBytes} holds prunes the
 * rarest (see {@link NgramVectorizer#fit}); its counts may then be low by up to its
 * {@link #maxDocumentFrequencyUndercount()}. Merging adds these bounds: a merged count is low by at most the sum of
 * the parts' undercounts, which the vectorizer's {@link FitReport} shows. Merging itself never prunes: the merged
 * table holds every n-gram of its parts, so it may grow past one budget (at most to the sum of the parts').
 *
 * <p>Memory: the table, 12 bytes per slot within the budget, plus 8 bytes per slot for the order stamps.
 */
public final class NgramDocumentStatistics {
    private static final String WHAT = "n-gram document statistics";
    private static final int MAGIC = 0x54434446; // "TCDF"
    /** The first int after the magic number in {@link #write}'s format. */
    public static final int FORMAT_VERSION = 3;

    private final NgramConfig config;
    private final Partitions partitions;
    private final FitLabels labels;
    private final long documents;
    private final int prunings;
    private final long pruned;
    private final int largestThreshold;
    private final long maxUndercount;
    /** Entries in vocabulary order; a key of 0 is an empty slot. Never changed after construction. */
    private final long[] keys;
    private final int[] counts;
    private final long[] stamps;
    private final int size;
    private final long nanos;

    private NgramDocumentStatistics(NgramConfig config, Partitions partitions, FitLabels labels, long documents,
            int prunings, long pruned, int largestThreshold, long maxUndercount, long[] keys, int[] counts,
            long[] stamps, int size, long nanos) {
        this.config = config;
        this.partitions = partitions;
        this.labels = labels;
        this.documents = documents;
        this.prunings = prunings;
        this.pruned = pruned;
        this.largestThreshold = largestThreshold;
        this.maxUndercount = maxUndercount;
        this.keys = keys;
        this.counts = counts;
        this.stamps = stamps;
        this.size = size;
        this.nanos = nanos;
    }

    /**
     * Counts partition {@code partition} of a corpus: one pass over {@code source}, read ahead on a thread of its own.
     *
     * @param labels the classes, checked for every sample; or null to collect them from the samples
     * @param partition this partition's number in corpus order, 0 to {@value DocumentFrequencies#MAX_PARTITION};
     *     0 for a whole corpus
     * @param log receives a line each time rare n-grams are pruned to stay in budget
     * @throws org.textclf.data.BadRecordException when a sample's label is empty or not one of {@code labels}
     * @throws IOException when reading fails, or {@code labels} is null and there are more than
     *     {@link Labels#MAX_CLASSES} distinct labels
     */
    public static NgramDocumentStatistics of(NgramConfig config, Labels labels, int partition, SampleSource source,
            Consumer<String> log) throws IOException {
        return count(config, labels, partition, source, true, FirstPass.NONE, log);
    }

    /** As {@link #of(NgramConfig, Labels, int, SampleSource, Consumer)}, over the samples of an iterator. */
    public static NgramDocumentStatistics of(NgramConfig config, Labels labels, int partition,
            Iterator<Sample> samples, Consumer<String> log) throws IOException {
        try (SampleReader reader = new IteratorReader(samples)) {
            return count(config, labels, Partitions.of(partition, "partition " + partition), reader,
                    FirstPass.NONE, log);
        }
    }

    static NgramDocumentStatistics count(NgramConfig config, Labels labels, int partition, SampleSource source,
            boolean readAhead, FirstPass firstPass, Consumer<String> log) throws IOException {
        Partitions part = Partitions.of(partition, source.name());
        try (SampleReader reader = readAhead ? ReadAhead.open(source) : source.open()) {
            return count(config, labels, part, reader, firstPass, log);
        }
    }

    /**
     * The pass. Labels are checked here too, so that a bad one stops the fit early, or collected when none were
     * given, which saves a pass of its own.
     */
    private static NgramDocumentStatistics count(NgramConfig config, Labels labels, Partitions partition,
            SampleReader reader, FirstPass firstPass, Consumer<String> log) throws IOException {
        long start = System.nanoTime();
        String name = partition.firstName();
        NgramScanner scanner = new NgramScanner(config);
        HeapShare.check("candidateBudgetBytes", config.candidateBudgetBytes()); // before the table fills up to it
        DocumentFrequencies frequencies = new DocumentFrequencies(config.candidateBudgetBytes(), log,
                partition.ids()[0], false);
        Labels.Collector collected = labels == null ? new Labels.Collector(name) : null;
        long documents = 0;
        for (Sample s = reader.next(); s != null; s = reader.next()) {
            if (collected == null) {
                labels.idOf(s, name);
            } else {
                collected.add(s);
            }
            firstPass.sample(s);
            scanner.scan(s.text());
            TermCounts terms = scanner.countTerms();
            frequencies.addDistinct(terms.keys(), terms.size());
            documents++;
        }
        return new NgramDocumentStatistics(config, partition,
                collected == null ? FitLabels.given(labels) : FitLabels.collected(collected), documents,
                frequencies.prunings(), frequencies.pruned(), frequencies.largestThreshold(),
                frequencies.maxUndercount(), frequencies.slotKeys(), frequencies.slotCounts(),
                frequencies.slotStamps(), frequencies.size(), System.nanoTime() - start);
    }

    /**
     * The statistics of both parts together; neither is changed.
     *
     * @throws IllegalArgumentException when the configs or the given labels differ, one was given labels and the
     *     other collected them, both cover a partition, or together they have more than {@link Labels#MAX_CLASSES}
     *     labels
     */
    public NgramDocumentStatistics merge(NgramDocumentStatistics other) {
        if (!config.equals(other.config)) {
            throw new IllegalArgumentException("cannot merge n-gram statistics of different configs: " + config
                    + " and " + other.config);
        }
        Partitions merged = partitions.merge(other.partitions);
        FitLabels mergedLabels = labels.merge(other.labels);
        // Replay the parts' insertions in stamp order (partition, then order of insertion there): the table then
        // lays its keys out as one pass over the partitions in order would have, which makes the vocabulary's ids.
        DocumentFrequencies table = new DocumentFrequencies(config.candidateBudgetBytes(), line -> { }, 0, true);
        int[] a = slotsByStamp();
        int[] b = other.slotsByStamp();
        for (int i = 0, j = 0; i < a.length || j < b.length; ) {
            if (j == b.length || i < a.length && stamps[a[i]] < other.stamps[b[j]]) {
                table.add(keys[a[i]], counts[a[i]], stamps[a[i++]]);
            } else {
                table.add(other.keys[b[j]], other.counts[b[j]], other.stamps[b[j++]]);
            }
        }
        return new NgramDocumentStatistics(config, merged, mergedLabels, documents + other.documents,
                prunings + other.prunings, pruned + other.pruned, Math.max(largestThreshold, other.largestThreshold),
                maxUndercount + other.maxUndercount, table.slotKeys(), table.slotCounts(), table.slotStamps(),
                table.size(), nanos + other.nanos);
    }

    /** The slots that hold an entry, by ascending stamp: a radix sort, 16 bits a pass, of the stamps. */
    private int[] slotsByStamp() {
        int[] slots = new int[size];
        long[] byStamp = new long[size];
        int n = 0;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != 0) {
                slots[n] = i;
                byStamp[n++] = stamps[i];
            }
        }
        int[] otherSlots = new int[n];
        long[] otherStamps = new long[n];
        int[] start = new int[1 << 16];
        for (int shift = 0; shift < 64; shift += 16) {
            Arrays.fill(start, 0);
            for (int i = 0; i < n; i++) {
                start[(int) (byStamp[i] >>> shift) & 0xFFFF]++;
            }
            if (start[(int) (byStamp.length == 0 ? 0 : byStamp[0] >>> shift) & 0xFFFF] == n) {
                continue; // every stamp has the same digit here
            }
            for (int d = 0, sum = 0; d < start.length; d++) {
                int c = start[d];
                start[d] = sum;
                sum += c;
            }
            for (int i = 0; i < n; i++) {
                int d = (int) (byStamp[i] >>> shift) & 0xFFFF;
                otherSlots[start[d]] = slots[i];
                otherStamps[start[d]++] = byStamp[i];
            }
            int[] s = slots;
            slots = otherSlots;
            otherSlots = s;
            long[] t = byStamp;
            byStamp = otherStamps;
            otherStamps = t;
        }
        return slots;
    }

    /**
     * Finishes the pass: the n-grams in at least {@code minDocumentFrequency} documents and their idf
     * ({@code ln((1 + n) / (1 + df)) + 1}), with the labels, which the second pass needs.
     *
     * @param log receives one line, the pass's counts
     * @throws IOException when there are no documents, or no n-gram is frequent enough
     */
    public NgramVocabulary vocabulary(Consumer<String> log) throws IOException {
        long start = System.nanoTime();
        String name = partitions.name();
        if (documents == 0) {
            throw new IOException(name + ": no samples to fit the n-gram vectorizer on");
        }
        int minimum = config.minDocumentFrequency();
        int vocabulary = 0;
        for (int i = 0; i < keys.length; i++) {
            vocabulary += keys[i] != 0 && counts[i] >= minimum ? 1 : 0;
        }
        if (vocabulary == 0) {
            throw new IOException(name + ": no n-gram occurs in at least minDocumentFrequency = " + minimum
                    + " of the " + documents + " documents; lower it");
        }
        long[] kept = new long[vocabulary];
        float[] idf = new float[vocabulary];
        for (int i = 0, n = 0; i < keys.length; i++) {
            if (keys[i] != 0 && counts[i] >= minimum) {
                kept[n] = keys[i];
                idf[n++] = (float) (Math.log((1.0 + documents) / (1.0 + counts[i])) + 1.0);
            }
        }
        log.accept(String.format("pass 1: %,d documents, %,d distinct n-grams counted, %,d in at least %d documents",
                documents, (long) size, vocabulary, minimum));
        return new NgramVocabulary(config, labels.labels(), partitions.name(), documents, size, prunings, pruned,
                largestThreshold, maxUndercount, kept, idf, nanos + System.nanoTime() - start);
    }

    public NgramConfig config() {
        return config;
    }

    /** Documents counted. */
    public long documents() {
        return documents;
    }

    /** Distinct n-grams in the table. */
    public int ngrams() {
        return size;
    }

    /**
     * The document frequency counted for {@code ngram} (tokens joined by one space), 0 when absent. A scan of the
     * whole table: for inspection and tests, not for loops.
     */
    public int documentFrequency(String ngram) {
        long key = NgramScanner.hash(ngram);
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] == key) {
                return counts[i];
            }
        }
        return 0;
    }

    /** Whether every count is exact: nothing was pruned in any partition. */
    public boolean exact() {
        return prunings == 0;
    }

    /** How much lower than the truth a document frequency may be: the sum of the partitions' bounds. */
    public long maxDocumentFrequencyUndercount() {
        return maxUndercount;
    }

    /**
     * Writes these statistics (big-endian, as {@link DataOutput} writes):
     * <pre>
     * int    magic 0x54434446 ("TCDF"), int FORMAT_VERSION (3)
     * config: int ngramMin, int ngramMax, int minDocumentFrequency, int topK, long candidateBudgetBytes,
     *        boolean sublinearTf, byte tokenPattern's code
     * partitions: the first one's source name (int byte length, UTF-8), int P, P ints ascending
     * labels: boolean given; given: int C, C times (label, display name); else int C, C labels sorted
     * long documents, int prunings, long prunedNgrams, int largestPruneThreshold, long maxUndercount, long nanos
     * int    N; then N times, in vocabulary order: long hash, int document frequency, long stamp
     * </pre>
     */
    public void write(DataOutput out) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(FORMAT_VERSION);
        config.write(out);
        partitions.write(out);
        labels.write(out);
        out.writeLong(documents);
        out.writeInt(prunings);
        out.writeLong(pruned);
        out.writeInt(largestThreshold);
        out.writeLong(maxUndercount);
        out.writeLong(nanos);
        out.writeInt(size);
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != 0) {
                out.writeLong(keys[i]);
                out.writeInt(counts[i]);
                out.writeLong(stamps[i]);
            }
        }
    }

    /**
     * Reads what {@link #write} wrote.
     *
     * @throws IOException naming the field when the input is malformed or truncated
     */
    public static NgramDocumentStatistics read(DataInput in) throws IOException {
        try {
            StatisticsIO.header(in, WHAT, MAGIC, FORMAT_VERSION);
            NgramConfig config = NgramConfig.read(in, NgramConfig.LAYOUT, WHAT);
            Partitions partitions = Partitions.read(in, WHAT);
            FitLabels labels = FitLabels.read(in, WHAT);
            long documents = StatisticsIO.longCount(in, WHAT, "document count", 0, Long.MAX_VALUE);
            int prunings = StatisticsIO.count(in, WHAT, "pruning count", 0, Integer.MAX_VALUE);
            long pruned = StatisticsIO.longCount(in, WHAT, "pruned count", 0, Long.MAX_VALUE);
            int largest = StatisticsIO.count(in, WHAT, "largest prune threshold", 0, Integer.MAX_VALUE);
            long undercount = StatisticsIO.longCount(in, WHAT, "undercount", 0, Long.MAX_VALUE);
            long nanos = StatisticsIO.longCount(in, WHAT, "time", 0, Long.MAX_VALUE);
            int n = StatisticsIO.count(in, WHAT, "n-gram count", 0, Integer.MAX_VALUE - 8);
            // Grown as entries arrive, so that a count the input cannot back allocates nothing.
            int room = Math.min(n, 1 << 16);
            long[] keys = new long[room];
            int[] counts = new int[room];
            long[] stamps = new long[room];
            for (int i = 0; i < n; i++) {
                if (i == keys.length) {
                    room = (int) Math.min(n, 2L * room);
                    keys = Arrays.copyOf(keys, room);
                    counts = Arrays.copyOf(counts, room);
                    stamps = Arrays.copyOf(stamps, room);
                }
                keys[i] = in.readLong();
                if (keys[i] == 0) {
                    throw new IOException(WHAT + ": bad hash of entry " + i + "; expected a nonzero hash, found 0");
                }
                counts[i] = StatisticsIO.count(in, WHAT, "document frequency of entry " + i, 1,
                        Math.min(documents, Integer.MAX_VALUE));
                stamps[i] = in.readLong();
                if (stamps[i] < 0 || Arrays.binarySearch(partitions.ids(),
                        (int) (stamps[i] >>> DocumentFrequencies.ORDINAL_BITS)) < 0) {
                    throw new IOException(WHAT + ": bad stamp of entry " + i + "; expected one of partitions "
                            + Arrays.toString(partitions.ids()) + ", found " + stamps[i]);
                }
            }
            checkDistinct(keys, "hashes");
            checkDistinct(stamps, "stamps");
            return new NgramDocumentStatistics(config, partitions, labels, documents, prunings, pruned, largest,
                    undercount, keys, counts, stamps, n, nanos);
        } catch (EOFException e) {
            throw new IOException(WHAT + ": truncated input; expected more bytes", e);
        }
    }

    private static void checkDistinct(long[] values, String what) throws IOException {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] == sorted[i - 1] && sorted[i] != 0) {
                throw new IOException(WHAT + ": bad entries; expected distinct " + what + "es, found " + sorted[i]
                        + " twice");
            }
        }
    }

    @Override
    public String toString() {
        return "NgramDocumentStatistics[" + partitions.name() + ", documents=" + documents + ", ngrams=" + size
                + ", exact=" + exact() + "]";
    }
}
