package org.textclf.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.textclf.data.TestFiles.write;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dataset names against a copy of the shared layout (file names only) in a temporary folder. */
class DatasetsTest {
    @TempDir
    Path data;
    String root;

    @BeforeEach
    void layout() throws IOException {
        root = data.toString();
        write(data, "imdb/train.csv.gz", "");
        write(data, "imdb/test.csv.gz", "");
        write(data, "imdb/unsup.csv.gz", "");
        write(data, "imdb/train_source_files.txt.gz", "");
        write(data, "ag_news/train_sample_12000.csv", "");
        write(data, "ag_news/test.csv", "");
        write(data, "sst2/train.csv.gz", "");
        write(data, "sst2/dev.csv", "");
        write(data, "sst2/test.csv", "");
        write(data, "devonly/train.csv", "");
        write(data, "devonly/dev.csv.gz", "");
        write(data, "embeddings/vectors.vec.gz", "");
    }

    @Test
    void resolve_datasetName_picksTheTrainSplit() throws IOException {
        assertThat(Datasets.resolve("imdb", root)).isEqualTo(data.resolve("imdb/train.csv.gz"));
        assertThat(Datasets.resolve("ag_news", root)).isEqualTo(data.resolve("ag_news/train_sample_12000.csv"));
    }

    @Test
    void resolve_nameWithSplit_picksThatSplit() throws IOException {
        assertThat(Datasets.resolve("imdb:test", root)).isEqualTo(data.resolve("imdb/test.csv.gz"));
        assertThat(Datasets.resolve("imdb:unsup", root)).isEqualTo(data.resolve("imdb/unsup.csv.gz"));
        assertThat(Datasets.resolve("sst2:dev", root)).isEqualTo(data.resolve("sst2/dev.csv"));
    }

    @Test
    void resolve_existingPath_isReturnedAsIs() throws IOException {
        Path file = write(data, "mine.csv", "");

        assertThat(Datasets.resolve(file.toString(), null)).isEqualTo(file);
    }

    @Test
    void resolve_unknownName_throwsListingTheDatasets() {
        assertThatThrownBy(() -> Datasets.resolve("yelp", root)).isInstanceOf(IOException.class)
                .hasMessage("no file 'yelp' and no dataset 'yelp' in TEXTCLF_DATA=" + root + "; expected one of "
                        + "[ag_news, devonly, imdb, sst2] (or set TEXTCLF_DATA to the folder of named datasets, "
                        + "e.g. export TEXTCLF_DATA=../shared/data)");
    }

    @Test
    void resolve_unknownSplit_throwsListingTheFiles() {
        assertThatThrownBy(() -> Datasets.resolve("sst2:valid", root))
                .hasMessage("dataset 'sst2' has no split 'valid'; expected valid.csv, valid.csv.gz or one "
                        + "valid*.csv[.gz] in " + data.resolve("sst2") + ", found [dev.csv, test.csv, train.csv.gz]");
    }

    @Test
    void resolve_unsetEnvironment_throwsSayingHowToSetIt() {
        assertThatThrownBy(() -> Datasets.resolve("imdb", null))
                .hasMessage("no file 'imdb', and TEXTCLF_DATA is not set to look up a dataset named 'imdb'; set "
                        + "TEXTCLF_DATA to the folder of named datasets, e.g. export TEXTCLF_DATA=../shared/data");
        assertThatThrownBy(() -> Datasets.resolve("imdb", " ")).hasMessageContaining("TEXTCLF_DATA is not set");
    }

    @Test
    void resolve_environmentNotAFolder_throws() {
        assertThatThrownBy(() -> Datasets.resolve("imdb", data.resolve("nope").toString()))
                .hasMessageStartingWith("no file 'imdb', and TEXTCLF_DATA=" + data.resolve("nope")
                        + " is not a folder; set TEXTCLF_DATA");
    }

    @Test
    void evaluationSplit_datasets_preferTestThenDevButSst2UsesDev() throws IOException {
        assertThat(Datasets.evaluationSplit("imdb", root)).contains(data.resolve("imdb/test.csv.gz"));
        assertThat(Datasets.evaluationSplit("ag_news:train", root)).contains(data.resolve("ag_news/test.csv"));
        assertThat(Datasets.evaluationSplit("sst2", root)).contains(data.resolve("sst2/dev.csv"));
        assertThat(Datasets.evaluationSplit("devonly", root)).contains(data.resolve("devonly/dev.csv.gz"));
    }

    @Test
    void evaluationSplit_plainPathOrNoSplit_isEmpty() throws IOException {
        write(data, "trainonly/train.csv", "");

        assertThat(Datasets.evaluationSplit(data.resolve("imdb/train.csv.gz").toString(), root)).isEqualTo(
                Optional.empty());
        assertThat(Datasets.evaluationSplit("trainonly", root)).isEmpty();
    }
}
