package org.textclf.text;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.textclf.batch.Example;
import org.textclf.batch.RowSink;
import org.textclf.batch.SparseBatch;
import org.textclf.batch.VectorizedExamples;
import org.textclf.batch.Vectorizer;
import org.textclf.data.Labels;
import org.textclf.data.Sample;
import org.textclf.data.SampleSource;

/**
 * The guide's n-gram vectorizer ({@code ngram_vectorize}): word uni- and bigram tf-idf as scikit-learn's
 * {@code TfidfVectorizer(ngram_range=(1, 2), strip_accents='unicode', min_df=2, dtype=float32)} computes it (raw
 * counts, smooth idf {@code ln((1 + n) / (1 + df)) + 1}, each row divided by its L2 norm over the whole
 * vocabulary), then restricted, without renormalizing, to the {@code topK} columns that
 * {@code SelectKBest(f_classif)} picks on the training data. Columns are ordered by n-gram, as scikit-learn's are.
 *
 * <p>Fitted by streaming passes over a {@link SampleSource} with bounded memory (see {@link #fit}); immutable and
 * thread-safe once fitted. N-grams are looked up by a 64-bit hash, so transforming a document allocates no String
 * per token or n-gram.
 */
public final class NgramVectorizer implements Vectorizer<SparseBatch> {
    /**
     * The first int of {@link #write}'s format; 2 added {@code sublinearTf}, 3 {@code tokenPattern}: older files
     * still load.
     */
    public static final int FORMAT_VERSION = 3;
    /** Vocabulary entries (a long hash and a float idf) per bulk read or write. */
    private static final int VOCABULARY_CHUNK = 4096;
    private static final int VOCABULARY_ENTRY_BYTES = Long.BYTES + Float.BYTES;
    /**
     * Version, config and report, up to and including the vocabulary size: what {@link #write} writes first (in
     * format 1; format 2 adds a byte).
     */
    private static final int HEADER_BYTES = 4 + 4 * 4 + 8 + 8 + 4 + 8 + 4 + 8 + 4 + 8 + 4 + 4 + 8 + 8 + 4;

    private final NgramConfig config;
    private final FitReport report;
    /**
     * The vocabulary (hash, idf) with each feature's output column (-1 when not selected) in its entries, so that
     * the transform needs no further lookup per feature (a random access into an array as large as the vocabulary).
     */
    private final FeatureTable table;
    private final String[] names;
    /** The vocabulary feature id of each output column. */
    private final int[] idOfColumn;
    /** The classes it was fit on; not in the file (the model keeps its classes), so null once read back. */
    private final Labels labels;

    NgramVectorizer(NgramConfig config, FitReport report, FeatureTable table, int[] column, String[] names,
            Labels labels) {
        this.labels = labels;
        this.config = config;
        this.report = report;
        this.table = table.withColumns(column);
        this.names = names;
        this.idOfColumn = new int[names.length];
        for (int id = 0; id < column.length; id++) {
            if (column[id] >= 0) {
                idOfColumn[column[id]] = id;
            }
        }
    }

    /**
     * Fits on {@code source} in two passes (document frequencies; ANOVA F sums, meeting each n-gram's name).
     * Memory is bounded by {@code config.candidateBudgetBytes()} in the first pass, then by the vocabulary (the
     * n-grams in at least {@code minDocumentFrequency} documents), never by the corpus size.
     *
     * @param labels the classes, or null to collect them from the source's labels in the first pass (then
     *     {@link #labels()} gives them)
     * @param log receives one line per pass, and a line each time rare n-grams are pruned to stay in budget
     * @throws org.textclf.data.BadRecordException when a sample's label is empty or not one of {@code labels}
     * @throws IOException naming the file and line when {@code labels} is null and the source has more than
     *     {@link Labels#MAX_CLASSES} distinct labels
     * @throws IOException when reading fails, no n-gram is frequent enough, or passes see different samples
     * @throws IllegalArgumentException when fewer than two classes have samples
     */
    public static NgramVectorizer fit(SampleSource source, Labels labels, NgramConfig config, Consumer<String> log)
            throws IOException {
        return NgramFit.fit(source, labels, config, log, FirstPass.NONE, null, null);
    }

