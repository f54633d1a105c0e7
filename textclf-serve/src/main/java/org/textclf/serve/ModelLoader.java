package org.textclf.serve;

import java.io.IOException;
import java.nio.file.Path;
import org.textclf.api.Predictor;
import org.textclf.api.TextClassifier;

/** Reads a model file; {@link #FILES} reads textclf's, tests substitute their own. */
@FunctionalInterface
public interface ModelLoader {
    ModelLoader FILES = TextClassifier::load;

    Predictor load(Path path) throws IOException;
}
