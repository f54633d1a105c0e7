package org.textclf.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.textclf.data.TestFiles.format;
import static org.textclf.data.TestFiles.skipping;
import static org.textclf.data.TestFiles.write;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rule for the label column ({@link Labels}' Javadoc) as every reader applies it, and header rows. */
class LabelColumnTest {
    @TempDir
    Path dir;

    private static List<String> labels(Path file, SourceOptions options) throws IOException {
        return TestFiles.readAll(Sources.open(file, options)).stream().map(Sample::label).toList();
    }

    private static String failure(Path file, DataFormat format) throws IOException {
        try (SampleReader reader = Sources.open(file, format(format)).open()) {
            return org.junit.jupiter.api.Assertions.assertThrows(BadRecordException.class,
                    () -> TestFiles.drain(reader)).getMessage();
        }
    }

    @Test
    void next_numericLabelsWrittenDifferently_areOneClassInTheirPlainIntegerForm() throws IOException {
        Path zhang = write(dir, "a.csv", "\"2\",\"a\"\n\"+2\",\"b\"\n\" 2.0 \",\"c\"\n\"02\",\"d\"\n\"1.50\",\"e\"\n");
        Path jsonl = write(dir, "a.jsonl", "{\"text\": \"a\", \"label\": 1}\n{\"text\": \"b\", \"label\": 1.0}\n"
                + "{\"text\": \"c\", \"label\": \"1\"}\n{\"text\": \"d\", \"label\": \" pos \"}\n");

        assertThat(labels(zhang, SourceOptions.DEFAULTS)).containsExactly("2", "2", "2", "2", "1.5");
        assertThat(labels(jsonl, SourceOptions.DEFAULTS)).containsExactly("1", "1", "1", "pos");
    }

    @Test
    void next_labelOverTheLengthLimit_failsBoundedAndSkipGoesOn() throws IOException {
        String huge = "x".repeat(60_000);
        Path file = write(dir, "a.csv", "\"1\",\"a\"\n\"" + huge + "\",\"b\"\n\"2\",\"c\"\n");

        String message = failure(file, DataFormat.ZHANG_CSV);

        assertThat(message).isEqualTo(file + ":2: label '" + "x".repeat(40) + "...' (60,000 characters) is too long;"
                + " expected at most " + Labels.MAX_LABEL_CHARS + " characters; is the label column the right one?");
        assertThat(labels(file, skipping(DataFormat.ZHANG_CSV))).containsExactly("1", "2");
    }

    @Test
    void next_numberTooLongToWriteOut_failsInsteadOfExpandingIt() throws IOException {
        Path file = write(dir, "a.jsonl", "{\"text\": \"a\", \"label\": 1e999999999}\n");

        assertThat(failure(file, DataFormat.JSONL)).isEqualTo(file + ":1: label '1e999999999' is a number"
                + " of more than " + Labels.MAX_LABEL_CHARS + " digits; expected at most " + Labels.MAX_LABEL_CHARS
                + " characters; is the label column the right one?");
    }

    @Test
    void next_classesTxtBeside_acceptsItsNumbersAndNamesAndRejectsEverythingElse() throws IOException {
        write(dir, "classes.txt", "World\nSports\nBusiness\n");
        Path file = write(dir, "train.csv", "\"1\",\"a\"\n\"+3\",\"b\"\n\"Sports\",\"c\"\n\"0\",\"d\"\n\"-1\",\"e\"\n"
                + "\"4\",\"f\"\n\"1.5\",\"g\"\n\"Weather\",\"h\"\n");

        assertThat(failure(file, DataFormat.ZHANG_CSV)).isEqualTo(file + ":4: unknown label '0'; expected 1..3 or a"
                + " name in the classes.txt beside the file (World, Sports, Business)");
        try (SampleReader reader = Sources.open(file, skipping(DataFormat.ZHANG_CSV)).open()) {
            assertThat(TestFiles.drain(reader).stream().map(Sample::label)).containsExactly("1", "3", "Sports");
            assertThat(reader.stats().skipped()).isEqualTo(5);
            assertThat(reader.stats().firstOffenders()).element(4).isEqualTo(file + ":8: unknown label 'Weather';"
                    + " expected 1..3 or a name in the classes.txt beside the file (World, Sports, Business)");
        }
    }

    @Test
    void next_headerRowInZhangCsv_isSkippedAndReportedEvenUnderFail() throws IOException {
        Path file = write(dir, "train.csv", "class,title,description\n\"1\",\"t\",\"a\"\n\"2\",\"u\",\"b\"\n");

        try (SampleReader reader = Sources.open(file, format(DataFormat.ZHANG_CSV)).open()) {
            assertThat(TestFiles.drain(reader).stream().map(Sample::text)).containsExactly("t a", "u b");
            assertThat(reader.stats().skipped()).isEqualTo(1);
            assertThat(reader.stats().firstOffenders()).containsExactly(file + ":1: skipped a header row (class,"
                    + " title, description); Zhang CSV files have none");
        }
    }

    @Test
    void next_nonNumericFirstRecordWhileClassesTxtNumbersTheClasses_isAHeaderRow() throws IOException {
        write(dir, "classes.txt", "neg\npos\n");
        Path file = write(dir, "train.csv", "Polarity Index,Review Body\n\"1\",\"a\"\n\"2\",\"b\"\n");

        try (SampleReader reader = Sources.open(file, format(DataFormat.ZHANG_CSV)).open()) {
            assertThat(TestFiles.drain(reader).stream().map(Sample::label)).containsExactly("1", "2");
            assertThat(reader.stats().skipped()).isEqualTo(1);
        }
    }

    @Test
    void next_firstRecordOfData_isNotAHeaderRow() throws IOException {
        Path file = write(dir, "train.csv", "\"label\",\"the film was a label of hope.\"\n\"other\",\"b\"\n");

        assertThat(labels(file, format(DataFormat.ZHANG_CSV))).containsExactly("label", "other");
    }

    @Test
    void next_jsonlLabelMissingOrNullAfterALabeledFirstRecord_isABadRecordThatSkipCounts() throws IOException {
        Path file = write(dir, "a.jsonl", "{\"text\": \"a\", \"label\": 1}\n{\"text\": \"b\", \"label\": null}\n"
                + "{\"text\": \"c\"}\n{\"text\": \"d\", \"label\": 2}\n");

        assertThat(failure(file, DataFormat.JSONL)).isEqualTo(file + ":2: null label; expected field 'label' to"
                + " hold a class label, as in the first record");
        try (SampleReader reader = Sources.open(file, skipping(DataFormat.JSONL)).open()) {
            assertThat(TestFiles.drain(reader).stream().map(Sample::label)).containsExactly("1", "2");
            assertThat(reader.stats().firstOffenders()).element(1).isEqualTo(file + ":3: missing field 'label';"
                    + " expected it in every object, as in the first record, found fields [text]");
        }
    }

    @Test
    void next_jsonlWithoutLabels_staysUnlabeled() throws IOException {
        Path file = write(dir, "a.jsonl", "{\"text\": \"a\"}\n{\"text\": \"b\", \"label\": 3}\n");

        assertThat(labels(file, SourceOptions.DEFAULTS)).containsExactly(null, null);
    }
}
