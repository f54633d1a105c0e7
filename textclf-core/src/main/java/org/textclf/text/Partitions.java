package org.textclf.text;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * Which partitions of a corpus some fit statistics cover, and what to call them in messages: a partition's source
 * name, or the first one's and how many more. Merging refuses overlapping sets, so that no partition is counted
 * twice; the partition numbers also order the corpus where order matters (the n-gram vocabulary's ids).
 *
 * @param ids the partition numbers, ascending, distinct
 * @param firstName the source name of the partition {@code ids[0]}
 */
record Partitions(int[] ids, String firstName) {

    static Partitions of(int partition, String name) {
        if (partition < 0 || partition > DocumentFrequencies.MAX_PARTITION) {
            throw new IllegalArgumentException("partition must be between 0 and " + DocumentFrequencies.MAX_PARTITION
                    + "; found " + partition);
        }
        return new Partitions(new int[] {partition}, name);
    }

    /** Both sets; the order of the operands does not matter. */
    Partitions merge(Partitions other) {
        int[] all = new int[ids.length + other.ids.length];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < ids.length || j < other.ids.length) {
            if (i < ids.length && j < other.ids.length && ids[i] == other.ids[j]) {
                throw new IllegalArgumentException("cannot merge statistics that both cover partition " + ids[i]
                        + "; expected each partition's statistics to be merged once");
            }
            all[n++] = j == other.ids.length || i < ids.length && ids[i] < other.ids[j] ? ids[i++] : other.ids[j++];
        }
        return new Partitions(all, ids[0] < other.ids[0] ? firstName : other.firstName);
    }

    /** What to call these partitions in messages. */
    String name() {
        return ids.length == 1 ? firstName : firstName + " and " + (ids.length - 1) + " other partitions";
    }

    void write(DataOutput out) throws IOException {
        StatisticsIO.writeString(out, firstName);
        out.writeInt(ids.length);
        for (int id : ids) {
            out.writeInt(id);
        }
    }

    static Partitions read(DataInput in, String what) throws IOException {
        String name = StatisticsIO.readString(in, what, "source name", 0);
        int n = StatisticsIO.count(in, what, "partition count", 1, DocumentFrequencies.MAX_PARTITION + 1L);
        int[] ids = new int[Math.min(n, 1 << 16)];
        for (int i = 0; i < n; i++) {
            if (i == ids.length) {
                ids = Arrays.copyOf(ids, Math.min(n, 2 * ids.length));
            }
            ids[i] = StatisticsIO.count(in, what, "partition", i == 0 ? 0 : ids[i - 1] + 1L,
                    DocumentFrequencies.MAX_PARTITION);
        }
        return new Partitions(ids, name);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Partitions p && Arrays.equals(ids, p.ids) && firstName.equals(p.firstName);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ids) * 31 + firstName.hashCode();
    }
}
