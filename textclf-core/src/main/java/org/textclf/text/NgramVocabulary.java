package org.textclf.text;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.textclf.data.Labels;

/**
 * The n-gram fit between its passes: the n-grams in at least {@code minDocumentFrequency} documents with their idf,
 * the classes, and what the first pass counted, made by {@link NgramDocumentStatistics#vocabulary}. The second pass
 * of every partition needs the same one ({@link NgramFeatureStatistics#of}): ship it with {@link #write} and
 * {@link #read}. Immutable and thread-safe.
 */
public final class NgramVocabulary {
    private static final String WHAT = "n-gram vocabulary";
    private static final int MAGIC = 0x54435643; // "TCVC"
    /** The first int after the magic number in {@link #write}'s format. */
    public static final int FORMAT_VERSION = 3;
    private static final int ENTRY_BYTES = Long.BYTES + Float.BYTES;
    private static final int CHUNK = 4096;

    private final NgramConfig config;
    private final Labels labels;
    private final String name;
    private final long documents;
    private final long candidates;
    private final int prunings;
    private final long pruned;
    private final int largestThreshold;
    private final long maxUndercount;
    private final long[] keys;
    private final float[] idf;
    private final FeatureTable table;
    private final long nanos;
    /** Identifies this vocabulary in second-pass statistics, so that statistics of another are refused. */
    private final long fingerprint;

    NgramVocabulary(NgramConfig config, Labels labels, String name, long documents, long candidates, int prunings,
            long pruned, int largestThreshold, long maxUndercount, long[] keys, float[] idf, long nanos) {
        this.config = config;
        this.labels = labels;
        this.name = name;
        this.documents = documents;
        this.candidates = candidates;
        this.prunings = prunings;
        this.pruned = pruned;
        this.largestThreshold = largestThreshold;
        this.maxUndercount = maxUndercount;
        this.keys = keys;
        this.idf = idf;
        this.table = new FeatureTable(keys, idf);
        this.nanos = nanos;
        long h = NgramScanner.mix(documents * 31 + keys.length) ^ labels.rawLabels().hashCode();
        h = NgramScanner.mix(h ^ ((long) config.ngramMin() << 48 | (long) config.ngramMax() << 32
                | config.minDocumentFrequency()));
        h = NgramScanner.mix(h ^ config.topK()) ^ config.candidateBudgetBytes();
        h = NgramScanner.mix(h ^ (config.sublinearTf() ? 1 : 0) ^ (long) config.tokenPattern().code() << 1);
        for (int i = 0; i < keys.length; i++) {
            h = NgramScanner.mix(h ^ keys[i]) + Float.floatToRawIntBits(idf[i]);
        }
        this.fingerprint = h;
    }

    /** The number of n-grams, the tf-idf columns before selection. */
    public int size() {
        return keys.length;
    }

    public NgramConfig config() {
        return config;
    }

    /** The classes: those given to the first pass, or those it collected. */
    public Labels labels() {
        return labels;
    }

    /** The documents the first pass counted; the second must read as many. */
    public long documents() {
        return documents;
    }

    /** The idf of {@code ngram} (tokens joined by one space), or NaN when it is not in the vocabulary. */
    public float idf(String ngram) {
        int id = table.id(NgramScanner.hash(ngram));
        return id < 0 ? Float.NaN : idf[id];
    }

    FeatureTable table() {
        return table;
    }

    String name() {
        return name;
    }

    long nanos() {
        return nanos;
    }

    long fingerprint() {
        return fingerprint;
    }

    /** The report of a fit that selected {@code selected} features, the last of them scored {@code lowest}. */
    FitReport report(int classes, int selected, double lowest, long fitMillis) {
        return new FitReport(documents, classes, candidates, prunings, pruned, largestThreshold, maxUndercount,
                keys.length, selected, lowest, fitMillis);
    }

