package org.textclf.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adam with Keras' update rule ({@link Optimizer}), and its training state: the step count and a first and second
 * moment per parameter, created on first use (or up front by {@link #forNetwork}). For step {@code t}:
 * <pre>
 *   alpha = learningRate * sqrt(1 - beta2^t) / (1 - beta1^t)
 *   m += (g - m) * (1 - beta1)
 *   v += (g * g - v) * (1 - beta2)
 *   w -= alpha * m / (sqrt(v) + epsilon)
 * </pre>
 * {@code alpha} is computed in double and rounded once to float (Keras computes it in float32: the two differ by at
 * most one ulp of alpha).
 *
 * <p><b>Sparse rows are updated lazily</b> ({@link #updateRows}, TensorFlow Addons' {@code LazyAdam}): a step
 * updates the moments and the values of only the rows of a kernel that the batch touched, so its cost follows the
 * batch's distinct features, not the vocabulary. Dense Adam would also decay the moments of every untouched row
 * and keep moving it by its old momentum. No exact scheme is as cheap: catching up a row skipped for {@code k} steps
 * needs the sum of {@code alpha_t * m_t / (sqrt(v_t) + epsilon)} over those steps, which has no closed form
 * (epsilon and the bias corrections change every step), so it costs {@code k} steps of work per row anyway. On a
 * step in which every row is touched the two agree bit for bit (tested). Measured at IMDB shape (20,000 x 64
 * kernel, a batch of 128 x ~150 Zipf-drawn nonzeros touching 6,788 rows; {@code StepTiming}, thread CPU time):
 * dense update of the whole kernel 375-450 us, lazy update of the touched rows 300-340 us once the rows are sorted
 * and consecutive rows merged into runs (750 us before: random short rows cost 2.5x per value), against a forward
 * plus backward of 1,700-2,200 us. Its cost follows the rows touched (999 rows: ~45 us), so the gain grows as
 * the vocabulary grows, while the dense cost grows with the vocabulary whatever the batch.
 *
 * <p>Not thread-safe: one training thread owns an optimizer. {@link #exportState()} and {@link #importState}
 * checkpoint it.
 */
public final class Adam implements Optimizer {

    private final AdamConfig config;
    private final Map<String, Slot> slots = new LinkedHashMap<>();
    private final float oneMinusBeta1;
    private final float oneMinusBeta2;
    private long iterations;
    private float alpha;

    public Adam(AdamConfig config) {
        this.config = config;
        this.oneMinusBeta1 = oneMinus(config.beta1());
        this.oneMinusBeta2 = oneMinus(config.beta2());
    }

    /**
     * {@code 1 - beta} as Keras gets it: from the decimal the user wrote (0.999), not from its float (0.99900001),
     * whose complement is 1.3e-5 off in relative terms.
     */
    private static float oneMinus(float beta) {
        return (float) (1 - Double.parseDouble(Float.toString(beta)));
    }

    /** An optimizer whose moments for every parameter of {@code network} exist already (all zero). */
    public static Adam forNetwork(AdamConfig config, Network<?> network) {
        Adam adam = new Adam(config);
        for (Parameter p : network.parameters()) {
            adam.slotFor(p);
        }
        return adam;
    }

    public AdamConfig config() {
        return config;
    }

    @Override
    public long iterations() {
        return iterations;
    }

    /** Starts step {@code iterations() + 1}: every update until the next call uses its bias correction. */
    @Override
    public void beginStep() {
        iterations++;
        double correction1 = 1 - Math.pow(config.beta1(), iterations);
        double correction2 = 1 - Math.pow(config.beta2(), iterations);
        alpha = (float) (config.learningRate() * Math.sqrt(correction2) / correction1);
    }

    @Override
    public void updateDense(Parameter p, float[] gradient) {
        Slot slot = slotFor(p);
        checkStarted();
        if (gradient.length < p.size()) {
            throw new IllegalArgumentException(p.name() + ": gradient must hold " + p.size() + " values; found "
                    + gradient.length);
        }
        update(p.values(), gradient, slot.m, slot.v, 0, p.size());
    }

    /**
     * Lazily updates the rows {@code rows[0..rowCount)} of a two-dimensional {@code p} (distinct row indices, fastest
     * in ascending order); the other rows, and their moments, are left as they are. {@code gradient} has the layout
     * of the values; only the listed rows are read.
     */
    public void updateRows(Parameter p, float[] gradient, int[] rows, int rowCount) {
        updateRows(p, gradient, rows, 0, rowCount);
    }

    /**
     * {@inheritDoc} Each row's moments are its own; they exist already when {@link #forNetwork} made this optimizer.
     */
    @Override
    public void updateRows(Parameter p, float[] gradient, int[] rows, int from, int to) {
        Slot slot = slotFor(p);
        checkStarted();
        int[] shape = p.shape();
        if (shape.length != 2) {
            throw new IllegalArgumentException(p.name() + ": row updates need a two-dimensional parameter; found "
                    + "shape " + Arrays.toString(shape));
        }
        int width = shape[1];
        float[] w = p.values();
        float[] m = slot.m;
        float[] v = slot.v;
        int i = from;
        while (i < to) {
            // Runs of consecutive rows go in one call: a long loop that the JIT unrolls, instead of many short ones.
            int first = rows[i++];
            int last = first;
            while (i < to && rows[i] == last + 1) {
                last = rows[i++];
            }
            update(w, gradient, m, v, first * width, (last + 1) * width);
        }
    }

    /**
     * One index for the values, the gradient and the moments: JDK 17's C2 vectorizes this loop only then. With the
     * gradient at another offset (read from a packed gradient, {@code g[j + shift]}) it stays scalar, and the lazy
     * update of the IMDB kernel took 1,000-1,050 us instead of 300-330 ({@code StepTiming}, adamLazyFirstLayer):
     * hence {@link #updateRows} takes its gradient in the layout of the values.
     */
    private void update(float[] w, float[] g, float[] m, float[] v, int from, int to) {
        float a = alpha;
        float oneMinusBeta1 = this.oneMinusBeta1;
        float oneMinusBeta2 = this.oneMinusBeta2;
        float epsilon = config.epsilon();
        for (int j = from; j < to; j++) {
            float gj = g[j];
            float mj = m[j] + (gj - m[j]) * oneMinusBeta1;
            float vj = v[j] + (gj * gj - v[j]) * oneMinusBeta2;
            m[j] = mj;
            v[j] = vj;
            w[j] -= a * mj / ((float) Math.sqrt(vj) + epsilon);
        }
    }

    private void checkStarted() {
        if (iterations == 0) {
            throw new IllegalStateException("no step begun; call beginStep() before the updates of each step");
        }
    }

    private Slot slotFor(Parameter p) {
        Slot slot = slots.get(p.name());
        if (slot == null) {
            slot = new Slot(p.shape(), new float[p.size()], new float[p.size()]);
            slots.put(p.name(), slot);
        } else if (!Arrays.equals(slot.shape, p.shape())) {
            throw new IllegalArgumentException(p.name() + ": shape differs from the moments this optimizer holds; "
                    + "expected " + Arrays.toString(slot.shape) + ", found " + Arrays.toString(p.shape()));
        }
        return slot;
    }

    /** A deep copy of the step count and every moment, for a checkpoint. */
    public AdamState exportState() {
        List<AdamState.Slot> copies = new ArrayList<>(slots.size());
        for (Map.Entry<String, Slot> e : slots.entrySet()) {
            Slot s = e.getValue();
            copies.add(new AdamState.Slot(e.getKey(), s.shape, s.m.clone(), s.v.clone()));
        }
        return new AdamState(iterations, copies);
    }

    /**
     * The step count and moments without copying them: for writing a checkpoint from the training thread between
     * steps, where a copy would double the optimizer's memory for nothing. The arrays are live and change with the
     * next step; use {@link #exportState()} for a snapshot to keep.
     */
    public AdamState stateView() {
        List<AdamState.Slot> views = new ArrayList<>(slots.size());
        for (Map.Entry<String, Slot> e : slots.entrySet()) {
            Slot s = e.getValue();
            views.add(new AdamState.Slot(e.getKey(), s.shape, s.m, s.v));
        }
        return new AdamState(iterations, views);
    }

    /** Replaces this optimizer's whole state by a copy of {@code state} (from {@link #exportState()}). */
    public void importState(AdamState state) {
        slots.clear();
        for (AdamState.Slot s : state.slots()) {
            slots.put(s.name(), new Slot(s.shape(), s.m().clone(), s.v().clone()));
        }
        iterations = state.iterations();
        if (iterations > 0) {
            iterations--;
            beginStep(); // recompute alpha for the imported step; the next beginStep() moves on as usual
        }
    }

    /** The moments of one parameter. */
    private record Slot(int[] shape, float[] m, float[] v) {
    }
}
