package org.textclf.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.textclf.data.TestFiles.format;
import static org.textclf.data.TestFiles.gzip;
import static org.textclf.data.TestFiles.readAll;
import static org.textclf.data.TestFiles.write;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Well-formed input in every format, detection and eager validation. */
class SourcesTest {
    @TempDir
    Path dir;

    @Test
    void open_zhangCsvWithSeveralTextColumns_joinsThemAndTurnsBackslashNIntoSpace() throws IOException {
        Path file = write(dir, "train.csv", "\"3\",\"Title\",\"first\\nsecond\"\n\"1\",\"T2\",\"say \"\"hi\"\"\"\n");

        List<Sample> samples = readAll(Sources.open(file, SourceOptions.DEFAULTS));

        assertThat(samples).containsExactly(new Sample("3", "Title first second", 1),
                new Sample("1", "T2 say \"hi\"", 2));
    }

    @Test
    void open_gzipWithoutGzName_isDetectedByMagicBytes() throws IOException {
        Path file = gzip(dir, "train.csv", "\"1\",\"good\"\n\"2\",\"bad\"\n");

        assertThat(readAll(Sources.open(file, SourceOptions.DEFAULTS))).extracting(Sample::text)
                .containsExactly("good", "bad");
    }

    @Test
    void open_bomAndCrlf_areInvisible() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "1,héllo\r\n2,world\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, content, 0, 3);
        System.arraycopy(body, 0, content, 3, body.length);

        List<Sample> samples = readAll(Sources.open(write(dir, "a.csv", content), SourceOptions.DEFAULTS));

