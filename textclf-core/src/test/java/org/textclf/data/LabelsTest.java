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
    void withNamesBeside_someClassesOfClassesTxt_namesEachByItsNumber() throws IOException {
        write(dir, "classes.txt", "negative\nneutral\npositive\n");
        Path data = write(dir, "test.csv", "");

        assertThat(Labels.of(List.of("1", "3")).withNamesBeside(data).names()).containsExactly("negative", "positive");
    }

    @Test
    void withNamesBeside_labelsThatAreItsNames_keepTheirNames() throws IOException {
        write(dir, "classes.txt", "World\nSports\n");
        Path data = write(dir, "test.csv", "");

        assertThat(Labels.of(List.of("World", "Sports")).withNamesBeside(data).names())
                .containsExactly("Sports", "World");
    }

    @Test
    void canonical_numbersWrittenDifferently_becomeOnePlainForm() {
        assertThat(List.of("+2", "2.0", " 2 ", "02", "2.", "0.2e1").stream().map(Labels::canonical))
                .containsOnly("2");
        assertThat(Labels.canonical("-0")).isEqualTo("0");
        assertThat(Labels.canonical("1e2")).isEqualTo("100");
        assertThat(Labels.canonical("1.50")).isEqualTo("1.5");
        assertThat(Labels.canonical(" pos ")).isEqualTo("pos");
        assertThat(Labels.canonical("NaN")).isEqualTo("NaN");
    }

    @Test
    void of_paddedNumericLabels_ordersThemNumerically() {
        assertThat(Labels.of(List.of(" 3 ", "10", "+2")).rawLabels()).containsExactly("2", "3", "10");
    }

    @Test
    void idOf_unknownLabelAmongManyClasses_listsTheFirstTenOnly() {
        List<String> many = java.util.stream.IntStream.rangeClosed(1, 10_000).mapToObj(Integer::toString).toList();

        assertThatThrownBy(() -> Labels.of(many).idOf(new Sample("x".repeat(500), "t", 3), "a.csv"))
                .hasMessage("a.csv:3: unknown label '" + "x".repeat(40) + "...' (500 characters); expected one of"
                        + " 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 9,990 more");
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
        MemorySource source = MemorySource.of(List.of(new Sample("10", "a", 1), new Sample(null, "b", 2),
                new Sample("2", "c", 3)));

        assertThat(Labels.scan(source).rawLabels()).containsExactly("2", "10");
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
