package org.textclf.text;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.textclf.batch.SequenceBatch;
import org.textclf.batch.Vectorizer;
import org.textclf.data.Labels;
import org.textclf.data.Sample;
import org.textclf.data.SampleSource;

/**
 * The guide's sequence vectorizer ({@code sequence_vectorize}): Keras' {@code Tokenizer} fitted on the training
 * texts, {@code texts_to_sequences}, then sequences cut to {@code maxLength}. Words are tokenized as
 * {@link SequenceTokenizer} does; the {@code maxWords} most frequent get ids 2, 3, ... by descending count (ties by
 * word, in code point order), {@link #OUT_OF_VOCABULARY} stands for every other word (as Keras' {@code oov_token}:
 * kept in place, not dropped), and {@link SequenceBatch#PADDING} pads. So ids lie in {@code [0, vocabulary())}.
 *
 * <p>Fitted in one streaming pass with bounded memory (see {@link #fit}); immutable and thread-safe once fitted.
 * Words are looked up by their span of the text, so transforming allocates no String per word.
 */
public final class SequenceVectorizer implements Vectorizer<SequenceBatch> {
    /** The first int of {@link #write}'s format. */
    public static final int FORMAT_VERSION = 1;
    /** The id of every word not in the vocabulary. */
    public static final int OUT_OF_VOCABULARY = 1;
    /** The id of the most frequent word. */
    public static final int FIRST_WORD = 2;
    /** Version, config and report, up to and including the word count: what {@link #write} writes first. */
    private static final int HEADER_BYTES = 4 + 4 + 4 + 8 + 8 * 4 + 4 + 4 + 8 * 3 + 4;
    /**
     * What {@link #words()} shows for ids 0 and 1. The tokenizer never makes these words: {@code <} and {@code >} are among
     * its filters.
     */
    public static final String PADDING_WORD = "<pad>";
    public static final String OUT_OF_VOCABULARY_WORD = "<oov>";

    private final SequenceConfig config;
    private final SequenceFitReport report;
    /** The kept words, most frequent first: word {@code i} has id {@code i + FIRST_WORD}. */
    private final String[] words;
    private final WordIndex index;
    /** The classes it was fit on; not in the file (the model keeps its classes), so null once read back. */
    private final Labels labels;

    SequenceVectorizer(SequenceConfig config, SequenceFitReport report, String[] words, Labels labels) {
        this.config = config;
        this.report = report;
        this.words = words;
        this.labels = labels;
        this.index = new WordIndex(words, FIRST_WORD, OUT_OF_VOCABULARY);
    }

    /**
     * Fits on {@code source} in one pass: counts every word (within {@code config.countBudgetBytes()}; beyond it the
     * rarest are pruned and the report says the counts are approximate) and keeps the {@code maxWords} most
     * frequent.
     *
     * @param labels the classes, or null to collect them from the source's labels in the same pass (then
     *     {@link #labels()} gives them)
     * @param log receives the summary line ({@link SequenceFitReport#summary()}), and a line each time rare words
     *     are pruned
     * @throws org.textclf.data.BadRecordException when a sample's label is empty or not one of {@code labels}
     * @throws IOException when reading fails, the source is empty or has no words, or, when {@code labels} is
     *     null, it has more than {@link Labels#MAX_CLASSES} distinct labels
     */
    public static SequenceVectorizer fit(SampleSource source, Labels labels, SequenceConfig config,
            Consumer<String> log) throws IOException {
        return SequenceFit.fit(source, labels, config, log);
    }

