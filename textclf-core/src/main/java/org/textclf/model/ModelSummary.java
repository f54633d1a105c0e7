package org.textclf.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.textclf.branch.FittedModel;
import org.textclf.io.ModelFile;

/**
 * What a model file holds, for a person or a script to look at ({@code textclf info}): the provenance, the
 * vectorizer's, network's and training's settings apart, the sizes, and the bytes each section takes. Read from the
 * file alone, loading it once, as a load for prediction would.
 *
 * @param path the file
 * @param fileBytes its size
 * @param formatVersion the container's format version
 * @param info the provenance kept in the file
 * @param vectorizer the fitted vectorizer's settings, as the file holds them
 * @param network the network's settings, as the file holds them
 * @param training the rest of the recorded parameters: how it was fitted (learning rate, batch size, seed, ...)
 * @param features the width of the network's input (n-grams kept, or the vocabulary's ids)
 * @param parameters the network's weights, counted
 * @param sectionBytes each section's bytes in the file, in file order; with {@link ModelFile#FRAME_BYTES} they add
 *     up to {@code fileBytes}
 */
public record ModelSummary(Path path, long fileBytes, int formatVersion, ModelInfo info, Map<String, Object> vectorizer,
        Map<String, Object> network, Map<String, Object> training, int features, long parameters,
        Map<String, Long> sectionBytes) {

    public ModelSummary {
        vectorizer = Collections.unmodifiableMap(new LinkedHashMap<>(vectorizer));
        network = Collections.unmodifiableMap(new LinkedHashMap<>(network));
        training = Collections.unmodifiableMap(new LinkedHashMap<>(training));
        sectionBytes = Collections.unmodifiableMap(new LinkedHashMap<>(sectionBytes));
    }

    /** Reads {@code path}; a file that is not a whole model is refused with the loader's one-line message. */
    public static ModelSummary read(Path path) throws IOException {
        ModelFile file = ModelFile.read(path);
        ModelCodec.Loaded loaded = ModelCodec.read(file);
        FittedModel<?> model = loaded.model();
        Map<String, Object> vectorizer = model.describeVectorizer();
        Map<String, Object> network = new LinkedHashMap<>(model.describe(null));
        network.keySet().removeAll(vectorizer.keySet());
        // The settings as the file's sections hold them; what else the provenance records is how it was trained.
        Map<String, Object> training = new LinkedHashMap<>(loaded.info().parameters());
        training.keySet().removeAll(vectorizer.keySet());
        training.keySet().removeAll(network.keySet());
        long fileBytes = ModelFile.FRAME_BYTES;
        for (long bytes : file.sectionBytes().values()) {
            fileBytes += bytes;
        }
        return new ModelSummary(path, fileBytes, file.formatVersion(), loaded.info(), vectorizer, network, training,
                model.features(), model.parameters(), file.sectionBytes());
    }
}
