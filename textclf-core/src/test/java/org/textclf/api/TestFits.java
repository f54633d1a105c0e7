package org.textclf.api;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import org.textclf.config.TrainOptions;
import org.textclf.data.Labels;
import org.textclf.data.SampleSource;
import org.textclf.feed.CacheKey;
import org.textclf.fit.CheckpointFile;
import org.textclf.train.Callback;

/** The tests' one call into {@link TextClassifier#fit}, each optional part given or null. */
final class TestFits {

    private TestFits() {
    }

    static FitResult fit(SampleSource train, SampleSource validation, Labels labels, TrainOptions options,
            List<Callback> callbacks, PrintWriter log) throws IOException {
        return fit(train, validation, labels, options, callbacks, log, null, null);
    }

    static FitResult fit(SampleSource train, SampleSource validation, Labels labels, TrainOptions options,
            List<Callback> callbacks, PrintWriter log, CacheKey key, CheckpointFile checkpoints) throws IOException {
        FitRequest.Builder request = FitRequest.builder(train).options(options).callbacks(callbacks).log(log);
        if (validation != null) {
            request.validation(validation);
        }
        if (labels != null) {
            request.labels(labels);
        }
        if (key != null) {
            request.cacheKey(key);
        }
        if (checkpoints != null) {
            request.checkpoints(checkpoints);
        }
        return TextClassifier.fit(request.build());
    }
}
