package org.textclf.tune;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.textclf.train.Metric;

/** What {@code tune} ranks trials by, measured on the validation data at the end of every rung. */
public enum TuneMetric {
    VAL_ACCURACY("val_accuracy", true, Metric.VAL_ACCURACY),
    VAL_LOSS("val_loss", false, Metric.VAL_LOSS),
    /** The unweighted mean of the classes' F1 at the trial's best epoch: accuracy hides rare classes, this does not. */
    MACRO_F1("macro_f1", true, null);

    private final String key;
    private final boolean higherIsBetter;
    private final Metric monitor;

    TuneMetric(String key, boolean higherIsBetter, Metric monitor) {
        this.key = key;
        this.higherIsBetter = higherIsBetter;
        this.monitor = monitor;
    }

    public String key() {
        return key;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /**
     * What early stopping watches in a trial: this metric itself, so that a trial's best epoch is the one ranked;
     * null for macro F1, which is not measured per epoch (early stopping then watches the base options' monitor).
     */
    public Metric monitor() {
        return monitor;
    }

    /** Whether {@code a} ranks above {@code b}; NaN (a diverged trial) ranks last. */
    boolean better(double a, double b) {
        if (Double.isNaN(b)) {
            return !Double.isNaN(a);
        }
        return higherIsBetter ? a > b : a < b;
    }

    /** @throws IllegalArgumentException naming the metrics available */
    public static TuneMetric parse(String key) {
        for (TuneMetric m : values()) {
            if (m.key.equals(key)) {
                return m;
            }
        }
        throw new IllegalArgumentException("metric '" + key + "' not available; available: "
                + Arrays.stream(values()).map(TuneMetric::key).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return key;
    }
}
