package org.textclf.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import java.util.function.Consumer;
import org.textclf.data.Sources;

/**
 * Pretrained word embeddings for a {@link SequenceVectorizer}'s vocabulary, as the guide loads GloVe to initialize
 * its embedding layer: one row of {@link #dim()} floats per id. Rows of words found in the file are copied; the
 * padding row is zeros; every other row (the out-of-vocabulary id, words not in the file) is drawn uniformly from
 * [-0.05, 0.05) by a seeded generator, as Keras initializes an {@code Embedding}. Immutable.
 */
public final class WordVectors {
    /** Keras' default {@code Embedding} initializer: {@code RandomUniform(-0.05, 0.05)}. */
    static final float INIT_LIMIT = 0.05f;
    private static final int BUFFER_BYTES = 1 << 16;

    private final int dim;
    private final float[] matrix;
    private final int found;

    private WordVectors(int dim, float[] matrix, int found) {
        this.dim = dim;
        this.matrix = matrix;
        this.found = found;
    }

    /**
     * Streams a fastText {@code .vec} file (a first line "count dim", then one word and its values per line) or a
     * GloVe {@code .txt} file (the same without the first line), gzipped or not (told by its magic bytes, whatever
     * its name), with or without a UTF-8 byte-order mark, and keeps the rows of the vocabulary's words. The
     * dimension is the number of values on the first vector line; a header must agree with it and with the number
     * of vector lines. Values are separated by spaces or tabs; trailing ones (fastText writes one) are ignored, as
     * are blank lines. A first line of exactly two integers is taken for a header.
     *
     * <p>Every line's value count is checked; the values themselves are parsed only on the rows of vocabulary
     * words, so that a file of millions of words costs a scan rather than hundreds of millions of parses. When a
     * vocabulary word appears twice, the first row wins, as in gensim's
     * {@code load_word2vec_format} (the guide's dictionary loop would keep the last), and the log says so.
     *
     * @param log receives the coverage ("embeddings: 14,233 of 16,000 words found (89.0%), dim 100, from FILE")
     *     and a line about repeated words, if any
     * @throws IOException {@code FILE:LINE: what is wrong; expected ..., found ...} for a malformed line, a header
     *     that disagrees with the file, or a file without vectors
     */
    public static WordVectors read(Path file, SequenceVectorizer vocabulary, long seed, Consumer<String> log)
            throws IOException {
        String name = file.toString();
        int words = vocabulary.vocabulary() - SequenceVectorizer.FIRST_WORD;
        boolean[] have = new boolean[vocabulary.vocabulary()];
        float[] matrix = null;
        int dim = -1;
        long headerCount = -1;
        int headerDim = -1;
        long headerLine = 0;
        long vectorLines = 0;
        int found = 0;
        long repeats = 0;
        String firstRepeat = null;
        long lineNumber = 0;
        try (BufferedReader reader = open(file)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                int start = skipSeparators(line, 0);
                if (start == line.length()) {
                    continue;
                }
                if (headerLine == 0 && dim < 0) {
                    long[] header = header(line);
                    if (header != null) {
                        if (header[1] < 1 || header[1] > Integer.MAX_VALUE / 2) {
                            throw new IOException(name + ":" + lineNumber + ": bad dimension in the header; expected"
                                    + " \"count dim\" with dim at least 1, found \"" + line.strip() + "\"");
                        }
                        headerLine = lineNumber;
                        headerCount = header[0];
                        headerDim = (int) header[1];
                        continue;
                    }
                }
                int wordEnd = nextSeparator(line, start);
                int values = countValues(line, wordEnd);
                if (dim < 0) {
                    if (values == 0) {
                        throw new IOException(name + ":" + lineNumber + ": no values after the word; expected a"
                                + " word and its vector, found \"" + abbreviate(line) + "\"");
                    }
                    if (headerDim > 0 && values != headerDim) {
                        throw new IOException(name + ":" + lineNumber + ": vector length disagrees with the header;"
                                + " expected " + headerDim + " values as line " + headerLine + " says, found "
                                + values);
                    }
                    dim = values;
                    matrix = initialMatrix(vocabulary.vocabulary(), dim, seed);
                } else if (values != dim) {
                    throw new IOException(name + ":" + lineNumber + ": wrong number of values for '"
                            + abbreviate(line.substring(start, wordEnd)) + "'; expected " + dim + ", found "
                            + values);
                }
                vectorLines++;
                int id = vocabulary.idOf(line, start, wordEnd);
                if (id < SequenceVectorizer.FIRST_WORD) {
                    continue;
                }
                if (have[id]) {
                    if (repeats++ == 0) {
                        firstRepeat = name + ":" + lineNumber + ": '" + line.substring(start, wordEnd) + "'";
                    }
                    continue;
                }
                parseValues(line, wordEnd, matrix, id * dim, name, lineNumber, line.substring(start, wordEnd));
                have[id] = true;
                found++;
            }
        }
        if (dim < 0) {
            throw new IOException(name + ":" + (lineNumber + 1) + ": no word vectors; expected lines of a word and"
                    + " its values, found " + (headerLine > 0 ? "only a header" : "an empty file"));
        }
        if (headerLine > 0 && headerCount != vectorLines) {
            throw new IOException(name + ":" + headerLine + ": the header's word count disagrees with the file;"
                    + " expected " + headerCount + " vector lines as the header says, found " + vectorLines
                    + (vectorLines < headerCount ? " (is the file truncated?)" : ""));
        }
        if (repeats > 0) {
            log.accept(String.format("embeddings: %,d vocabulary words appear more than once (first at %s); kept"
                    + " the first vector of each", repeats, firstRepeat));
        }
        log.accept(String.format("embeddings: %,d of %,d words found (%.1f%%), dim %d, from %s", found, words,
                words == 0 ? 0.0 : 100.0 * found / words, dim, name));
        return new WordVectors(dim, matrix, found);
    }

    /** Row 0 (padding) zeros, the others uniform in [-0.05, 0.05) from {@code seed}, drawn in id order. */
    private static float[] initialMatrix(int rows, int dim, long seed) {
        float[] matrix = new float[Math.multiplyExact(rows, dim)];
        Random random = new Random(seed);
        for (int i = dim; i < matrix.length; i++) {
            matrix[i] = -INIT_LIMIT + 2 * INIT_LIMIT * random.nextFloat();
        }
        return matrix;
    }

    private static BufferedReader open(Path file) throws IOException {
        // Lenient decoding: a word with bytes that are not UTF-8 cannot be a vocabulary word anyway.
        return new BufferedReader(new InputStreamReader(Sources.openBytes(file), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)), BUFFER_BYTES);
    }

    /** {count, dim} when the line is exactly two non-negative integers, else null. */
    private static long[] header(String line) {
        String[] parts = line.strip().split("[ \t]+");
        if (parts.length != 2) {
            return null;
        }
        try {
            long count = Long.parseLong(parts[0]);
            long dim = Long.parseLong(parts[1]);
            return count >= 0 && dim >= 0 ? new long[] {count, dim} : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '\t';
    }

    private static int skipSeparators(String line, int i) {
        while (i < line.length() && isSeparator(line.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int nextSeparator(String line, int i) {
        while (i < line.length() && !isSeparator(line.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int countValues(String line, int from) {
        int values = 0;
        for (int i = skipSeparators(line, from); i < line.length(); i = skipSeparators(line, nextSeparator(line, i))) {
            values++;
        }
        return values;
    }

    private static void parseValues(String line, int from, float[] matrix, int offset, String name, long lineNumber,
            String word) throws IOException {
        int k = 0;
        for (int i = skipSeparators(line, from); i < line.length(); k++) {
            int end = nextSeparator(line, i);
            String value = line.substring(i, end);
            float v;
            try {
                v = Float.parseFloat(value);
            } catch (NumberFormatException e) {
                v = Float.NaN;
            }
            if (!Float.isFinite(v)) {
                throw new IOException(name + ":" + lineNumber + ": value " + (k + 1) + " of '" + word + "' is not a"
                        + " finite number; expected a decimal such as -0.0123, found '" + abbreviate(value) + "'");
            }
            matrix[offset + k] = v;
            i = skipSeparators(line, end);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    /** The number of values per word. */
    public int dim() {
        return dim;
    }

    /**
     * A copy of the {@code vocabulary() x dim()} matrix, row-major: row {@code id} is the vector of the word with
     * that id.
     */
    public float[] matrix() {
        return matrix.clone();
    }

    /** How many of the vocabulary's words had a vector in the file. */
    public int found() {
        return found;
    }

    /** The number of rows: the vocabulary's ids. */
    public int rows() {
        return matrix.length / dim;
    }

    @Override
    public String toString() {
        return "WordVectors[rows=" + rows() + ", dim=" + dim + ", found=" + found + "]";
    }
}
