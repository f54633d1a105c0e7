package org.textclf.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.textclf.data.TestFiles.format;
import static org.textclf.data.TestFiles.skipping;
import static org.textclf.data.TestFiles.write;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every malformed case, under FAIL (the first bad record stops the pass) and SKIP (counted, pass goes on). */
class BadRecordTest {
    @TempDir
    Path dir;

    /** Reads under FAIL and returns the message of the exception. */
    private static String failure(Path file, DataFormat format) throws IOException {
        SampleSource source = Sources.open(file, format(format));
        try (SampleReader reader = source.open()) {
            BadRecordException e = org.junit.jupiter.api.Assertions.assertThrows(BadRecordException.class,
                    () -> TestFiles.drain(reader));
            return e.getMessage();
        }
    }

    /** Reads under SKIP and returns the texts read, checking the skip count. */
    private static List<String> skipped(Path file, DataFormat format, int expectedSkips) throws IOException {
        try (SampleReader reader = Sources.open(file, skipping(format)).open()) {
            List<Sample> samples = TestFiles.drain(reader);
            assertThat(reader.stats().skipped()).isEqualTo(expectedSkips);
            assertThat(reader.stats().read()).isEqualTo(samples.size());
            assertThat(reader.stats().firstOffenders()).hasSize(Math.min(expectedSkips,
                    ReadStats.MAX_REPORTED_OFFENDERS));
            return samples.stream().map(Sample::text).toList();
        }
    }

