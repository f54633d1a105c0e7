package org.textclf.spark.fit;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.textclf.batch.Example;

/**
 * Which of a partition's cached examples each step of an epoch trains on, and the dropout draws for it: functions of
 * the seed, the epoch, the step and the partition only, so that a task Spark runs again draws the same.
 */
final class EpochSlices {
    private EpochSlices() {
    }

    static List<ExampleBlock> list(Iterator<ExampleBlock> blocks) {
        List<ExampleBlock> all = new ArrayList<>();
        blocks.forEachRemaining(all::add);
        return all;
    }

    static int count(List<ExampleBlock> blocks) {
        int n = 0;
        for (ExampleBlock b : blocks) {
            n += b.size();
        }
        return n;
    }

    /** Every block but the last is full, so example {@code i} is in block {@code i / SIZE}. */
    static List<Example> examples(List<ExampleBlock> blocks, int[] slice) {
        List<Example> out = new ArrayList<>(slice.length);
        for (int i : slice) {
            out.add(blocks.get(i / ExampleBlock.SIZE).example(i % ExampleBlock.SIZE));
        }
        return out;
    }

    /**
     * The examples of partition {@code partition} (of {@code n}) in step {@code step} of {@code steps}: slice
     * {@code step} of the epoch's permutation of the partition.
     */
    static int[] slice(int n, int steps, int step, long seed, int epoch, int partition, boolean shuffle) {
        int from = (int) ((long) step * n / steps);
        int to = (int) ((long) (step + 1) * n / steps);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        if (shuffle) {
            SplittableRandom r = new SplittableRandom(mix(mix(seed ^ mix(epoch)) ^ partition));
            for (int i = n - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                int x = order[i];
                order[i] = order[j];
                order[j] = x;
            }
        }
        return java.util.Arrays.copyOfRange(order, from, to);
    }

    /** Dropout's draws for one partition's share of one step. */
    static RandomGenerator random(long seed, int epoch, int step, int partition) {
        return new SplittableRandom(mix(mix(mix(seed + 1) ^ epoch) ^ ((long) step << 20)) ^ partition);
    }

    /** SplitMix64's finalizer. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