    /**
     * Writes this vocabulary (big-endian, as {@link DataOutput} writes):
     * <pre>
     * int    magic 0x54435643 ("TCVC"), int FORMAT_VERSION (3)
     * config: int ngramMin, int ngramMax, int minDocumentFrequency, int topK, long candidateBudgetBytes,
     *        boolean sublinearTf, byte tokenPattern's code
     * labels: int C, C times (label, display name), each an int byte length and UTF-8
     * name: int byte length, UTF-8 (the source's, for messages)
     * long documents, long candidates, int prunings, long prunedNgrams, int largestPruneThreshold,
     * long maxUndercount, long nanos
     * int    V; then V times, by feature id: long hash, float idf
     * </pre>
     */
    public void write(DataOutput out) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(FORMAT_VERSION);
        config.write(out);
        StatisticsIO.writeLabels(out, labels);
        StatisticsIO.writeString(out, name);
        out.writeLong(documents);
        out.writeLong(candidates);
        out.writeInt(prunings);
        out.writeLong(pruned);
        out.writeInt(largestThreshold);
        out.writeLong(maxUndercount);
        out.writeLong(nanos);
        out.writeInt(keys.length);
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK * ENTRY_BYTES);
        for (int from = 0; from < keys.length; from += CHUNK) {
            int to = Math.min(keys.length, from + CHUNK);
            chunk.clear();
            for (int id = from; id < to; id++) {
                chunk.putLong(keys[id]).putFloat(idf[id]);
            }
            out.write(chunk.array(), 0, chunk.position());
        }
    }

    /**
     * Reads what {@link #write} wrote.
     *
     * @throws IOException naming the field when the input is malformed or truncated
     */
    public static NgramVocabulary read(DataInput in) throws IOException {
        try {
            StatisticsIO.header(in, WHAT, MAGIC, FORMAT_VERSION);
            NgramConfig config = NgramConfig.read(in, NgramConfig.LAYOUT, WHAT);
            Labels labels = StatisticsIO.readLabels(in, WHAT);
            String name = StatisticsIO.readString(in, WHAT, "source name", 0);
            long documents = StatisticsIO.longCount(in, WHAT, "document count", 1, Long.MAX_VALUE);
            long candidates = StatisticsIO.longCount(in, WHAT, "candidate count", 0, Long.MAX_VALUE);
            int prunings = StatisticsIO.count(in, WHAT, "pruning count", 0, Integer.MAX_VALUE);
            long pruned = StatisticsIO.longCount(in, WHAT, "pruned count", 0, Long.MAX_VALUE);
            int largest = StatisticsIO.count(in, WHAT, "largest prune threshold", 0, Integer.MAX_VALUE);
            long undercount = StatisticsIO.longCount(in, WHAT, "undercount", 0, Long.MAX_VALUE);
            long nanos = StatisticsIO.longCount(in, WHAT, "time", 0, Long.MAX_VALUE);
            int size = StatisticsIO.count(in, WHAT, "vocabulary size", 1, Math.min(candidates, Integer.MAX_VALUE - 8));
            long[] keys = new long[Math.min(size, CHUNK)];
            float[] idf = new float[keys.length];
            ByteBuffer chunk = ByteBuffer.allocate(CHUNK * ENTRY_BYTES);
            for (int from = 0; from < size; from += CHUNK) {
                int to = Math.min(size, from + CHUNK);
                if (to > keys.length) { // grown as entries arrive, so that a size the input cannot back costs nothing
                    int room = (int) Math.min(size, 2L * keys.length);
                    keys = java.util.Arrays.copyOf(keys, room);
                    idf = java.util.Arrays.copyOf(idf, room);
                }
                in.readFully(chunk.array(), 0, (to - from) * ENTRY_BYTES);
                chunk.clear();
                for (int id = from; id < to; id++) {
                    keys[id] = chunk.getLong();
                    idf[id] = chunk.getFloat();
                    if (!(idf[id] >= 1)) {
                        throw new IOException(WHAT + ": bad idf of feature " + id + "; expected at least 1, found "
                                + idf[id]);
                    }
                }
            }
            try {
                return new NgramVocabulary(config, labels, name, documents, candidates, prunings, pruned, largest,
                        undercount, keys, idf, nanos);
            } catch (IllegalArgumentException e) {
                throw new IOException(WHAT + ": bad vocabulary: " + e.getMessage(), e);
            }
        } catch (EOFException e) {
            throw new IOException(WHAT + ": truncated input; expected more bytes", e);
        }
    }

    @Override
    public String toString() {
        return "NgramVocabulary[" + name + ", size=" + keys.length + ", documents=" + documents + "]";
    }
}
