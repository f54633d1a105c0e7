package org.textclf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile corpus files through the CLI: one line naming the file (and line) and what to do, exit 1; or read. */
class HostileInputTest {
    private static final String NL = System.lineSeparator();

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void explore_recordOverMaxRecordBytes_skippedAndReported() throws IOException {
        Path file = write("a.ft", "__label__a good film\n__label__b " + "long ".repeat(10) + "\n__label__b bad\n");

        Run run = Run.of("explore", file.toString(), "--max-record-bytes", "30", "--on-bad-record", "skip");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEqualTo("read 2 records, skipped 1" + NL + "first skipped record:" + NL + "  " + file
                + ":2: record longer than 30 bytes; split it, or raise the limit with --max-record-bytes" + NL);
    }

    @Test
    void explore_folderWithNestedAndIgnoredFiles_readsThemAndPrintsOneNotice() throws IOException {
        write("corpus/pos/a.TXT", "good film");
        write("corpus/pos/2020/b.txt", "great film");
        write("corpus/neg/a.text", "bad film");
        write("corpus/neg/a.md", "notes");
        Path corpus = dir.resolve("corpus");

        Run run = Run.of("explore", corpus.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEqualTo("textclf: " + corpus + ": ignored 1 file that is not .txt or .text in a class"
                + " folder (1 .md)" + NL + "read 3 records, skipped 0" + NL);
    }

    private Path corpus() throws IOException {
        StringBuilder csv = new StringBuilder("text,label\n");
        for (int i = 0; i < 40; i++) {
            csv.append(i % 2 == 0 ? "good fine film " + i + ",pos\n" : "bad awful film " + i + ",neg\n");
        }
        return write("train.csv", csv.toString());
    }

    private Path model() throws IOException {
        Path model = dir.resolve("m.textclf");
        Run run = Run.of("train", corpus().toString(), "--model", "linear", "--epochs", "2", "--no-test", "-o",
                model.toString(), "--verbose", "0");
        assertThat(run.exitCode()).as(run.err()).isZero();
        return model;
    }

    private Path fifo(String name, String content) throws Exception {
        Path fifo = dir.resolve(name);
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        Thread writer = new Thread(() -> {
            try {
                Files.writeString(fifo, content, StandardCharsets.UTF_8);
            } catch (IOException e) {
                // the reader refused the pipe without opening it; nothing to write to
            }
        });
        writer.setDaemon(true);
        writer.start();
        return fifo;
    }

    @Test
    void explore_pipe_readsItInOnePass() throws Exception {
        Path fifo = fifo("pipe.csv", Files.readString(corpus()));

        Run run = Run.of("explore", fifo.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEqualTo("read 40 records, skipped 0" + NL);
    }

    @Test
    void train_pipe_refusedUpFrontNamingIt() throws Exception {
        Path fifo = dir.resolve("pipe.csv");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();

        Run run = Run.of("train", fifo.toString(), "--no-test");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("textclf: " + fifo + ": not a regular file (a pipe?); train reads its data"
                + " several times, give a regular file" + NL);
    }

    @Test
    void train_headerOnlyCsv_noSamples() throws IOException {
        Path file = write("header.csv", "text,label\n");

        Run run = Run.of("train", file.toString(), "--no-test");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).endsWith("textclf: " + file + ": no samples; expected at least one record, found none."
                + " Check the file and --format" + NL);
    }

    @Test
    void explore_binaryAndUtf16_namedExitOne() throws IOException {
        Path binary = dir.resolve("data.csv");
        Files.write(binary, new byte[] {'P', 'K', 3, 4, 0, 0, 0, 8, 0, 1, 2});
        Path utf16 = dir.resolve("u16.csv");
        Files.write(utf16, "text,label\ngood,pos\n".getBytes(StandardCharsets.UTF_16));

        Run binaryRun = Run.of("explore", binary.toString());
        Run utf16Run = Run.of("explore", utf16.toString());

        assertThat(binaryRun.exitCode()).isEqualTo(1);
        assertThat(binaryRun.err()).isEqualTo("textclf: " + binary + ": binary data, not text; expected a corpus file"
                + " in UTF-8 (or gzipped)" + NL);
        assertThat(utf16Run.exitCode()).isEqualTo(1);
        assertThat(utf16Run.err()).isEqualTo("textclf: " + utf16 + ": UTF-16 text; expected UTF-8 (convert with iconv"
                + " -f utf-16 -t utf-8)" + NL);
    }

    @Test
    void predict_windows1252TextFileAndStdin_namesTheLine() throws Exception {
        Path model = model();
        byte[] latin1 = "good film\ncaf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        Path texts = dir.resolve("texts.txt");
        Files.write(texts, latin1);

        Run fromFile = Run.of("predict", model.toString(), texts.toString());
        java.io.InputStream stdin = System.in;
        Run fromStdin;
        try {
            System.setIn(new java.io.ByteArrayInputStream(latin1));
            fromStdin = Run.of("predict", model.toString(), "-", "--on-bad-record", "skip");
        } finally {
            System.setIn(stdin);
        }

        assertThat(fromFile.exitCode()).isEqualTo(1);
        assertThat(fromFile.err()).isEqualTo("textclf: " + texts + ":2: invalid UTF-8 bytes; expected UTF-8 text"
                + " (convert the file, e.g. with iconv -f latin1 -t utf-8)" + NL);
        assertThat(fromStdin.exitCode()).as(fromStdin.err()).isZero();
        assertThat(fromStdin.out().lines()).hasSize(2).last().asString()
                .startsWith("\terror: stdin:2: invalid UTF-8"); // a skipped record keeps its output line
        assertThat(fromStdin.err()).startsWith("read 1 records, skipped 1" + NL + "first skipped record:" + NL
                + "  stdin:2: invalid UTF-8 bytes");
    }

    @Test
    void predictAndEvaluate_folderForAFile_named() throws IOException {
        Path model = model();
        Path folder = Files.createDirectories(dir.resolve("texts.txt"));

        Run predictFolder = Run.of("predict", model.toString(), folder.toString());
        Run folderModel = Run.of("evaluate", dir.toString(), corpus().toString());

        assertThat(predictFolder.exitCode()).isEqualTo(1);
        assertThat(predictFolder.err()).isEqualTo("textclf: " + folder + ": is a folder; expected a text file, one"
                + " text per line" + NL);
        assertThat(folderModel.exitCode()).isEqualTo(1);
        assertThat(folderModel.err()).isEqualTo("textclf: " + dir + ": is a folder; expected a model file written"
                + " by textclf train" + NL);
    }

    @Test
    void explore_maxRecordBytesZero_usageErrorExitTwo() throws IOException {
        Path file = write("a.ft", "__label__a good film\n");

        Run run = Run.of("explore", file.toString(), "--max-record-bytes", "0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("textclf: Invalid value for option '--max-record-bytes': expected a whole number of at least"
                + " 1, found 0" + NL);
    }
}