    /**
     * As {@link #fit(SampleSource, Labels, NgramConfig, Consumer)}, showing every sample of the first pass to
     * {@code firstPass}, which may stop the fit after that pass.
     *
     * @return the fitted vectorizer, or empty when {@code firstPass} stopped the fit
     */
    public static Optional<NgramVectorizer> fit(SampleSource source, Labels labels, NgramConfig config,
            Consumer<String> log, FirstPass firstPass) throws IOException {
        return fit(source, labels, config, log, firstPass, null, null);
    }

    /**
     * As {@link #fit(SampleSource, Labels, NgramConfig, Consumer, FirstPass)}, also writing every document's tf-idf
     * row to {@code rows}, which {@link #examples} then reads as this vectorizer's examples of {@code source}.
     *
     * @param tempDir where the fit's scratch files go; null for the system temp folder
     * @param rows where the second pass writes each document's row over the whole vocabulary, in the source's order
     *     (finished when the fit returns a vectorizer); or null
     */
    public static Optional<NgramVectorizer> fit(SampleSource source, Labels labels, NgramConfig config,
            Consumer<String> log, FirstPass firstPass, Path tempDir, RowSink rows) throws IOException {
        return Optional.ofNullable(NgramFit.fit(source, labels, config, log, firstPass, tempDir, rows));
    }

    /**
     * The examples of the source this vectorizer was fitted on, from the rows its fit wrote to {@code rows}: for
     * each sample, in order, exactly the row {@link #vectorize} gives it (the vocabulary row restricted to the
     * selected columns, indices ascending; no renormalizing, so the values are the same floats), with its class id.
     */
    public VectorizedExamples examples(RowSink rows) {
        int[] columnOfId = new int[table.size()];
        Arrays.fill(columnOfId, -1);
        for (int c = 0; c < idOfColumn.length; c++) {
            columnOfId[idOfColumn[c]] = c;
        }
        return () -> {
            VectorizedExamples.Reader in = rows.open();
            return new VectorizedExamples.Reader() {
                private final ColumnOrder order = new ColumnOrder(names.length);

                @Override
                public Example next() throws IOException {
                    Example e = in.next();
                    if (e == null) {
                        return null;
                    }
                    int[] ids = e.indices();
                    float[] values = e.values();
                    for (int j = 0; j < ids.length; j++) {
                        int c = columnOfId[ids[j]];
                        if (c >= 0) {
                            order.add(c, values[j]);
                        }
                    }
                    int[] indices = new int[order.size()];
                    float[] selected = new float[order.size()];
                    order.drain(indices, selected, 0);
                    return new Example(e.label(), indices, selected);
                }

                @Override
                public void close() throws IOException {
                    in.close();
                }
            };
        };
    }

    /**
     * One thread's row state and column order, kept from call to call: made anew they cost more than the
     * vectorizing of a short text (the order's dense arrays alone are 4 bytes per feature), which a server
     * predicting one text per request pays for every request.
     */
    private record Scratch(TfidfRow row, ColumnOrder order) {
    }

    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(this::newScratch);

    private Scratch newScratch() {
        return new Scratch(new TfidfRow(new NgramScanner(config), table, config.sublinearTf()),
                new ColumnOrder(names.length));
    }

    /** Rows with the selected features' tf-idf values, indices ascending. Thread-safe. */
    @Override
    public SparseBatch vectorize(List<Sample> samples, int[] labels) {
        if (labels.length != samples.size()) {
            throw new IllegalArgumentException("expected one label per sample, " + samples.size() + ", found "
                    + labels.length);
        }
        Scratch scratch = this.scratch.get();
        TfidfRow row = scratch.row;
        ColumnOrder order = scratch.order;
        int[] rowStart = new int[samples.size() + 1];
        int[] indices = new int[Math.max(16, samples.size() * 64)];
        float[] values = new float[indices.length];
        int nonzeros = 0;
        try {
            for (int r = 0; r < samples.size(); r++) {
                row.compute(samples.get(r).text());
                for (int j = 0, n = row.size(); j < n; j++) {
                    int c = row.id(j);
                    if (c >= 0) {
                        order.add(c, row.value(j));
                    }
                }
                if (nonzeros + order.size() > indices.length) {
                    int grown = Math.max(indices.length * 2, nonzeros + order.size());
                    indices = Arrays.copyOf(indices, grown);
                    values = Arrays.copyOf(values, grown);
                }
                nonzeros += order.drain(indices, values, nonzeros);
                rowStart[r + 1] = nonzeros;
            }
        } catch (RuntimeException | Error e) {
            this.scratch.remove(); // growing the arrays can fail with a row half-added to the order
            throw e;
        }
        return new SparseBatch(names.length, rowStart, Arrays.copyOf(indices, nonzeros),
                Arrays.copyOf(values, nonzeros), labels);
    }

