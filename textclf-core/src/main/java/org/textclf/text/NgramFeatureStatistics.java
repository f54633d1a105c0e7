package org.textclf.text;

import java.io.Closeable;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.function.Consumer;
import org.textclf.batch.RowSink;
import org.textclf.data.Labels;
import org.textclf.data.Sample;
import org.textclf.data.SampleReader;
import org.textclf.data.SampleSource;

/**
 * The n-gram fit's second-pass statistics over one partition of a corpus, or over several merged: per class and
 * vocabulary feature the sum of its tf-idf values, per feature the sum of their squares (what scikit-learn's
 * {@code f_classif} needs), the class counts, and the names of the features met. {@link #vectorizer} finishes them:
 * ANOVA F, {@code SelectKBest}, and the fitted {@link NgramVectorizer}.
 *
 * <p><b>Merging</b> is exact: the sums are held as fixed-point integers ({@link ExactSums}), so that adding the
 * partitions' sums in any order gives the same bits as one pass over the whole corpus, and F is computed once from
 * them. {@link #merge} is commutative and associative; statistics of different vocabularies or that share a
 * partition are refused. Ties at the selection's cut are broken by name, as scikit-learn breaks them.
 *
 * <p><b>Names.</b> A partition writes each feature's name to a temp file (in {@code tempDir}) when it first meets
 * it, as the local fit always has: memory per partition is a bit per feature, never the names. {@link #write}
 * copies the names into the stream, {@link #read} back into a temp file, and {@link #merge} writes the names of
 * both parts once each to a file of its own. So the selected features are named without a third pass. Each
 * statistics object owns its file: {@link #close} deletes it, and the statistics can then no longer be merged,
 * written or finished.
 *
 * <p>Memory: {@code 16 * classes + 24} bytes per vocabulary feature, and a bit. Immutable once made; its methods
 * may be called from several threads.
 */
public final class NgramFeatureStatistics implements Closeable {
    private static final String WHAT = "n-gram feature statistics";
    private static final int MAGIC = 0x54434653; // "TCFS"
    /** The first int after the magic number in {@link #write}'s format. */
    public static final int FORMAT_VERSION = 1;

    private final NgramVocabulary vocabulary;
    private final Partitions partitions;
    private final long documents;
    private final long[] classCounts;
    /**
     * Per feature, {@link #stride} longs: the sum of squares (3 words), then each class's sum (2 words). Together,
     * so that adding a value touches one or two cache lines: in separate arrays the fit's second pass took a quarter
     * longer on IMDB (TextPasses fit), the accesses being random over 25 MB.
     */
    private final long[] sums;
    /** A bit per feature: named in {@link #names}. */
    private final long[] named;
    private final NameFile names;
    private final Path tempDir;
    private final long nanos;

    private NgramFeatureStatistics(NgramVocabulary vocabulary, Partitions partitions, long documents,
            long[] classCounts, long[] sums, long[] named, NameFile names, Path tempDir, long nanos)
            throws IOException {
        this.vocabulary = vocabulary;
        this.partitions = partitions;
        this.documents = documents;
        this.classCounts = classCounts;
        this.sums = sums;
        this.named = named;
        this.names = names;
        this.tempDir = tempDir;
        this.nanos = nanos;
        names.finish();
    }

    /**
     * Sums partition {@code partition} of a corpus: one pass over {@code source}, read ahead on a thread of its own.
     *
     * @param vocabulary the merged first pass's, the same for every partition
     * @param partition this partition's number, as in its first pass
     * @param tempDir where the names go; null for the system temp folder
     * @param rows where to write each document's tf-idf row over the whole vocabulary, in order; or null. Not
     *     finished here.
     * @throws org.textclf.data.BadRecordException when a sample's label is empty or not one of the vocabulary's
     */
    public static NgramFeatureStatistics of(NgramVocabulary vocabulary, int partition, SampleSource source,
            Path tempDir, RowSink rows) throws IOException {
        return sum(vocabulary, partition, source, true, tempDir, rows);
    }

    /** As {@link #of(NgramVocabulary, int, SampleSource, Path, RowSink)}, over the samples of an iterator. */
    public static NgramFeatureStatistics of(NgramVocabulary vocabulary, int partition, Iterator<Sample> samples,
            Path tempDir, RowSink rows) throws IOException {
        try (SampleReader reader = new IteratorReader(samples)) {
            return sum(vocabulary, Partitions.of(partition, "partition " + partition), reader, tempDir, rows);
        }
    }

