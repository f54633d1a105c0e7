package org.textclf.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.textclf.data.TestFiles.write;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that are not UTF-8 text, and pipes: named up front, or read in one pass where one pass is all there is. */
final class HostileFilesTest {
    private static final String CSV = "text,label\ngood film,pos\nbad film,neg\n";

    @TempDir
    Path dir;

    @Test
    void open_utf16WithOrWithoutBom_namedWithTheFix() throws IOException {
        Path bom = write(dir, "bom.csv", CSV.getBytes(StandardCharsets.UTF_16));
        Path bare = write(dir, "bare.csv", CSV.getBytes(StandardCharsets.UTF_16LE));

        for (Path file : new Path[] {bom, bare}) {
            assertThatThrownBy(() -> Sources.open(file, SourceOptions.DEFAULTS)).hasMessage(file
                    + ": UTF-16 text; expected UTF-8 (convert with iconv -f utf-16 -t utf-8)");
        }
    }

    @Test
    void open_headerlessTabSeparatedNamedCsv_saysItHasNoHeaderRow() throws IOException {
        Path file = write(dir, "tabs.csv", "1\tgood film\n2\tbad film\n");

        assertThatThrownBy(() -> Sources.open(file, SourceOptions.DEFAULTS)).hasMessage(file + ":1: no header row;"
                + " found a record (1, ...) where the header naming the columns should be: tab-separated data needs"
                + " one, e.g. label<TAB>text; headerless data must be comma-separated, the class first (Zhang CSV)");
    }

    @Test
    void open_binaryGarbage_namedEvenWithAFormatGiven() throws IOException {
        byte[] garbage = new byte[3000];
        new SplittableRandom(7).nextBytes(garbage);
        Path file = write(dir, "garbage.csv", garbage);

        for (SourceOptions options : new SourceOptions[] {SourceOptions.DEFAULTS, TestFiles.format(DataFormat.CSV)}) {
            assertThatThrownBy(() -> Sources.open(file, options)).hasMessage(file
                    + ": binary data, not text; expected a corpus file in UTF-8 (or gzipped)");
        }
    }

    @Test
    void open_pipe_refusedAsReadSeveralTimes_openOnceReadsIt() throws Exception {
        Path fifo = dir.resolve("data.csv");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mkfifo.waitFor()).isZero();

        assertThatThrownBy(() -> Sources.open(fifo, SourceOptions.DEFAULTS)).hasMessage(fifo
                + ": not a regular file (a pipe?); a source is read several times, give a regular file");
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try (OutputStream out = Files.newOutputStream(fifo)) {
                out.write(CSV.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        SampleSource once = Sources.openOnce(fifo, SourceOptions.DEFAULTS);

        assertThat(TestFiles.readAll(once)).extracting(Sample::text).containsExactly("good film", "bad film");
        writer.get();
        assertThatThrownBy(once::open).hasMessage(fifo + ": not a regular file (a pipe?) and read already; it can be"
                + " read only once, give a regular file");
    }

    @Test
    void read_streamWithAHeaderMissingTheTextColumn_failsUpFront() {
        SourceOptions options = SourceOptions.builder().textColumn("body").build();

        assertThatThrownBy(() -> Sources.read("stdin", new ByteArrayInputStream(CSV.getBytes(StandardCharsets.UTF_8)),
                options)).hasMessageStartingWith("stdin:1: ");
    }

    @Test
    void lines_windows1252Byte_badRecordNamingTheLineAndBlankLinesKept() throws IOException {
        byte[] text = "fine\n\ncaf\u00e9 x\n".getBytes(StandardCharsets.ISO_8859_1);
        SourceOptions skip = SourceOptions.builder().onBadRecord(BadRecordPolicy.SKIP).build();

        try (SampleReader reader = Sources.lines("in.txt", new ByteArrayInputStream(text), skip).open()) {
            assertThat(TestFiles.drain(reader)).containsExactly(new Sample(null, "fine", 1), new Sample(null, "", 2));
            assertThat(reader.stats().firstOffenders()).containsExactly("in.txt:3: " + Utf8Input.INVALID_UTF8);
        }
    }

    @Test
    void lines_headerNamingTheTextColumn_readAsATableWithIdsAndSkipsHeardInOrder() throws IOException {
        byte[] table = "id,text\n007,fine\n008,\"unclosed\n".getBytes(StandardCharsets.UTF_8);
        byte[] plain = "a text, in full\nfine\n".getBytes(StandardCharsets.UTF_8);
        SourceOptions ids = SourceOptions.builder().idColumn("id").onBadRecord(BadRecordPolicy.SKIP).build();
        java.util.List<String> heard = new java.util.ArrayList<>();

        try (SampleReader reader = Sources.lines("in", new ByteArrayInputStream(table), ids).open()) {
            reader.stats().onSkipped(e -> heard.add(e.line() + ": " + e.problem()));
            assertThat(TestFiles.drain(reader)).containsExactly(new Sample(null, "fine", 2, "007"));
            assertThat(heard).hasSize(1).allMatch(h -> h.startsWith("3: "));
        }
        try (SampleReader reader = Sources.lines("in", new ByteArrayInputStream(plain), SourceOptions.DEFAULTS)
                .open()) {
            assertThat(TestFiles.drain(reader)).extracting(Sample::text).containsExactly("a text, in full", "fine");
        }
    }
}
