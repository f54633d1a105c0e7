package org.textclf.nn;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import org.textclf.batch.SequenceBatch;

/** Small sequence batches for the sepCNN tests. */
final class SequenceBatches {

    private SequenceBatches() {
    }

    /** Rows of the given lengths, tokens uniform in {@code [1, vocabulary)} (never padding), labels uniform. */
    static SequenceBatch random(int vocabulary, int[] lengths, int classes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[][] sequences = new int[lengths.length][];
        int[] labels = new int[lengths.length];
        for (int r = 0; r < lengths.length; r++) {
            sequences[r] = random.ints(lengths[r], 1, vocabulary).toArray();
            labels[r] = random.nextInt(classes);
        }
        return SequenceBatch.of(vocabulary, sequences, labels);
    }

    /**
     * A separable task: a sequence of class {@code k} holds token {@code 1 + k} once (at a random place) among
     * noise tokens {@code [classes + 1, vocabulary)}; lengths 1 to 12.
     */
    static List<SequenceBatch> separable(int batches, int rows, int vocabulary, int classes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<SequenceBatch> out = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            int[][] sequences = new int[rows][];
            int[] labels = new int[rows];
            for (int r = 0; r < rows; r++) {
                int label = random.nextInt(classes);
                int[] s = random.ints(1 + random.nextInt(12), classes + 1, vocabulary).toArray();
                s[random.nextInt(s.length)] = 1 + label;
                sequences[r] = s;
                labels[r] = label;
            }
            out.add(SequenceBatch.of(vocabulary, sequences, labels));
        }
        return out;
    }

    /** Cycles through the list forever, like a batch generator. */
    static Iterator<SequenceBatch> cycle(List<SequenceBatch> batches) {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public SequenceBatch next() {
                return batches.get(next++ % batches.size());
            }
        };
    }
}