    private static byte[] withByte(String before, int bad, String after) {
        byte[] a = before.getBytes(StandardCharsets.UTF_8);
        byte[] b = after.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[a.length + 1 + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        all[a.length] = (byte) bad;
        System.arraycopy(b, 0, all, a.length + 1, b.length);
        return all;
    }

    @Test
    void next_unclosedQuoteAtEnd_failsWithItsStartLine() throws IOException {
        Path file = write(dir, "a.csv", "\"1\",\"ok\"\n\"2\",\"never closed\nmore\n");

        assertThat(failure(file, DataFormat.ZHANG_CSV))
                .isEqualTo(file + ":2: unclosed quote; expected a closing quote before the end of the file");
        assertThat(skipped(file, DataFormat.ZHANG_CSV, 1)).containsExactly("ok");
    }

    @Test
    void next_textAfterClosingQuote_failsAndSkipResumesAtTheNextRecord() throws IOException {
        Path file = write(dir, "a.csv", "\"1\",\"a\"x\n\"2\",\"b\"\n\"1\",\"c\"\n");

        assertThat(failure(file, DataFormat.ZHANG_CSV)).isEqualTo(file + ":1: unexpected text after a closing "
                + "quote; expected a separator or a line end (write \"\" for a quote inside a quoted field)");
        assertThat(skipped(file, DataFormat.ZHANG_CSV, 1)).containsExactly("b", "c");
    }

    @Test
    void next_fastTextLineWithSeveralLabels_failsNamingThemAndSkipGoesOn() throws IOException {
        Path file = write(dir, "a.ft", "__label__a one\n__label__a  __label__b two\n__label__b three\n");

        assertThat(failure(file, DataFormat.FASTTEXT)).isEqualTo(file + ":2: several labels (__label__a __label__b);"
                + " multi-label classification is not supported; give each line one label");
        assertThat(skipped(file, DataFormat.FASTTEXT, 1)).containsExactly("one", "three");
    }

    @Test
    void next_wrongFieldCountInZhangCsv_failsNamingBothCounts() throws IOException {
        Path file = write(dir, "a.csv", "1,a,b\n2,c\n1,d,e\n");

        assertThat(failure(file, DataFormat.ZHANG_CSV))
                .isEqualTo(file + ":2: wrong number of fields; expected 3 (as in the first record), found 2");
        assertThat(skipped(file, DataFormat.ZHANG_CSV, 1)).containsExactly("a b", "d e");
    }

    @Test
    void next_wrongFieldCountInCsvWithHeader_failsNamingTheHeaderCount() throws IOException {
        Path file = write(dir, "a.csv", "label,text\n1,a,extra\n2,b\n");

        assertThat(failure(file, DataFormat.CSV))
                .isEqualTo(file + ":2: wrong number of fields; expected 2 (as in the header), found 3");
        assertThat(skipped(file, DataFormat.CSV, 1)).containsExactly("b");
    }

    @Test
    void next_wrongFieldCountInTsv_fails() throws IOException {
        Path file = write(dir, "a.tsv", "label\ttext\n1\ta\tb\n2\tc\n");

        assertThat(failure(file, DataFormat.TSV)).startsWith(file + ":2: wrong number of fields");
        assertThat(skipped(file, DataFormat.TSV, 1)).containsExactly("c");
    }

    @Test
    void next_emptyLabel_failsInEveryFormat() throws IOException {
        Path zhang = write(dir, "a.csv", "\"\",\"a\"\n\"1\",\"b\"\n");
        Path ft = write(dir, "a.ft", "__label__ a\n__label__1 b\n");
        Path jsonl = write(dir, "a.jsonl", "{\"text\": \"a\", \"label\": \" \"}\n{\"text\": \"b\", \"label\": 1}\n");

        assertThat(failure(zhang, DataFormat.ZHANG_CSV)).isEqualTo(zhang + ":1: empty label; expected a class label");
        assertThat(failure(ft, DataFormat.FASTTEXT)).isEqualTo(ft + ":1: empty label; expected a class label");
        assertThat(failure(jsonl, DataFormat.JSONL)).isEqualTo(jsonl + ":1: empty label; expected a class label");
        assertThat(skipped(zhang, DataFormat.ZHANG_CSV, 1)).containsExactly("b");
        assertThat(skipped(ft, DataFormat.FASTTEXT, 1)).containsExactly("b");
        assertThat(skipped(jsonl, DataFormat.JSONL, 1)).containsExactly("b");
    }

    @Test
    void next_labelOutsideClassesTxt_failsAsUnknown() throws IOException {
        write(dir, "classes.txt", "negative\npositive\n");
        Path file = write(dir, "train.csv", "\"1\",\"a\"\n\"3\",\"b\"\n\"2\",\"c\"\n\"0\",\"d\"\n");

        assertThat(failure(file, DataFormat.ZHANG_CSV)).isEqualTo(file + ":2: unknown label '3'; expected 1..2 or"
                + " a name in the classes.txt beside the file (negative, positive)");
        assertThat(skipped(file, DataFormat.ZHANG_CSV, 2)).containsExactly("a", "c");
    }

    @Test
    void next_undecodableBytes_failsOnTheirLineAndSkipGoesOn() throws IOException {
        Path csv = write(dir, "a.csv", withByte("1,a\n2,b", 0xFF, "\n1,c\n"));
        Path ft = write(dir, "a.ft", withByte("__label__1 a\n__label__2 ", 0xC3, "\n__label__1 c\n"));
        Path jsonl = write(dir, "a.jsonl", withByte("{\"text\": \"a\"}\n{\"text\": \"", 0xFE, "\"}\n{\"text\": \"c\"}"));
        String expected = ":2: invalid UTF-8 bytes; expected UTF-8 text (convert the file, e.g. with iconv -f latin1 "
                + "-t utf-8)";

        assertThat(failure(csv, DataFormat.ZHANG_CSV)).isEqualTo(csv + expected);
        assertThat(failure(ft, DataFormat.FASTTEXT)).isEqualTo(ft + expected);
        assertThat(failure(jsonl, DataFormat.JSONL)).isEqualTo(jsonl + expected);
        assertThat(skipped(csv, DataFormat.ZHANG_CSV, 1)).containsExactly("a", "c");
        assertThat(skipped(ft, DataFormat.FASTTEXT, 1)).containsExactly("a", "c");
        assertThat(skipped(jsonl, DataFormat.JSONL, 1)).containsExactly("a", "c");
    }

    @Test
    void next_undecodableBytesPastManyBuffersWithMixedLineEnds_failsOnTheirLine() throws IOException {
        StringBuilder before = new StringBuilder();
        String[] ends = {"\n", "\r\n", "\r"};
        for (int i = 0; i < 30_000; i++) {
            before.append(1 + i % 2).append(",\"review ").append(i).append(" with some words\"").append(ends[i % 3]);
        }
        before.append("2,\"bad ");
        Path csv = write(dir, "big.csv", withByte(before.toString(), 0xFF, " byte\"\n1,last\n"));

        assertThat(failure(csv, DataFormat.ZHANG_CSV)).startsWith(csv + ":30001: invalid UTF-8 bytes");
        assertThat(skipped(csv, DataFormat.ZHANG_CSV, 1)).hasSize(30_001).endsWith("last");
    }

    @Test
    void next_undecodableByteInsideAQuotedNewline_namesTheRecordStartAndTheLine() throws IOException {
        Path csv = write(dir, "a.csv", withByte("1,a\n2,\"b\nb", 0xFF, "b\"\n1,c\n"));

        assertThat(failure(csv, DataFormat.ZHANG_CSV)).startsWith(csv + ":2: invalid UTF-8 bytes").endsWith("(line 3)");
        assertThat(skipped(csv, DataFormat.ZHANG_CSV, 1)).containsExactly("a", "c");
    }

    @Test
    void next_undecodableFileInFolder_failsNamingTheFile() throws IOException {
        write(dir, "corpus/neg/1.txt", "bad");
        Path broken = write(dir, "corpus/neg/2.txt", withByte("not ", 0xFF, " utf8"));
        write(dir, "corpus/pos/1.txt", "good");
        Path corpus = dir.resolve("corpus");

        assertThat(failure(corpus, DataFormat.FOLDER)).startsWith(broken + ":1: invalid UTF-8 bytes");
        assertThat(skipped(corpus, DataFormat.FOLDER, 1)).containsExactly("bad", "good");
    }

    @Test
    void next_jsonlLineNotAnObject_fails() throws IOException {
        Path file = write(dir, "a.jsonl", "[1, 2]\n{\"text\": \"b\"}\n\"str\"\n");

        assertThat(failure(file, DataFormat.JSONL))
                .isEqualTo(file + ":1: not a JSON object; expected a line starting with {, found [");
        assertThat(skipped(file, DataFormat.JSONL, 2)).containsExactly("b");
    }

    @Test
    void next_jsonlLineLackingTheField_failsListingTheFieldsFound() throws IOException {
        Path file = write(dir, "a.jsonl", "{\"title\": \"a\", \"label\": 1}\n{\"title\": \"b\"}\n");
        SourceOptions named = SourceOptions.builder().format(DataFormat.JSONL).textColumn("title")
                .labelColumn("label").build();

        assertThat(failure(file, DataFormat.JSONL)).isEqualTo(file + ":1: missing text field; expected a string "
                + "field named one of [text, sentence, review, content, document, body], found fields [title, label]");
        try (SampleReader reader = Sources.open(file, named).open()) {
            assertThatThrownBy(() -> TestFiles.drain(reader))
                    .hasMessage(file + ":2: missing field 'label'; expected it in every object, found fields [title]");
        }
    }

    @Test
    void next_invalidJson_fails() throws IOException {
        Path file = write(dir, "a.jsonl", "{\"text\": \"a\",}\n{\"text\": \"b\"} {}\n{\"text\": \"c\"}\n");

        assertThat(failure(file, DataFormat.JSONL)).startsWith(file + ":1: invalid JSON: ");
        assertThat(skipped(file, DataFormat.JSONL, 2)).containsExactly("c");
    }

    @Test
    void next_fastTextLineWithoutLabel_fails() throws IOException {
        Path file = write(dir, "a.ft", "__label__1 a\njust text\n__label__2 c\n");

        assertThat(failure(file, DataFormat.FASTTEXT))
                .isEqualTo(file + ":2: no label; expected a line starting with __label__, found 'just text'");
        assertThat(skipped(file, DataFormat.FASTTEXT, 1)).containsExactly("a", "c");
    }

    @Test
    void next_manyBadRecordsSkipped_countsAllAndKeepsTheFirstFive() throws IOException {
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            csv.append(i % 2 == 0 ? "1,a\n" : "1,a,b\n");
        }
        Path file = write(dir, "a.csv", csv.toString());

        try (SampleReader reader = Sources.open(file, skipping(DataFormat.ZHANG_CSV)).open()) {
            assertThat(TestFiles.drain(reader)).hasSize(10);
            assertThat(reader.stats().skipped()).isEqualTo(10);
            assertThat(reader.stats().firstOffenders()).hasSize(5).first().asString().startsWith(file + ":2: ");
        }
    }
}
