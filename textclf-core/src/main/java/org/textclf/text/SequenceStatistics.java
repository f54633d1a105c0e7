package org.textclf.text;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.EOFException;
import java.io.IOException;
import java.util.Iterator;
import java.util.function.Consumer;
import org.textclf.data.Labels;
import org.textclf.data.Sample;
import org.textclf.data.SampleReader;
import org.textclf.data.SampleSource;
import org.textclf.io.HeapShare;

/**
 * The sequence vocabulary's statistics over one partition of a corpus, or over several merged: how often each word
 * occurs (Keras' {@code word_counts}), the document and token counts, the labels, and how much counting had to
 * prune. A value: immutable once made. {@link #vectorizer} finishes it into the {@link SequenceVectorizer} that keeps
 * the {@code maxWords} most frequent words (ties by word, in code point order).
 *
 * <p><b>Merging</b> is exact: the merged counts are the sums of the parts', so that partitions counted without
 * pruning merge into exactly the statistics of one pass over the whole corpus, and the vectorizer is the same byte
 * for byte (but for the fit's time), whatever the order of merging. {@link #merge} is commutative and associative;
 * merging statistics that share a partition is refused.
 *
 * <p><b>Pruning.</b> A partition with more distinct words than {@code countBudgetBytes} holds prunes the rarest
 * (see {@link SequenceVectorizer#fit}); its counts may then be low by up to its {@link #maxCountUndercount()}.
 * Merging adds these bounds, so a merged count is low by at most their sum, and the distinct words are known
 * within bounds: at least the largest of the parts' lower bounds and the merged table's size, at most that size
 * plus every part's words that may have been pruned. Merging itself never prunes: the merged table holds every word
 * of its parts, so it may grow past one budget.
 */
public final class SequenceStatistics {
    private static final String WHAT = "sequence statistics";
    private static final int MAGIC = 0x54435743; // "TCWC"
    /** The first int after the magic number in {@link #write}'s format. */
    public static final int FORMAT_VERSION = 1;
    /** The most distinct words a table holds. */
    private static final int MAX_WORDS = 1 << 29;

    private final SequenceConfig config;
    private final Partitions partitions;
    private final FitLabels labels;
    private final long documents;
    private final long tokens;
    private final long distinctAtLeast;
    /** How many more distinct words there may have been than the table holds: those pruned and not seen again. */
    private final long slack;
    private final int prunings;
    private final long pruned;
    private final long maxUndercount;
    private final long nanos;
    /** Never changed after construction. */
    private final WordCounts counts;

    private SequenceStatistics(SequenceConfig config, Partitions partitions, FitLabels labels, long documents,
            long tokens, long distinctAtLeast, long slack, int prunings, long pruned, long maxUndercount, long nanos,
            WordCounts counts) {
        this.config = config;
        this.partitions = partitions;
        this.labels = labels;
        this.documents = documents;
        this.tokens = tokens;
        this.distinctAtLeast = distinctAtLeast;
        this.slack = slack;
        this.prunings = prunings;
        this.pruned = pruned;
        this.maxUndercount = maxUndercount;
        this.nanos = nanos;
        this.counts = counts;
    }

    /**
     * Counts partition {@code partition} of a corpus: one pass over {@code source}, read ahead on a thread of its own.
     *
     * @param labels the classes, checked for every sample; or null to collect them from the samples
     * @param partition this partition's number, 0 to {@value DocumentFrequencies#MAX_PARTITION}; 0 for a whole corpus
     * @param log receives a line when rare words are first pruned to stay in budget
     * @throws org.textclf.data.BadRecordException when a sample's label is empty or not one of {@code labels}
     * @throws IOException when reading fails, or {@code labels} is null and there are more than
     *     {@link Labels#MAX_CLASSES} distinct labels
     */
    public static SequenceStatistics of(SequenceConfig config, Labels labels, int partition, SampleSource source,
            Consumer<String> log) throws IOException {
        try (SampleReader reader = ReadAhead.open(source)) {
            return count(config, labels, Partitions.of(partition, source.name()), reader, log);
        }
    }

