package org.textclf.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textclf.config.LinearBranchConfig;
import org.textclf.config.TrainOptions;
import org.textclf.data.SourceOptions;
import org.textclf.data.Sources;
import org.textclf.progress.RecordingListener;

/** The progress events of a whole training run at verbose 1: every pass has a total, and ends at it. */
class ProgressEventsTest {
    private static final int EPOCHS = 3;

    @TempDir
    Path temp;

    @Test
    void fit_verbose1_firstPassByBytes_everyLaterPassOfAKnownTotal_eachEndsAtItsTotal() throws IOException {
        Path train = TopicCorpus.write(temp.resolve("train.csv"), 600, 1, 3);
        RecordingListener events = new RecordingListener();
        TextClassifier.fit(FitRequest.builder(Sources.open(train, SourceOptions.DEFAULTS))
                .options(TrainOptions.of(LinearBranchConfig.DEFAULTS).withFit(f -> f.epochs(EPOCHS).patience(EPOCHS))
                        .withEnvironment(e -> e.withVerbose(1))).progress(events).build());

        List<RecordingListener.Begin> begins = events.begins();
        assertThat(begins.get(0)).isEqualTo(new RecordingListener.Begin("vectorizer fit pass 1", Files.size(train),
                "bytes"));
        assertThat(begins.subList(1, begins.size())).isNotEmpty().allMatch(b -> b.total() >= 0);
        assertThat(begins).extracting(RecordingListener.Begin::name).contains("caching examples", "Epoch 1/"
                + EPOCHS, "Epoch " + EPOCHS + "/" + EPOCHS);
        // each pass: its last advance before it ends is its total (lines of a pass run beside it, such as the
        // validation cache's, may come in between, from their own thread)
        List<String> all = events.events();
        int pass = -1;
        String lastAdvance = null;
        for (String event : all) {
            if (event.startsWith("begin\t")) {
                pass++;
                lastAdvance = null;
            } else if (event.startsWith("advance\t")) {
                lastAdvance = event;
            } else if (event.startsWith("end\t")) {
                assertThat(lastAdvance).as(begins.get(pass).name()).isEqualTo("advance\t" + begins.get(pass).total());
            }
        }
        // an epoch ends with its line, which takes its bar's place
        assertThat(all).anyMatch(e -> e.matches("end\tEpoch 1/" + EPOCHS + " - .*val_loss.*"))
                .noneMatch(e -> e.startsWith("line\tEpoch "));
    }
}
