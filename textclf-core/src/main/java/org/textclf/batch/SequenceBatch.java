package org.textclf.batch;

import java.util.Arrays;
import java.util.List;

/**
 * A mini-batch of token-id sequences, padded with 0 to the batch's own longest sequence (not to a global maximum),
 * with one class id per row. Row {@code r} is {@code tokens[r * width, r * width + lengths[r])}; the rest of the
 * row is padding, which layers must mask so that a sequence predicts the same alone and beside longer ones.
 *
 * @param vocabulary the number of token ids, padding (0) and out-of-vocabulary included
 * @param width the padded length of every row, at least 1
 * @param tokens row-major {@code rows x width} token ids in {@code [0, vocabulary)}
 * @param lengths the real length of each row, in {@code [0, width]}
 * @param labels the class id of each row, or -1 where the sample has no label
 */
public record SequenceBatch(int vocabulary, int width, int[] tokens, int[] lengths, int[] labels) implements Batch {

    /** The id that pads a row past its length. */
    public static final int PADDING = 0;

    public SequenceBatch {
        if (width < 1) {
            throw new IllegalArgumentException("width must be at least 1, found " + width);
        }
        if (lengths.length != labels.length || tokens.length != labels.length * width) {
            throw new IllegalArgumentException("expected rows = " + labels.length + " lengths and rows x width = "
                    + labels.length * width + " tokens, found " + lengths.length + " and " + tokens.length);
        }
    }

    /** Splitting into and assembling from {@link Example}s (indices only), over {@code vocabulary} token ids. */
    public static BatchRows<SequenceBatch> rows(int vocabulary) {
        return new BatchRows<>() {
            @Override
            public int size(SequenceBatch batch) {
                return batch.rows();
            }

            @Override
            public Example row(SequenceBatch b, int i) {
                return new Example(b.labels[i], b.sequence(i), null);
            }

            @Override
            public SequenceBatch assemble(List<Example> rows) {
                int[][] sequences = new int[rows.size()][];
                int[] labels = new int[rows.size()];
                for (int r = 0; r < rows.size(); r++) {
                    sequences[r] = rows.get(r).indices();
                    labels[r] = rows.get(r).label();
                }
                return of(vocabulary, sequences, labels);
            }
        };
    }

    /** A batch of these sequences, padded to the longest (width 1 when all are empty). */
    public static SequenceBatch of(int vocabulary, int[][] sequences, int[] labels) {
        int width = 1;
        for (int[] s : sequences) {
            width = Math.max(width, s.length);
        }
        int[] tokens = new int[sequences.length * width];
        int[] lengths = new int[sequences.length];
        for (int r = 0; r < sequences.length; r++) {
            System.arraycopy(sequences[r], 0, tokens, r * width, sequences[r].length);
            lengths[r] = sequences[r].length;
        }
        return new SequenceBatch(vocabulary, width, tokens, lengths, labels);
    }

    public int rows() {
        return labels.length;
    }

    /** Row {@code r}'s tokens without padding. */
    public int[] sequence(int r) {
        return Arrays.copyOfRange(tokens, r * width, r * width + lengths[r]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SequenceBatch b && vocabulary == b.vocabulary && width == b.width
                && Arrays.equals(tokens, b.tokens) && Arrays.equals(lengths, b.lengths)
                && Arrays.equals(labels, b.labels);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(tokens) + Arrays.hashCode(labels);
    }

    @Override
    public String toString() {
        return "SequenceBatch[rows=" + rows() + ", width=" + width + ", vocabulary=" + vocabulary + "]";
    }
}