    /** The number of output columns: {@code min(topK, vocabulary size)}. */
    public int features() {
        return names.length;
    }

    /**
     * The n-gram of each output column, tokens joined by one space, in column order: commonest first, ties by code
     * point.
     */
    public List<String> featureNames() {
        return List.of(names);
    }

    /** The idf of the n-gram in output column {@code column}. */
    public float idf(int column) {
        return table.idf(idOfColumn[column]);
    }

    public NgramConfig config() {
        return config;
    }

    /**
     * The classes this vectorizer was fit on: those given to {@link #fit}, or those its first pass collected when
     * none were given. Null for a vectorizer read from a file, whose classes the model keeps.
     */
    public Labels labels() {
        return labels;
    }

    /** What the fit found; read back from the model file with the rest. */
    public FitReport fitReport() {
        return report;
    }

    /**
     * Writes this vectorizer in the following format (big-endian, as {@link DataOutput} writes):
     * <pre>
     * int    FORMAT_VERSION (3)
     * config: int ngramMin, int ngramMax, int minDocumentFrequency, int topK, long candidateBudgetBytes,
     *         boolean sublinearTf (not in format 1, whose rows were raw counts), byte tokenPattern's code (not in
     *         formats 1 and 2, whose tokens were the guide's)
     * report: long documents, int classes, long candidates, int prunings, long prunedNgrams,
     *         int largestPruneThreshold, long maxDocumentFrequencyUndercount, int vocabulary, int selected,
     *         double lowestSelectedScore, long fitMillis
     * int    V, the vocabulary size; then V times: long hash, float idf  (the vocabulary, which the L2 norm needs;
     *        the i-th entry is feature id i)
     * int    K, the number of selected features; then K times, in column order: int feature id (into the
     *        vocabulary), int byte length, the n-gram's UTF-8 bytes
     * </pre>
     * Hashes are {@link NgramScanner}'s 64-bit n-gram hashes; changing that function needs a new format version.
     */
    public void write(DataOutput out) throws IOException {
        out.writeInt(FORMAT_VERSION);
        config.write(out);
        out.writeLong(report.documents());
        out.writeInt(report.classes());
        out.writeLong(report.candidates());
        out.writeInt(report.prunings());
        out.writeLong(report.prunedNgrams());
        out.writeInt(report.largestPruneThreshold());
        out.writeLong(report.maxDocumentFrequencyUndercount());
        out.writeInt(report.vocabulary());
        out.writeInt(report.selected());
        out.writeDouble(report.lowestSelectedScore());
        out.writeLong(report.fitMillis());
        out.writeInt(table.size());
        // In chunks: a writeLong and a writeFloat per feature make two calls through every stream below (checksum,
        // counter, file) for each of the vocabulary's hundreds of thousands of features.
        ByteBuffer chunk = ByteBuffer.allocate(VOCABULARY_CHUNK * VOCABULARY_ENTRY_BYTES);
        for (int from = 0; from < table.size(); from += VOCABULARY_CHUNK) {
            int to = Math.min(table.size(), from + VOCABULARY_CHUNK);
            chunk.clear();
            for (int id = from; id < to; id++) {
                chunk.putLong(table.key(id)).putFloat(table.idf(id));
            }
            out.write(chunk.array(), 0, chunk.position());
        }
        out.writeInt(names.length);
        for (int c = 0; c < names.length; c++) {
            out.writeInt(idOfColumn[c]);
            byte[] utf8 = names[c].getBytes(StandardCharsets.UTF_8);
            out.writeInt(utf8.length);
            out.write(utf8);
        }
    }