    /** As {@link #of(SequenceConfig, Labels, int, SampleSource, Consumer)}, over the samples of an iterator. */
    public static SequenceStatistics of(SequenceConfig config, Labels labels, int partition, Iterator<Sample> samples,
            Consumer<String> log) throws IOException {
        try (SampleReader reader = new IteratorReader(samples)) {
            return count(config, labels, Partitions.of(partition, "partition " + partition), reader, log);
        }
    }

    private static SequenceStatistics count(SequenceConfig config, Labels labels, Partitions partition,
            SampleReader reader, Consumer<String> log) throws IOException {
        long start = System.nanoTime();
        String name = partition.firstName();
        HeapShare.check("countBudgetBytes", config.countBudgetBytes()); // before the table fills up to it
        WordCounts counts = new WordCounts(config.countBudgetBytes(), log);
        Labels.Collector collected = labels == null ? new Labels.Collector(name) : null;
        long documents = 0;
        for (Sample s = reader.next(); s != null; s = reader.next()) {
            if (collected == null) {
                labels.idOf(s, name);
            } else {
                collected.add(s);
            }
            SequenceTokenizer.tokenizeSpans(s.text(), counts::add);
            documents++;
        }
        return new SequenceStatistics(config, partition,
                collected == null ? FitLabels.given(labels) : FitLabels.collected(collected), documents,
                counts.occurrences(), counts.distinctAtLeast(), counts.distinctAtMost() - counts.size(),
                counts.prunings(), counts.pruned(), counts.maxUndercount(), System.nanoTime() - start, counts);
    }

    /**
     * The statistics of both parts together; neither is changed.
     *
     * @throws IllegalArgumentException when the configs or the given labels differ, one was given labels and the
     *     other collected them, or both cover a partition
     */
    public SequenceStatistics merge(SequenceStatistics other) {
        if (!config.equals(other.config)) {
            throw new IllegalArgumentException("cannot merge sequence statistics of different configs: " + config
                    + " and " + other.config);
        }
        Partitions merged = partitions.merge(other.partitions);
        FitLabels mergedLabels = labels.merge(other.labels);
        WordCounts table = WordCounts.merging(config.countBudgetBytes());
        try {
            counts.forEach(table::add);
            other.counts.forEach(table::add);
        } catch (IOException e) {
            throw new AssertionError("adding to a table does no I/O", e);
        }
        long atLeast = Math.max(Math.max(distinctAtLeast, other.distinctAtLeast), table.size());
        return new SequenceStatistics(config, merged, mergedLabels, documents + other.documents,
                tokens + other.tokens, atLeast, slack + other.slack, prunings + other.prunings, pruned + other.pruned,
                maxUndercount + other.maxUndercount, nanos + other.nanos, table);
    }

    /**
     * Finishes the fit: the {@code maxWords} most frequent words get ids from {@link SequenceVectorizer#FIRST_WORD}.
     *
     * @param log receives the summary line ({@link SequenceFitReport#summary()})
     * @throws IOException when there are no documents or no words
     */
    public SequenceVectorizer vectorizer(Consumer<String> log) throws IOException {
        long start = System.nanoTime();
        if (documents == 0) {
            throw new IOException(partitions.name() + ": no samples to fit the sequence vectorizer on");
        }
        if (counts.size() == 0) {
            throw new IOException(partitions.name() + ": no words in the " + documents + " documents; expected text"
                    + " with at least one word to build a vocabulary from");
        }
        String[] words = counts.top(config.maxWords());
        SequenceFitReport report = new SequenceFitReport(documents, tokens, distinctAtLeast, counts.size() + slack,
                words.length, prunings, pruned, maxUndercount, (nanos + System.nanoTime() - start) / 1_000_000);
        log.accept(report.summary());
        return new SequenceVectorizer(config, report, words, labels.labels());
    }

    public SequenceConfig config() {
        return config;
    }

    /** Documents counted. */
    public long documents() {
        return documents;
    }

    /** How often {@code word} was counted, 0 when absent. */
    public long count(String word) {
        return counts.count(word);
    }

    /** Whether every count is exact: nothing was pruned in any partition. */
    public boolean exact() {
        return prunings == 0;
    }

