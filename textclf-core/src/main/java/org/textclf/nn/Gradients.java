package org.textclf.nn;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * The gradients of one batch's mean loss for every parameter of a network, and that batch's metrics: what
 * {@link Network#computeGradients} returns and {@link Network#applyGradients} takes, the seam a data-parallel
 * trainer works on. A dense parameter's gradient has the layout of its values. A row-sparse one (an MLP's or a
 * linear model's {@code dense_1/kernel}, a sepCNN's embedding: the rows of the features or tokens the batch holds)
 * lists the rows it touched, ascending, and holds only their values, packed: row {@code rows(i)[k]}'s gradient is
 * {@code values(i)[k * width, (k + 1) * width)}, {@code width} being the values per row.
 *
 * <p><b>Summing workers' gradients.</b> Each worker's gradients are those of its own batch's mean loss, {@code g_i =
 * grad (1 / n_i) sum_{r in B_i} loss_r}. Scaled by the worker's share of the rows and added, they are the gradient
 * of the union batch's mean loss: {@code sum_i (n_i / N) g_i = grad (1 / N) sum_{r in B} loss_r}, with {@code N =
 * sum_i n_i}. That is exact for networks without dropout (up to float rounding: tested within 1e-6 against the
 * whole batch); with dropout each worker draws its own masks, so the sum is as good a stochastic gradient as the
 * whole batch's, not the same one. A network's penalty that is not a mean over examples ({@link Linear}'s L2) is
 * not part of its gradients: {@link Network#applyGradients} adds it, once, to the rows the summed gradients touch.
 * <pre>{@code
 * // each worker, on its share of the batch
 * network.computeGradients(share, random).write(out);
 * // the driver: the weighted mean
 * Gradients sum = null;
 * for (Gradients g : received) {
 *     g.scale((float) g.metrics().count() / totalRows);
 *     sum = sum == null ? g : sum.add(g);
 * }
 * // every replica, with its own optimizer: the same update everywhere keeps the replicas identical
 * network.applyGradients(sum, optimizer);
 * }</pre>
 *
 * <p>The gradients a network's {@code computeGradients} returns are its reusable buffer, valid until its next step;
 * {@link #copy} and {@link #read} make gradients of the caller's own. Not thread-safe. The arrays the accessors
 * return are live, for an all-reduce to work in place.
 */
public final class Gradients {
    private final String[] names;
    private final int[][] shapes;
    /** The values per row of a row-sparse parameter; 0 for a dense one. */
    private final int[] widths;
    private final float[][] values;
    /** The touched rows of a row-sparse parameter, ascending; null for a dense one. */
    private final int[][] rows;
    private final int[] rowCounts;
    private BatchMetrics metrics;

    /**
     * Takes the arrays as they are: per parameter its name, shape, values per row (row-sparse) or 0 (dense), values,
     * touched rows (null when dense) and their count.
     */
    Gradients(String[] names, int[][] shapes, int[] widths, float[][] values, int[][] rows, int[] rowCounts,
              BatchMetrics metrics) {
        this.names = names;
        this.shapes = shapes;
        this.widths = widths;
        this.values = values;
        this.rows = rows;
        this.rowCounts = rowCounts;
        this.metrics = metrics;
    }

    /** Zero gradients for {@code parameters}, row-sparse at the indices {@code rowSparse}, no rows touched yet. */
    static Gradients of(List<Parameter> parameters, int... rowSparse) {
        int n = parameters.size();
        Gradients g = new Gradients(new String[n], new int[n][], new int[n], new float[n][], new int[n][],
                new int[n], BatchMetrics.EMPTY);
        for (int i = 0; i < n; i++) {
            Parameter p = parameters.get(i);
            g.names[i] = p.name();
            g.shapes[i] = p.shape();
            g.values[i] = new float[p.size()];
        }
        for (int i : rowSparse) {
            g.widths[i] = parameters.get(i).size() / g.shapes[i][0];
            g.values[i] = new float[0];
            g.rows[i] = new int[0];
        }
        return g;
    }

    /** How many parameters, in the network's order. */
    public int parameterCount() {
        return names.length;
    }

    /** The name of parameter {@code index}, as {@link Parameter#name()}. */
    public String name(int index) {
        return names[index];
    }

    /** A copy of the shape of parameter {@code index}. */
    public int[] shape(int index) {
        return shapes[index].clone();
    }

    /**
     * The index of the parameter named {@code name}.
     *
     * @throws IllegalArgumentException naming the parameters there are, when none has that name
     */
    public int indexOf(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no gradient for parameter " + name + "; available: "
                + Arrays.toString(names));
    }

    /** Whether parameter {@code index}'s gradient lists its rows ({@link #rows}) instead of holding every value. */
    public boolean isRowSparse(int index) {
        return rows[index] != null;
    }

    /** How many rows a row-sparse gradient touched. */
    public int rowCount(int index) {
        checkRowSparse(index);
        return rowCounts[index];
    }

    /** A row-sparse gradient's touched rows, ascending, in the first {@link #rowCount} entries (live). */
    public int[] rows(int index) {
        checkRowSparse(index);
        return rows[index];
    }

    /**
     * The gradient of parameter {@code index} (live): every value for a dense parameter, the touched rows packed
     * (the first {@code rowCount(index) * width} entries) for a row-sparse one.
     */
    public float[] values(int index) {
        return values[index];
    }

    /** The gradient of parameter {@code index} in the layout of its values, zero on untouched rows (a new array). */
    public float[] toDense(int index) {
        if (!isRowSparse(index)) {
            return values[index].clone();
        }
        int width = widths[index];
        float[] dense = new float[shapes[index][0] * width];
        for (int k = 0; k < rowCounts[index]; k++) {
            System.arraycopy(values[index], k * width, dense, rows[index][k] * width, width);
        }
        return dense;
    }

    /** The loss, accuracy and row count of the batch (or, after {@link #add}, the batches) behind these gradients. */
    public BatchMetrics metrics() {
        return metrics;
    }

    /**
     * Adds {@code other} into these gradients: value by value, over the union of the touched rows for a row-sparse
     * parameter; the metrics add up too ({@link BatchMetrics#plus}). Returns this.
     *
     * @throws IllegalArgumentException when the two are not for the same parameters (names, shapes, sparsity)
     */
    public Gradients add(Gradients other) {
        if (other == this) {
            other = copy();
        }
        checkSameParameters(other);
        for (int i = 0; i < names.length; i++) {
            if (isRowSparse(i)) {
                addRows(i, other);
            } else {
                float[] sum = values[i];
                float[] add = other.values[i];
                for (int j = 0; j < sum.length; j++) {
                    sum[j] += add[j];
                }
            }
        }
        metrics = metrics.plus(other.metrics);
        return this;
    }

    /** Multiplies every gradient by {@code factor}; the metrics stay. Returns this. */
    public Gradients scale(float factor) {
        for (int i = 0; i < names.length; i++) {
            float[] v = values[i];
            int n = isRowSparse(i) ? rowCounts[i] * widths[i] : v.length;
            for (int j = 0; j < n; j++) {
                v[j] *= factor;
            }
        }
        return this;
    }

    /** A deep copy, e.g. to keep a network's reusable gradients past its next step. */
    public Gradients copy() {
        int n = names.length;
        float[][] v = new float[n][];
        int[][] r = new int[n][];
        for (int i = 0; i < n; i++) {
            if (isRowSparse(i)) {
                v[i] = Arrays.copyOf(values[i], rowCounts[i] * widths[i]);
                r[i] = Arrays.copyOf(rows[i], rowCounts[i]);
            } else {
                v[i] = values[i].clone();
            }
        }
        return new Gradients(names, shapes, widths, v, r, rowCounts.clone(), metrics);
    }

    /**
     * Writes these gradients, for {@link #read} in another JVM: int32 magic {@code "TCGR"}, int32 version 1, int32
     * parameter count, then per parameter its UTF name, int32 rank, int32 dimensions, a byte 0 (dense: float32
     * values, row-major) or 1 (row-sparse: int32 row count, int32 rows ascending, float32 values of those rows),
     * then the metrics: float64 loss sum, int64 correct, int64 count. Big endian throughout, as {@link DataOutput}.
     */
    public void write(DataOutput out) throws IOException {
        GradientsFormat.write(this, out);
    }

    /**
     * Reads what {@link #write} wrote, checking every count and row index before it is used.
     *
     * @throws IOException saying what is impossible (magic, version, a count, a shape, a row, the metrics), or
     *     {@link java.io.EOFException} when the input ends early
     */
    public static Gradients read(DataInput in) throws IOException {
        return GradientsFormat.read(in);
    }

    /**
     * Makes {@code touched[0..count)} (ascending) the touched rows of row-sparse parameter {@code index} and returns
     * its values array, room for {@code count} rows, for the caller to write them in.
     */
    float[] setRows(int index, int[] touched, int count) {
        ensureRows(index, count, 0);
        System.arraycopy(touched, 0, rows[index], 0, count);
        rowCounts[index] = count;
        return values[index];
    }

    void setMetrics(BatchMetrics metrics) {
        this.metrics = metrics;
    }

    /**
     * The optimizer's update of {@code p} from gradient {@code index}: dense, or of the touched rows only, their
     * gradient first copied into {@code scratch} (room for all of {@code p}, in its layout) because
     * {@link Optimizer#updateRows} takes it in the layout of the values. The copy goes run by run of consecutive
     * rows, as the update does.
     */
    void update(int index, Parameter p, Optimizer optimizer, float[] scratch) {
        if (!isRowSparse(index)) {
            optimizer.updateDense(p, values[index]);
            return;
        }
        int[] r = rows[index];
        int n = rowCounts[index];
        int width = widths[index];
        int i = 0;
        while (i < n) {
            int start = i;
            int first = r[i++];
            while (i < n && r[i] == r[i - 1] + 1) {
                i++;
            }
            System.arraycopy(values[index], start * width, scratch, first * width, (i - start) * width);
        }
        optimizer.updateRows(p, scratch, r, 0, n);
    }

    /**
     * @throws IllegalArgumentException unless these gradients are for exactly {@code parameters} (names, shapes)
     */
    void checkFits(List<Parameter> parameters, String method) {
        if (parameters.size() != names.length) {
            throw new IllegalArgumentException(method + ": the gradients are for " + names.length + " parameters "
                    + Arrays.toString(names) + "; this network has " + parameters.size() + ": " + parameters);
        }
        for (int i = 0; i < names.length; i++) {
            Parameter p = parameters.get(i);
            if (!p.name().equals(names[i]) || !Arrays.equals(p.shape(), shapes[i])) {
                throw new IllegalArgumentException(method + ": gradient " + i + " is for another parameter; expected "
                        + p + ", found " + describe(i));
            }
        }
    }

    private void checkSameParameters(Gradients other) {
        if (other.names.length != names.length) {
            throw new IllegalArgumentException("add: the gradients are for different parameters; expected "
                    + names.length + " " + Arrays.toString(names) + ", found " + other.names.length + " "
                    + Arrays.toString(other.names));
        }
        for (int i = 0; i < names.length; i++) {
            if (!names[i].equals(other.names[i]) || !Arrays.equals(shapes[i], other.shapes[i])) {
                throw new IllegalArgumentException("add: gradient " + i + " differs; expected " + describe(i)
                        + ", found " + other.describe(i));
            }
            if (isRowSparse(i) != other.isRowSparse(i)) {
                throw new IllegalArgumentException("add: gradient " + i + " (" + names[i] + ") is "
                        + (isRowSparse(i) ? "row-sparse" : "dense") + " here and "
                        + (other.isRowSparse(i) ? "row-sparse" : "dense") + " in the other; add gradients of the"
                        + " same kind of network");
            }
        }
    }

    /**
     * Merges {@code other}'s rows of parameter {@code i} into these, from the last row down, in place: a row moves
     * only up (its new position counts the other's rows below it too), so nothing is overwritten before it is read.
     */
    private void addRows(int i, Gradients other) {
        int[] a = rows[i];
        int[] b = other.rows[i];
        int n = rowCounts[i];
        int m = other.rowCounts[i];
        int union = 0;
        for (int p = 0, q = 0; p < n || q < m; union++) {
            if (q == m || (p < n && a[p] < b[q])) {
                p++;
            } else if (p == n || b[q] < a[p]) {
                q++;
            } else {
                p++;
                q++;
            }
        }
        ensureRows(i, union, n);
        a = rows[i];
        float[] v = values[i];
        float[] w = other.values[i];
        int width = widths[i];
        int p = n - 1;
        int q = m - 1;
        for (int k = union - 1; q >= 0; k--) { // once q < 0 the rows left are where they belong (k == p)
            if (p >= 0 && a[p] >= b[q]) {
                boolean both = a[p] == b[q];
                a[k] = a[p];
                System.arraycopy(v, p * width, v, k * width, width);
                if (both) {
                    for (int j = 0; j < width; j++) {
                        v[k * width + j] += w[q * width + j];
                    }
                    q--;
                }
                p--;
            } else {
                a[k] = b[q];
                System.arraycopy(w, q * width, v, k * width, width);
                q--;
            }
        }
        rowCounts[i] = union;
    }

    /** Room for {@code count} rows in parameter {@code i}'s arrays, keeping the first {@code keep} rows. */
    private void ensureRows(int i, int count, int keep) {
        int width = widths[i];
        if (rows[i].length < count) {
            int capacity = Math.min(shapes[i][0], Math.max(count, rows[i].length + rows[i].length / 2));
            rows[i] = Arrays.copyOf(rows[i], capacity);
        }
        if (values[i].length < count * width) {
            float[] grown = new float[rows[i].length * width];
            System.arraycopy(values[i], 0, grown, 0, keep * width);
            values[i] = grown;
        }
    }

    private void checkRowSparse(int index) {
        if (!isRowSparse(index)) {
            throw new IllegalArgumentException(names[index] + " has a dense gradient; rows are listed for row-sparse"
                    + " gradients only");
        }
    }

    private String describe(int i) {
        return names[i] + Arrays.toString(shapes[i]);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Gradients[");
        for (int i = 0; i < names.length; i++) {
            s.append(i == 0 ? "" : ", ").append(describe(i));
            if (isRowSparse(i)) {
                s.append(" (").append(rowCounts[i]).append(" rows)");
            }
        }
        return s.append("; ").append(metrics.count()).append(" examples]").toString();
    }
}