    static NgramFeatureStatistics sum(NgramVocabulary vocabulary, int partition, SampleSource source,
            boolean readAhead, Path tempDir, RowSink rows) throws IOException {
        Partitions part = Partitions.of(partition, source.name());
        try (SampleReader reader = readAhead ? ReadAhead.open(source) : source.open()) {
            return sum(vocabulary, part, reader, tempDir, rows);
        }
    }

    /** The pass: what f_classif needs, the names (written once per feature, at its first occurrence), the rows. */
    private static NgramFeatureStatistics sum(NgramVocabulary vocabulary, Partitions partition, SampleReader reader,
            Path tempDir, RowSink rows) throws IOException {
        long start = System.nanoTime();
        String name = partition.firstName();
        Labels labels = vocabulary.labels();
        int features = vocabulary.size();
        int stride = stride(labels.size());
        long[] sums = new long[length(features, stride)];
        long[] classCounts = new long[labels.size()];
        long[] named = new long[(features + 63) >>> 6];
        NgramScanner scanner = new NgramScanner(vocabulary.config());
        TfidfRow row = new TfidfRow(scanner, vocabulary.table(), vocabulary.config().sublinearTf());
        long documents = 0;
        NameFile names = new NameFile(tempDir);
        try {
            for (Sample s = reader.next(); s != null; s = reader.next()) {
                int label = labels.idOf(s, name);
                classCounts[label]++;
                documents++;
                row.compute(s.text());
                int sum = ExactSums.SQUARE_WORDS + ExactSums.SUM_WORDS * label;
                ExactSums.prefetch(sums, row.ids(), row.size(), stride, sum + ExactSums.SUM_WORDS - 1);
                for (int j = 0, n = row.size(); j < n; j++) {
                    int id = row.id(j);
                    int group = id * stride;
                    ExactSums.add(sums, group + sum, group, row.value(j));
                    if ((named[id >>> 6] & 1L << id) == 0) {
                        named[id >>> 6] |= 1L << id;
                        names.write(id, scanner.ngram(row.occurrence(j)));
                    }
                }
                if (rows != null) {
                    rows.write(label, row.ids(), row.values(), row.size());
                }
            }
            return new NgramFeatureStatistics(vocabulary, partition, documents, classCounts, sums, named, names,
                    tempDir, System.nanoTime() - start);
        } catch (IOException | RuntimeException | Error e) {
            names.close();
            throw e;
        }
    }

    /**
     * The statistics of both parts together, with a names file of its own (in this one's temp folder); neither part
     * is changed.
     *
     * @throws IllegalArgumentException when the parts were summed over different vocabularies or share a partition
     */
    public NgramFeatureStatistics merge(NgramFeatureStatistics other) throws IOException {
        if (vocabulary != other.vocabulary && vocabulary.fingerprint() != other.vocabulary.fingerprint()) {
            throw new IllegalArgumentException("cannot merge n-gram feature statistics of different vocabularies: "
                    + vocabulary + " and " + other.vocabulary + "; expected every partition's second pass to use the"
                    + " vocabulary of the merged first passes");
        }
        Partitions merged = partitions.merge(other.partitions);
        long[] counts = classCounts.clone();
        for (int c = 0; c < counts.length; c++) {
            counts[c] += other.classCounts[c];
        }
        long[] mergedSums = sums.clone();
        int stride = stride(counts.length);
        for (int group = 0; group < mergedSums.length; group += stride) {
            ExactSums.add(mergedSums, other.sums, group, ExactSums.SQUARE_WORDS);
            for (int c = 0, at = group + ExactSums.SQUARE_WORDS; c < counts.length; c++, at += ExactSums.SUM_WORDS) {
                ExactSums.add(mergedSums, other.sums, at, ExactSums.SUM_WORDS);
            }
        }
        long[] mergedNamed = named.clone();
        NameFile mergedNames = new NameFile(tempDir);
        try {
            copyNames(mergedNames, null);
            other.copyNames(mergedNames, named);
            for (int w = 0; w < named.length; w++) {
                mergedNamed[w] |= other.named[w];
            }
            return new NgramFeatureStatistics(vocabulary, merged, documents + other.documents, counts, mergedSums,
                    mergedNamed, mergedNames, tempDir, nanos + other.nanos);
        } catch (IOException | RuntimeException | Error e) {
            mergedNames.close();
            throw e;
        }
    }