    /** Reads what {@link #write} wrote, from a stream of unknown length (a cache file). */
    public static NgramVectorizer read(DataInput in) throws IOException {
        return read(in, Long.MAX_VALUE);
    }

    /**
     * Reads what {@link #write} wrote, {@code bytes} long (a model file's section): every count is checked against
     * the bytes left before anything is allocated for it, so a forged count is refused instead of allocating
     * gigabytes.
     */
    public static NgramVectorizer read(DataInput in, long bytes) throws IOException {
        int version = in.readInt();
        if (version < 1 || version > FORMAT_VERSION) {
            throw new IOException("n-gram vectorizer: unsupported format version; expected 1 to " + FORMAT_VERSION
                    + ", found " + version);
        }
        NgramConfig config = NgramConfig.read(in, version, "n-gram vectorizer");
        FitReport report = new FitReport(in.readLong(), in.readInt(), in.readLong(), in.readInt(), in.readLong(),
                in.readInt(), in.readLong(), in.readInt(), in.readInt(), in.readDouble(), in.readLong());
        int vocabulary = in.readInt();
        checkCount("vocabulary size", vocabulary, 1, Integer.MAX_VALUE - 8);
        long left = bytes - HEADER_BYTES - (version - 1);
        checkRoom("vocabulary size", vocabulary, (left - Integer.BYTES) / VOCABULARY_ENTRY_BYTES, left);
        left -= (long) vocabulary * VOCABULARY_ENTRY_BYTES + Integer.BYTES;
        long[] keys = new long[vocabulary];
        float[] idf = new float[vocabulary];
        ByteBuffer chunk = ByteBuffer.allocate(Math.min(vocabulary, VOCABULARY_CHUNK) * VOCABULARY_ENTRY_BYTES);
        for (int from = 0; from < vocabulary; from += VOCABULARY_CHUNK) {
            int to = Math.min(vocabulary, from + VOCABULARY_CHUNK);
            in.readFully(chunk.array(), 0, (to - from) * VOCABULARY_ENTRY_BYTES);
            chunk.clear();
            for (int id = from; id < to; id++) {
                keys[id] = chunk.getLong();
                idf[id] = chunk.getFloat();
            }
        }
        FeatureTable table;
        try {
            table = new FeatureTable(keys, idf);
        } catch (IllegalArgumentException e) {
            throw new IOException("n-gram vectorizer: bad vocabulary: " + e.getMessage(), e);
        }
        int selected = in.readInt();
        checkCount("selected feature count", selected, 1, vocabulary);
        // a column takes an id, a length and at least one byte of name
        checkRoom("selected feature count", selected, left / (2 * Integer.BYTES + 1), left);
        int[] column = new int[vocabulary];
        Arrays.fill(column, -1);
        String[] names = new String[selected];
        for (int c = 0; c < selected; c++) {
            int id = in.readInt();
            checkCount("feature id of column " + c, id, 0, vocabulary - 1);
            if (column[id] >= 0) {
                throw new IOException("n-gram vectorizer: feature id " + id + " selected twice; expected"
                        + " distinct ids, found it in columns " + column[id] + " and " + c);
            }
            column[id] = c;
            int length = in.readInt();
            checkCount("name length of column " + c, length, 1, 1 << 24);
            left -= 2 * Integer.BYTES;
            checkRoom("name length of column " + c, length, left, left);
            left -= length;
            byte[] utf8 = new byte[length];
            in.readFully(utf8);
            names[c] = new String(utf8, StandardCharsets.UTF_8);
        }
        return new NgramVectorizer(config, report, table, column, names, null);
    }

    private static void checkRoom(String what, int found, long max, long left) throws IOException {
        if (found > max) {
            throw new IOException("n-gram vectorizer: impossible " + what + "; expected at most " + max
                    + " for the " + left + " bytes left, found " + found);
        }
    }

    private static void checkCount(String what, int found, int min, int max) throws IOException {
        if (found < min || found > max) {
            throw new IOException("n-gram vectorizer: bad " + what + "; expected " + min + " to " + max + ", found "
                    + found);
        }
    }

    @Override
    public String toString() {
        return "NgramVectorizer[ngramRange=(" + config.ngramMin() + ", " + config.ngramMax() + "), vocabulary="
                + table.size() + ", features=" + names.length + "]";
    }
}
