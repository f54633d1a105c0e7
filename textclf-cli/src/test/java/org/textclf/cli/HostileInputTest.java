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

    @Test
    void explore_maxRecordBytesZero_usageErrorExitTwo() throws IOException {
        Path file = write("a.ft", "__label__a good film\n");

        Run run = Run.of("explore", file.toString(), "--max-record-bytes", "0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("textclf: --max-record-bytes must be at least 1, found 0" + NL);
    }
}
