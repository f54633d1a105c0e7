package org.textclf.train;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The per-epoch metrics, keyed as Keras names them; typed so that a renamed key is a compile error. */
public enum Metric {
    LOSS("loss", false),
    ACCURACY("accuracy", true),
    VAL_LOSS("val_loss", false),
    VAL_ACCURACY("val_accuracy", true);

    private final String key;
    private final boolean higherIsBetter;

    Metric(String key, boolean higherIsBetter) {
        this.key = key;
        this.higherIsBetter = higherIsBetter;
    }

    /** Keras' name: {@code loss}, {@code accuracy}, {@code val_loss}, {@code val_accuracy}. */
    public String key() {
        return key;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    public boolean isValidation() {
        return this == VAL_LOSS || this == VAL_ACCURACY;
    }

    /** The metric named {@code key}, with the available names in the message when there is none. */
    public static Metric parse(String key) {
        for (Metric m : values()) {
            if (m.key.equals(key)) {
                return m;
            }
        }
        throw new IllegalArgumentException("metric '" + key + "' not available; available: " + keys(List.of(values())));
    }

    static String keys(List<Metric> metrics) {
        return metrics.stream().map(Metric::key).collect(Collectors.joining(", "));
    }

    static List<Metric> trainingOnly() {
        return Arrays.stream(values()).filter(m -> !m.isValidation()).toList();
    }

    @Override
    public String toString() {
        return key;
    }
}