    /** Longs per feature: the sum of squares and each class's sum. */
    private static int stride(int classes) {
        return ExactSums.SQUARE_WORDS + ExactSums.SUM_WORDS * classes;
    }

    private static int length(int features, int stride) {
        long length = (long) features * stride;
        if (length > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the exact sums of " + features + " features over "
                    + (stride - ExactSums.SQUARE_WORDS) / ExactSums.SUM_WORDS + " classes need " + length
                    + " longs, more than a Java array holds; lower the vocabulary (minDocumentFrequency) or the classes");
        }
        return (int) length;
    }

    /** The ANOVA F-value of each feature, from the exact sums, each rounded once to a double. */
    private double[] scores() {
        int features = vocabulary.size();
        int stride = stride(classCounts.length);
        double[][] classSums = new double[classCounts.length][features];
        double[] sumSquares = new double[features];
        for (int id = 0, group = 0; id < features; id++, group += stride) {
            sumSquares[id] = ExactSums.toDouble(sums, group, ExactSums.SQUARE_WORDS, 128);
            for (int c = 0; c < classSums.length; c++) {
                classSums[c][id] = ExactSums.toDouble(sums, group + ExactSums.SQUARE_WORDS + ExactSums.SUM_WORDS * c,
                        ExactSums.SUM_WORDS, 64);
            }
        }
        return AnovaF.scores(classSums, sumSquares, classCounts);
    }

    /** Writes this one's names to {@code to}, but for the features {@code skip} has a bit for (null: none). */
    private void copyNames(NameFile to, long[] skip) throws IOException {
        try (NameFile.Reader reader = names.read()) {
            while (reader.next()) {
                int id = reader.id();
                if (skip == null || (skip[id >>> 6] & 1L << id) == 0) {
                    to.write(id, reader.name());
                }
            }
        }
    }

    /** The documents summed. */
    public long documents() {
        return documents;
    }

    /** Checks that the second pass read as many documents as the first. */
    void checkDocuments() throws IOException {
        if (documents != vocabulary.documents()) {
            throw new IOException(partitions.name() + ": pass 2 read " + documents + " samples; expected "
                    + vocabulary.documents() + " as in pass 1. The source must give the same samples on every pass");
        }
    }

    /**
     * Finishes the fit: the ANOVA F-value of every feature, the {@code topK} best, named, in column order.
     *
     * @param log receives two lines: the selection, and the fit's summary ({@link FitReport#summary()})
     * @throws IOException when the second passes read other samples than the first
     * @throws IllegalArgumentException when fewer than two classes have samples
     */
    public NgramVectorizer vectorizer(Consumer<String> log) throws IOException {
        long start = System.nanoTime();
        checkDocuments();
        double[] scores = scores();
        int classes = 0;
        for (long c : classCounts) {
            classes += c > 0 ? 1 : 0;
        }
        int features = vocabulary.size();
        KBest best = KBest.select(scores, Math.min(vocabulary.config().topK(), features));
        log.accept(String.format("pass 2: ANOVA F of %,d features over %,d classes; %,d sure winners, %,d tied"
                + " at the cut", features, classes, best.winners().length, best.tied().length));
        NgramSelection selected = NgramSelection.name(best, features, names, partitions.name())
                .byDocumentFrequency(vocabulary.table());
        int[] column = new int[features];
        Arrays.fill(column, -1);
        double lowest = Double.POSITIVE_INFINITY;
        for (int c = 0; c < selected.ids().length; c++) {
            column[selected.ids()[c]] = c;
            lowest = Math.min(lowest, scores[selected.ids()[c]]);
        }
        long millis = (vocabulary.nanos() + nanos + System.nanoTime() - start) / 1_000_000;
        FitReport report = vocabulary.report(classes, selected.ids().length, lowest, millis);
        log.accept(report.summary());
        return new NgramVectorizer(vocabulary.config(), report, vocabulary.table(), column, selected.names(),
                vocabulary.labels());
    }

    /**
     * Writes these statistics (big-endian, as {@link DataOutput} writes); the vocabulary is not in it, only its
     * fingerprint, which {@link #read} checks:
     * <pre>
     * int    magic 0x54434653 ("TCFS"), int FORMAT_VERSION (1)
     * long   the vocabulary's fingerprint, int V (its size), int C (its classes)
     * partitions: the first one's source name (int byte length, UTF-8), int P, P ints ascending
     * long documents, long nanos, C longs: documents per class
     * V times (3 + 2C) longs, per feature: the sum of squares as a 192-bit fixed-point number (units of 2^-128),
     *        then per class the sum as a 128-bit one (units of 2^-64); each number's low word first
     * int    N, the named features; then N times: int feature id, int byte length, the name's UTF-8 bytes
     * </pre>
     */
    public void write(DataOutput out) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(FORMAT_VERSION);
        out.writeLong(vocabulary.fingerprint());
        out.writeInt(vocabulary.size());
        out.writeInt(classCounts.length);
        partitions.write(out);
        out.writeLong(documents);
        out.writeLong(nanos);
        for (long c : classCounts) {
            out.writeLong(c);
        }
        StatisticsIO.writeLongs(out, sums);
        int count = 0;
        for (long w : named) {
            count += Long.bitCount(w);
        }
        out.writeInt(count);
        try (NameFile.Reader reader = names.read()) {
            while (reader.next()) {
                out.writeInt(reader.id());
                StatisticsIO.writeString(out, reader.name());
            }
        }
    }

    /**
     * Reads what {@link #write} wrote, for {@code vocabulary}, the names into a temp file in {@code tempDir}.
     *
     * @throws IOException naming the field when the input is malformed or truncated, or was summed over another
     *     vocabulary
     */
    public static NgramFeatureStatistics read(DataInput in, NgramVocabulary vocabulary, Path tempDir)
            throws IOException {
        NameFile names = null;
        try {
            StatisticsIO.header(in, WHAT, MAGIC, FORMAT_VERSION);
            long fingerprint = in.readLong();
            if (fingerprint != vocabulary.fingerprint()) {
                throw new IOException(WHAT + ": summed over another vocabulary; expected fingerprint "
                        + vocabulary.fingerprint() + " (" + vocabulary + "), found " + fingerprint);
            }
            int features = vocabulary.size();
            int classes = vocabulary.labels().size();
            StatisticsIO.count(in, WHAT, "vocabulary size", features, features);
            StatisticsIO.count(in, WHAT, "class count", classes, classes);
            Partitions partitions = Partitions.read(in, WHAT);
            long documents = StatisticsIO.longCount(in, WHAT, "document count", 0, Long.MAX_VALUE);
            long nanos = StatisticsIO.longCount(in, WHAT, "time", 0, Long.MAX_VALUE);
            long[] classCounts = new long[classes];
            long total = 0;
            for (int c = 0; c < classes; c++) {
                classCounts[c] = StatisticsIO.longCount(in, WHAT, "document count of class " + c, 0, documents);
                total += classCounts[c];
            }
            StatisticsIO.number(total, WHAT, "sum of the class counts", documents, documents);
                long[] sums = new long[length(features, stride(classes))];
            StatisticsIO.readLongs(in, sums);
            int count = StatisticsIO.count(in, WHAT, "named feature count", 0, features);
            long[] named = new long[(features + 63) >>> 6];
            names = new NameFile(tempDir);
            for (int i = 0; i < count; i++) {
                int id = StatisticsIO.count(in, WHAT, "feature id of name " + i, 0, features - 1);
                if ((named[id >>> 6] & 1L << id) != 0) {
                    throw new IOException(WHAT + ": bad names; expected one name per feature, found feature " + id
                            + " twice");
                }
                named[id >>> 6] |= 1L << id;
                names.write(id, StatisticsIO.readString(in, WHAT, "name", 1));
            }
            return new NgramFeatureStatistics(vocabulary, partitions, documents, classCounts, sums, named, names,
                    tempDir, nanos);
        } catch (IOException | RuntimeException | Error e) {
            if (names != null) {
                names.close();
            }
            if (e instanceof EOFException) {
                throw new IOException(WHAT + ": truncated input; expected more bytes", e);
            }
            throw e;
        }
    }

    /** Deletes the names file. */
    @Override
    public void close() throws IOException {
        names.close();
    }

    @Override
    public String toString() {
        return "NgramFeatureStatistics[" + partitions.name() + ", documents=" + documents + ", features="
                + vocabulary.size() + "]";
    }
}