    /** How much lower than the truth a word's count may be: the sum of the partitions' bounds. */
    public long maxCountUndercount() {
        return maxUndercount;
    }

    /**
     * Writes these statistics (big-endian, as {@link DataOutput} writes):
     * <pre>
     * int    magic 0x54435743 ("TCWC"), int FORMAT_VERSION (1)
     * config: int maxWords, int maxLength, long countBudgetBytes
     * partitions: the first one's source name (int byte length, UTF-8), int P, P ints ascending
     * labels: boolean given; given: int C, C times (label, display name); else int C, C labels sorted
     * long documents, long tokens, long distinctAtLeast, long slack, int prunings, long prunedWords,
     * long maxCountUndercount, long nanos
     * int    N; then N times: the word (int byte length, UTF-8), long count
     * </pre>
     */
    public void write(DataOutput out) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(FORMAT_VERSION);
        out.writeInt(config.maxWords());
        out.writeInt(config.maxLength());
        out.writeLong(config.countBudgetBytes());
        partitions.write(out);
        labels.write(out);
        out.writeLong(documents);
        out.writeLong(tokens);
        out.writeLong(distinctAtLeast);
        out.writeLong(slack);
        out.writeInt(prunings);
        out.writeLong(pruned);
        out.writeLong(maxUndercount);
        out.writeLong(nanos);
        out.writeInt(counts.size());
        counts.forEach((word, count) -> {
            StatisticsIO.writeString(out, word);
            out.writeLong(count);
        });
    }

    /**
     * Reads what {@link #write} wrote.
     *
     * @throws IOException naming the field when the input is malformed or truncated
     */
    public static SequenceStatistics read(DataInput in) throws IOException {
        try {
            StatisticsIO.header(in, WHAT, MAGIC, FORMAT_VERSION);
            SequenceConfig config;
            try {
                config = new SequenceConfig(in.readInt(), in.readInt(), in.readLong());
            } catch (IllegalArgumentException e) {
                throw new IOException(WHAT + ": bad config: " + e.getMessage(), e);
            }
            Partitions partitions = Partitions.read(in, WHAT);
            FitLabels labels = FitLabels.read(in, WHAT);
            long documents = StatisticsIO.longCount(in, WHAT, "document count", 0, Long.MAX_VALUE);
            long tokens = StatisticsIO.longCount(in, WHAT, "token count", 0, Long.MAX_VALUE);
            long atLeast = StatisticsIO.longCount(in, WHAT, "distinct words at least", 0, Long.MAX_VALUE);
            long slack = StatisticsIO.longCount(in, WHAT, "distinct words slack", 0, Long.MAX_VALUE);
            int prunings = StatisticsIO.count(in, WHAT, "pruning count", 0, Integer.MAX_VALUE);
            long pruned = StatisticsIO.longCount(in, WHAT, "pruned count", 0, Long.MAX_VALUE);
            long undercount = StatisticsIO.longCount(in, WHAT, "undercount", 0, Long.MAX_VALUE);
            long nanos = StatisticsIO.longCount(in, WHAT, "time", 0, Long.MAX_VALUE);
            int n = StatisticsIO.count(in, WHAT, "word count", 0, MAX_WORDS);
            WordCounts counts = WordCounts.merging(config.countBudgetBytes());
            long total = 0;
            for (int i = 0; i < n; i++) {
                String word = StatisticsIO.readString(in, WHAT, "word", 1);
                long count = StatisticsIO.longCount(in, WHAT, "count of word " + i, 1, tokens - total);
                total += count;
                counts.add(word, count);
                if (counts.size() != i + 1) {
                    throw new IOException(WHAT + ": bad words; expected distinct words, found '" + word + "' twice");
                }
            }
            return new SequenceStatistics(config, partitions, labels, documents, tokens, atLeast, slack, prunings,
                    pruned, undercount, nanos, counts);
        } catch (EOFException e) {
            throw new IOException(WHAT + ": truncated input; expected more bytes", e);
        }
    }

    @Override
    public String toString() {
        return "SequenceStatistics[" + partitions.name() + ", documents=" + documents + ", words=" + counts.size()
                + ", exact=" + exact() + "]";
    }
}
