package org.textclf.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.textclf.data.TestFiles.write;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelsTest {
    @TempDir
    Path dir;

    @Test
    void of_numericLabels_ordersNumericallySoTenComesAfterTwo() {
        Labels labels = Labels.of(List.of("10", "2", "1", "2"));

        assertThat(labels.rawLabels()).containsExactly("1", "2", "10");
        assertThat(labels.id("10")).isEqualTo(2);
    }

    @Test
    void of_mixedLabels_ordersByString() {
        assertThat(Labels.of(List.of("pos", "10", "2")).rawLabels()).containsExactly("10", "2", "pos");
    }

    @Test
    void withNamesBeside_classesTxtWithOneNamePerClass_namesTheClassesInIdOrder() throws IOException {
        write(dir, "classes.txt", "World\nSports\n\nBusiness\nSci/Tech\n");
        Path data = write(dir, "test.csv", "");

        Labels labels = Labels.of(List.of("4", "3", "2", "1")).withNamesBeside(data);

        assertThat(labels.names()).containsExactly("World", "Sports", "Business", "Sci/Tech");
        assertThat(labels.name(labels.id("4"))).isEqualTo("Sci/Tech");
    }

    @Test
    void withNamesBeside_classesTxtWithAnotherCount_keepsTheLabelsAsNames() throws IOException {
        write(dir, "classes.txt", "negative\npositive\nneutral\n");
        Path data = write(dir, "test.csv", "");

        assertThat(Labels.of(List.of("1", "2")).withNamesBeside(data).names()).containsExactly("1", "2");
    }

    @Test
    void withNamesBeside_noClassesTxt_returnsTheSameLabels() throws IOException {
        Labels labels = Labels.of(List.of("a", "b"));

        assertThat(labels.withNamesBeside(write(dir, "x.csv", ""))).isEqualTo(labels);
    }

    @Test
    void idOf_unknownLabel_throwsNamingSourceLineAndChoices() {
        Labels labels = Labels.of(List.of("1", "2"));

        assertThatThrownBy(() -> labels.idOf(new Sample("3", "t", 7), "train.csv"))
                .isInstanceOf(BadRecordException.class)
                .hasMessage("train.csv:7: unknown label '3'; expected one of 1, 2");
    }

    @Test
    void idOf_emptyOrMissingLabel_throwsEmptyLabel() {
        Labels labels = Labels.of(List.of("1", "2"));

        assertThatThrownBy(() -> labels.idOf(new Sample(" ", "t", 4), "a.csv")).hasMessage("a.csv:4: empty label");
        assertThatThrownBy(() -> labels.idOf(new Sample(null, "t", 5), "a.csv")).hasMessage("a.csv:5: empty label");
    }

    @Test
    void idOf_knownLabel_returnsItsId() throws BadRecordException {
        assertThat(Labels.of(List.of("1", "2", "10")).idOf(new Sample("10", "t", 1), "a.csv")).isEqualTo(2);
    }

    @Test
    void scan_source_collectsLabelsSkippingUnlabeled() throws IOException {
        Path file = write(dir, "a.jsonl", "{\"text\": \"a\", \"label\": 10}\n{\"text\": \"b\"}\n"
                + "{\"text\": \"c\", \"label\": 2}\n");

        assertThat(Labels.scan(Sources.open(file, SourceOptions.DEFAULTS)).rawLabels()).containsExactly("2", "10");
    }

    @Test
    void scan_blankLabel_isAnEmptyLabelWithFileAndLine() {
        MemorySource source = MemorySource.of("1", "good", " ", "blank", "2", "bad");

        assertThatThrownBy(() -> Labels.scan(source)).isInstanceOf(BadRecordException.class)
                .hasMessage("list.csv:2: empty label");
    }

    @Test
    void scan_moreThanMaxClassesLabels_throwsSuggestingTheWrongColumn() throws IOException {
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i <= Labels.MAX_CLASSES; i++) {
            csv.append(i).append(",text\n");
        }
        Path file = write(dir, "a.csv", csv.toString());

        assertThatThrownBy(() -> Labels.scan(Sources.open(file, SourceOptions.DEFAULTS)))
                .hasMessage(file + ":" + (Labels.MAX_CLASSES + 1) + ": more than " + Labels.MAX_CLASSES
                        + " distinct labels; is the label column the right one?");
    }
}
