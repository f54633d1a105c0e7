package org.textclf.api;

import java.util.List;
import org.textclf.model.ModelInfo;

/**
 * What serving a model needs: predictions for texts, the class names and the model's provenance. Implementations
 * are safe for concurrent predictions.
 */
public interface Predictor {

    /** The most probable class of {@code text} and every class's probability. */
    default Prediction predict(String text) {
        return predict(List.of(text)).get(0);
    }

    /** Predictions for several texts at once, in order (faster than one by one). */
    List<Prediction> predict(List<String> texts);

    /** The classes' display names, in class-id order (the order of {@link Prediction#probabilities()}). */
    List<String> classNames();

    /** Where the model came from: branch, classes, parameters, input files, metrics. */
    ModelInfo info();
}
