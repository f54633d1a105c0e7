package org.textclf.train;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import org.textclf.batch.SparseBatch;

/** Sparse batches of a linearly separable two-class problem: class 1 rows use features 0-9, class 0 rows 10-19. */
final class SyntheticBatches {
    private SyntheticBatches() {
    }

    static List<SparseBatch> make(int batches, int rows, long seed, boolean flipLabels) {
        SplittableRandom random = new SplittableRandom(seed);
        List<SparseBatch> out = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            int[] rowStart = new int[rows + 1];
            int[] indices = new int[rows * 3];
            float[] values = new float[rows * 3];
            int[] labels = new int[rows];
            for (int r = 0; r < rows; r++) {
                int label = random.nextInt(2);
                labels[r] = flipLabels ? 1 - label : label;
                int base = label == 1 ? 0 : 10;
                int first = random.nextInt(8);
                for (int k = 0; k < 3; k++) {
                    indices[r * 3 + k] = base + first + k;
                    values[r * 3 + k] = 0.577f;
                }
                rowStart[r + 1] = (r + 1) * 3;
            }
            out.add(new SparseBatch(20, rowStart, indices, values, labels));
        }
        return out;
    }

    /** Cycles through the list forever, like a batch generator. */
    static Iterator<SparseBatch> cycle(List<SparseBatch> batches) {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public SparseBatch next() {
                return batches.get(next++ % batches.size());
            }
        };
    }
}