        assertThat(samples).containsExactly(new Sample("1", "héllo", 1), new Sample("2", "world", 2));
    }

    @Test
    void open_lineFormatsGzippedWithBomAndCrlf_readLikePlainFiles() throws IOException {
        Path ft = gzip(dir, "a.ft.gz", "\uFEFF__label__1 one\r\n\r\n__label__2 two\r\n");
        Path jsonl = gzip(dir, "a.jsonl.gz",
                "\uFEFF{\"text\": \"one\", \"label\": 1}\r\n{\"text\": \"two\", \"label\": 2}\r\n");
        Path tsv = gzip(dir, "a.tsv.gz", "\uFEFFtext\tlabel\r\none\t1\r\n");

        assertThat(readAll(Sources.open(ft, SourceOptions.DEFAULTS)))
                .containsExactly(new Sample("1", "one", 1), new Sample("2", "two", 3));
        assertThat(readAll(Sources.open(jsonl, SourceOptions.DEFAULTS)))
                .containsExactly(new Sample("1", "one", 1), new Sample("2", "two", 2));
        assertThat(readAll(Sources.open(tsv, SourceOptions.DEFAULTS))).containsExactly(new Sample("1", "one", 2));
    }

    @Test
    void open_quotedNewlines_giveThePhysicalStartLine() throws IOException {
        Path file = write(dir, "a.csv", "text,label\n\"two\nlines\",pos\n\n\"one\",neg\n");

        List<Sample> samples = readAll(Sources.open(file, SourceOptions.DEFAULTS));

        assertThat(samples).containsExactly(new Sample("pos", "two\nlines", 2), new Sample("neg", "one", 5));
    }

    @Test
    void open_csvWithNamedColumns_joinsTextColumnsInTheGivenOrder() throws IOException {
        Path file = write(dir, "a.csv", "id,title,body,topic\n7,Hello,World,news\n");
        SourceOptions options = SourceOptions.builder().textColumn("title").textColumn("body")
                .labelColumn("topic").build();

        assertThat(readAll(Sources.open(file, options))).containsExactly(new Sample("news", "Hello World", 2));
    }

    @Test
    void open_csvWithoutLabelColumn_readsUnlabeledSamples() throws IOException {
        Path file = write(dir, "a.csv", "id,Review\n1,nice\n");

        assertThat(readAll(Sources.open(file, format(DataFormat.CSV)))).containsExactly(new Sample(null, "nice", 2));
    }

    @Test
    void open_csvNamedLabelColumnMissing_throwsNamingFileColumnAndHeader() throws IOException {
        Path file = write(dir, "a.csv", "text,y\nnice,1\n");
        SourceOptions options = SourceOptions.builder().labelColumn("stars").build();

        assertThatThrownBy(() -> Sources.open(file, options)).isInstanceOf(BadRecordException.class)
                .hasMessage(file + ":1: no label column 'stars'; expected one of the header's columns, "
                        + "found header [text, y]");
    }

    @Test
    void open_csvWithoutTextColumn_throwsListingCandidates() throws IOException {
        Path file = write(dir, "a.csv", "a,b\n1,2\n");

        assertThatThrownBy(() -> Sources.open(file, format(DataFormat.CSV)))
                .hasMessageContaining(":1: no text column; expected a column named one of [text, sentence")
                .hasMessageContaining("found header [a, b]");
    }

    @Test
    void open_tsv_splitsAtTabsAndKeepsQuotesAsText() throws IOException {
        Path file = write(dir, "dev.tsv", "sentence\tlabel\n\"quoted\" start, with comma\t1\n");

        assertThat(readAll(Sources.open(file, SourceOptions.DEFAULTS)))
                .containsExactly(new Sample("1", "\"quoted\" start, with comma", 2));
    }

    @Test
    void open_fastText_readsLabelAndTextSkippingBlankLines() throws IOException {
        Path file = write(dir, "a.txt", "__label__pos great movie\n\n  __label__a\ttwo  spaces\n__label__neg\n");

        assertThat(readAll(Sources.open(file, SourceOptions.DEFAULTS))).containsExactly(
                new Sample("pos", "great movie", 1), new Sample("a", "two  spaces", 3), new Sample("neg", "", 4));
    }

    @Test
    void open_jsonl_readsStringAndNumberLabelsAndSkipsOtherFields() throws IOException {
        Path file = write(dir, "a.data", "{\"id\": 1, \"meta\": {\"text\": \"no\"}, \"text\": \"hi \\\"you\\\"\","
                + " \"label\": \"pos\"}\n\n{\"sentence\": \"x\", \"label\": 2}\n"
                + "{\"text\": \"z\", \"y\": 3, \"label\": \"n\"}\n");

        assertThat(readAll(Sources.open(file, SourceOptions.DEFAULTS))).containsExactly(
                new Sample("pos", "hi \"you\"", 1), new Sample("2", "x", 3), new Sample("n", "z", 4));
    }

    @Test
    void open_jsonlWithNamedFields_joinsTextFields() throws IOException {
        Path file = write(dir, "a.jsonl", "{\"title\": \"A\", \"body\": \"B\", \"stars\": 4.5}\n");
        SourceOptions options = SourceOptions.builder().textColumns(List.of("title", "body"))
                .labelColumn("stars").build();

        assertThat(readAll(Sources.open(file, options))).containsExactly(new Sample("4.5", "A B", 1));
    }

    @Test
    void open_folder_readsClassFoldersInSortedOrderIgnoringOtherFiles() throws IOException {
        write(dir, "corpus/pos/2.txt", "good");
        write(dir, "corpus/pos/10.txt", "great");
        write(dir, "corpus/neg/1.txt", "bad");
        write(dir, "corpus/neg/notes.md", "not a sample");
        write(dir, "corpus/README.txt", "not a sample either");
        write(dir, "corpus/empty/readme.md", "no txt: not a class");

        List<Sample> samples = readAll(Sources.open(dir.resolve("corpus"), SourceOptions.DEFAULTS));

        assertThat(samples).containsExactly(new Sample("neg", "bad", 1), new Sample("pos", "great", 2),
                new Sample("pos", "good", 3));
    }

    @Test
    void open_folder_readsNestedFilesOfAnyTxtCaseAndNamesWhatItIgnores() throws IOException {
        write(dir, "corpus/pos/2.txt", "good");
        write(dir, "corpus/pos/sub/deeper/1.TXT", "deep");
        write(dir, "corpus/pos/a.text", "plain");
        write(dir, "corpus/neg/1.Txt", "bad");
        write(dir, "corpus/neg/notes.md", "x");
        write(dir, "corpus/neg/.DS_Store", "x");
        write(dir, "corpus/README.txt", "x");
        write(dir, "corpus/empty/readme.md", "x");
        write(dir, "corpus/empty/data.json", "x");

        try (SampleReader reader = Sources.open(dir.resolve("corpus"), SourceOptions.DEFAULTS).open()) {
            assertThat(TestFiles.drain(reader)).containsExactly(new Sample("neg", "bad", 1),
                    new Sample("pos", "good", 2), new Sample("pos", "plain", 3), new Sample("pos", "deep", 4));
            assertThat(reader.stats().notices()).containsExactly(dir.resolve("corpus") + ": ignored 5 files that"
                    + " are not .txt or .text in a class folder (2 .md, 1 .json, 1 beside the class folders,"
                    + " 1 hidden)");
        }
    }

    @Test
    void open_folderWithoutClassFolders_throws() throws IOException {
        write(dir, "corpus/a.txt", "x");

        assertThatThrownBy(() -> Sources.open(dir.resolve("corpus"), SourceOptions.DEFAULTS))
                .hasMessageStartingWith(dir.resolve("corpus") + ": no class folders; expected subfolders of .txt");
    }

    @Test
    void open_emptyFile_isAValidSourceWithNoSamples() throws IOException {
        for (DataFormat f : new DataFormat[] {null, DataFormat.ZHANG_CSV, DataFormat.CSV, DataFormat.TSV,
                DataFormat.FASTTEXT, DataFormat.JSONL}) {
            Path file = write(dir, "empty" + f + ".csv", "");
            try (SampleReader reader = Sources.open(file, format(f)).open()) {
                assertThat(reader.next()).as("format %s", f).isNull();
                assertThat(reader.stats().read()).isZero();
            }
        }
    }

    @Test
    void open_severalMegabyteField_readsWholeInEveryFormat() throws IOException {
        String big = "word ".repeat(1_200_000);
        Path csv = write(dir, "big.csv", "\"1\",\"" + big + "\"\n\"2\",\"small\"\n");
        Path ft = write(dir, "big.ft", "__label__1 " + big + "\n__label__2 small\n");
        Path jsonl = write(dir, "big.jsonl", "{\"text\": \"" + big + "\", \"label\": 1}\n");

        assertThat(readAll(Sources.open(csv, SourceOptions.DEFAULTS)).get(0).text()).isEqualTo(big);
        assertThat(readAll(Sources.open(ft, SourceOptions.DEFAULTS)).get(0).text()).isEqualTo(big);
        assertThat(readAll(Sources.open(jsonl, SourceOptions.DEFAULTS)).get(0).text()).isEqualTo(big);
    }

    @Test
    void open_source_canBeReadAgainWithTheSameSamples() throws IOException {
        SampleSource source = Sources.open(write(dir, "a.csv", "1,a\n2,b\n"), SourceOptions.DEFAULTS);

        assertThat(readAll(source)).isEqualTo(readAll(source)).hasSize(2);
    }

    @Test
    void open_stats_countReadRecords() throws IOException {
        SampleSource source = Sources.open(write(dir, "a.csv", "1,a\n2,b\n"), SourceOptions.DEFAULTS);
        try (SampleReader reader = source.open()) {
            TestFiles.drain(reader);
            assertThat(reader.stats().summary()).isEqualTo("read 2 records, skipped 0");
        }
    }

    @Test
    void open_missingFile_throwsNamingIt() {
        Path missing = dir.resolve("nope.csv");

        assertThatThrownBy(() -> Sources.open(missing, SourceOptions.DEFAULTS)).isInstanceOf(IOException.class)
                .hasMessage(missing + ": no such file or folder; expected a corpus file or a folder of class folders");
    }

    @Test
    void open_fileWithFolderFormat_throws() throws IOException {
        Path file = write(dir, "a.csv", "1,a\n");

        assertThatThrownBy(() -> Sources.open(file, format(DataFormat.FOLDER)))
                .hasMessage(file + ": is a file; expected a folder of class folders for format folder");
    }

    @Test
    void detect_byNameAndFirstLine_picksTheFormat() throws IOException {
        write(dir, "folder/pos/1.txt", "x");
        SourceOptions none = SourceOptions.DEFAULTS;
        SourceOptions named = SourceOptions.builder().labelColumn("stars").build();

        assertThat(Sources.detect(dir.resolve("folder"), none)).isEqualTo(DataFormat.FOLDER);
        assertThat(Sources.detect(write(dir, "a.tsv.gz", "1,2"), none)).isEqualTo(DataFormat.TSV);
        assertThat(Sources.detect(write(dir, "a.ndjson", "1,2"), none)).isEqualTo(DataFormat.JSONL);
        assertThat(Sources.detect(write(dir, "a.jsonl", "1,2"), none)).isEqualTo(DataFormat.JSONL);
        assertThat(Sources.detect(write(dir, "a.ft", "1,2"), none)).isEqualTo(DataFormat.FASTTEXT);
        assertThat(Sources.detect(write(dir, "b.fasttext", "1,2"), none)).isEqualTo(DataFormat.FASTTEXT);
        assertThat(Sources.detect(write(dir, "b.txt", "\n\n  __label__x a"), none)).isEqualTo(DataFormat.FASTTEXT);
        assertThat(Sources.detect(gzip(dir, "b.gz", "{\"text\": 1}"), none)).isEqualTo(DataFormat.JSONL);
        assertThat(Sources.detect(write(dir, "c.txt", "a\tb\n"), none)).isEqualTo(DataFormat.TSV);
        assertThat(Sources.detect(write(dir, "d.txt", "a\tb,c\n"), none)).isEqualTo(DataFormat.ZHANG_CSV);
        assertThat(Sources.detect(write(dir, "e.csv", "stars,words\n"), named)).isEqualTo(DataFormat.CSV);
        assertThat(Sources.detect(write(dir, "f.csv", "\"label\",\"text\"\n"), none)).isEqualTo(DataFormat.CSV);
        assertThat(Sources.detect(write(dir, "h.csv", "1,text\n"), none)).isEqualTo(DataFormat.ZHANG_CSV);
        assertThat(Sources.detect(write(dir, "i.csv", "id,text\n"), none)).isEqualTo(DataFormat.CSV);
        assertThat(Sources.detect(write(dir, "j.csv", "Text\n"), none)).isEqualTo(DataFormat.CSV);
        assertThat(Sources.detect(write(dir, "g.csv", "\"1\",\"text here\"\n"), none))
                .isEqualTo(DataFormat.ZHANG_CSV);
    }
}