    /**
     * Each sample's word ids, cut to {@code maxLength}, in a batch padded to its longest row. Thread-safe; scratch
     * arrays per call (sized by the batch's kept ids, not by {@code rows x maxLength}), none per sample.
     */
    @Override
    public SequenceBatch vectorize(List<Sample> samples, int[] labels) {
        if (labels.length != samples.size()) {
            throw new IllegalArgumentException("expected one label per sample, " + samples.size() + ", found "
                    + labels.length);
        }
        int rows = samples.size();
        RowIds row = new RowIds(index, config.maxLength());
        // the rows' ids one after another: row r is ids[rowStart[r], rowStart[r + 1])
        int[] ids = new int[Math.max(16, rows * 32)];
        int[] rowStart = new int[rows + 1];
        int width = 1;
        for (int r = 0; r < rows; r++) {
            row.start();
            SequenceTokenizer.tokenizeSpans(samples.get(r).text(), row);
            int length = row.length();
            if (rowStart[r] + length > ids.length) {
                ids = Arrays.copyOf(ids, Math.max(2 * ids.length, rowStart[r] + length));
            }
            row.copyTo(ids, rowStart[r]);
            rowStart[r + 1] = rowStart[r] + length;
            width = Math.max(width, length);
        }
        int[] tokens = new int[rows * width];
        int[] lengths = new int[rows];
        for (int r = 0; r < rows; r++) {
            lengths[r] = rowStart[r + 1] - rowStart[r];
            System.arraycopy(ids, rowStart[r], tokens, r * width, lengths[r]);
        }
        return new SequenceBatch(vocabulary(), width, tokens, lengths, labels);
    }

    /**
     * Receives a row's words and keeps the ids of the last {@code maxLength}, in a ring that grows up to
     * {@code maxLength} as needed; one per call, reused for every row. A long text keeps its last {@code maxLength}
     * words because the guide calls Keras' {@code pad_sequences} with its default {@code truncating='pre'}, and a
     * model trained here should see what the guide's sees (the end of a review is often its verdict, too).
     */
    private static final class RowIds implements Tokenizer.SpanSink {
        private final WordIndex index;
        private final int maxLength;
        /** Token t's id is in slot {@code t % maxLength}; the ring wraps only once it has grown to maxLength. */
        private int[] ring;
        private int seen;

        RowIds(WordIndex index, int maxLength) {
            this.index = index;
            this.maxLength = maxLength;
            this.ring = new int[Math.min(maxLength, 64)];
        }

        void start() {
            seen = 0;
        }

        @Override
        public void accept(String text, int start, int end) {
            if (seen == ring.length && seen < maxLength) {
                ring = Arrays.copyOf(ring, (int) Math.min(maxLength, 2L * ring.length));
            }
            ring[seen % maxLength] = index.id(text, start, end);
            seen++;
        }

        int length() {
            return Math.min(seen, maxLength);
        }

        /** Copies the row's kept ids, oldest first, to {@code out[offset, offset + length())}. */
        void copyTo(int[] out, int offset) {
            if (seen <= maxLength) {
                System.arraycopy(ring, 0, out, offset, seen);
                return;
            }
            int oldest = seen % maxLength;
            System.arraycopy(ring, oldest, out, offset, maxLength - oldest);
            System.arraycopy(ring, 0, out, offset + maxLength - oldest, oldest);
        }
    }

    /** The number of ids: padding, out-of-vocabulary and the kept words. */
    public int vocabulary() {
        return FIRST_WORD + words.length;
    }

    /**
     * The word of each id, {@code vocabulary()} of them: {@link #PADDING_WORD}, {@link #OUT_OF_VOCABULARY_WORD},
     * then the kept words, most frequent first.
     */
    public List<String> words() {
        return new AbstractList<>() {
            @Override
            public String get(int id) {
                if (id == SequenceBatch.PADDING) {
                    return PADDING_WORD;
                }
                return id == OUT_OF_VOCABULARY ? OUT_OF_VOCABULARY_WORD : words[id - FIRST_WORD];
            }

            @Override
            public int size() {
                return vocabulary();
            }
        };
    }

    /**
     * The id of a word as the tokenizer makes it (lowercase, no filtered character); {@link #OUT_OF_VOCABULARY}
     * when it is not one of the kept words.
     */
    public int idOf(String word) {
        return index.id(word);
    }

    /** {@link #idOf(String)} of {@code text.substring(start, end)}, without the substring. */
    int idOf(String text, int start, int end) {
        return index.id(text, start, end);
    }

    public SequenceConfig config() {
        return config;
    }

    /**
     * The classes this vectorizer was fit on: those given to {@link #fit}, or those its pass collected when none
     * were given. Null for a vectorizer read from a file, whose classes the model keeps.
     */
    public Labels labels() {
        return labels;
    }

    /** What the fit found; read back from the model file with the rest. */
    public SequenceFitReport fitReport() {
        return report;
    }

    /**
     * Writes this vectorizer in the following format (big-endian, as {@link DataOutput} writes):
     * <pre>
     * int    FORMAT_VERSION (1)
     * config: int maxWords, int maxLength, long countBudgetBytes
     * report: long documents, long tokens, long distinctWordsAtLeast, long distinctWordsAtMost, int kept,
     *         int prunings, long prunedWords, long maxCountUndercount, long fitMillis
     * int    K, the number of kept words; then K times, by id from 2: int byte length, the word's UTF-8 bytes
     * </pre>
     * The tokenizer is not in the file: changing what it makes of a text needs a new format version.
     */
    public void write(DataOutput out) throws IOException {
        out.writeInt(FORMAT_VERSION);
        out.writeInt(config.maxWords());
        out.writeInt(config.maxLength());
        out.writeLong(config.countBudgetBytes());
        out.writeLong(report.documents());
        out.writeLong(report.tokens());
        out.writeLong(report.distinctWordsAtLeast());
        out.writeLong(report.distinctWordsAtMost());
        out.writeInt(report.kept());
        out.writeInt(report.prunings());
        out.writeLong(report.prunedWords());
        out.writeLong(report.maxCountUndercount());
        out.writeLong(report.fitMillis());
        out.writeInt(words.length);
        for (String w : words) {
            byte[] utf8 = w.getBytes(StandardCharsets.UTF_8);
            out.writeInt(utf8.length);
            out.write(utf8);
        }
    }

    /** Reads what {@link #write} wrote, from a stream of unknown length (a cache file). */
    public static SequenceVectorizer read(DataInput in) throws IOException {
        return read(in, Long.MAX_VALUE);
    }

    /**
     * Reads what {@link #write} wrote, {@code bytes} long (a model file's section): every count is checked against
     * the bytes left before anything is allocated for it, so a forged count is refused instead of allocating
     * gigabytes.
     */
    public static SequenceVectorizer read(DataInput in, long bytes) throws IOException {
        int version = in.readInt();
        if (version != FORMAT_VERSION) {
            throw new IOException("sequence vectorizer: unsupported format version; expected " + FORMAT_VERSION
                    + ", found " + version);
        }
        SequenceConfig config;
        try {
            config = new SequenceConfig(in.readInt(), in.readInt(), in.readLong());
        } catch (IllegalArgumentException e) {
            throw new IOException("sequence vectorizer: bad config: " + e.getMessage(), e);
        }
        SequenceFitReport report = new SequenceFitReport(in.readLong(), in.readLong(), in.readLong(), in.readLong(),
                in.readInt(), in.readInt(), in.readLong(), in.readLong(), in.readLong());
        int kept = in.readInt();
        if (kept < 1 || kept > config.maxWords()) {
            throw new IOException("sequence vectorizer: bad word count; expected 1 to maxWords = "
                    + config.maxWords() + ", found " + kept);
        }
        // a word takes a length and at least one byte
        long left = bytes - HEADER_BYTES;
        if (kept > left / (Integer.BYTES + 1)) {
            throw new IOException("sequence vectorizer: impossible word count; expected at most "
                    + left / (Integer.BYTES + 1) + " for the " + left + " bytes left, found " + kept);
        }
        String[] words = new String[kept];
        for (int i = 0; i < kept; i++) {
            int length = in.readInt();
            left -= Integer.BYTES;
            if (length < 1 || length > 1 << 24) {
                throw new IOException("sequence vectorizer: bad length of word " + (i + FIRST_WORD)
                        + "; expected 1 to " + (1 << 24) + " bytes, found " + length);
            }
            if (length > left) {
                throw new IOException("sequence vectorizer: impossible length of word " + (i + FIRST_WORD)
                        + "; expected at most the " + left + " bytes left, found " + length);
            }
            left -= length;
            byte[] utf8 = new byte[length];
            in.readFully(utf8);
            words[i] = new String(utf8, StandardCharsets.UTF_8);
        }
        try {
            return new SequenceVectorizer(config, report, words, null);
        } catch (IllegalArgumentException e) {
            throw new IOException("sequence vectorizer: bad vocabulary: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "SequenceVectorizer[vocabulary=" + vocabulary() + ", maxLength=" + config.maxLength() + "]";
    }
}
