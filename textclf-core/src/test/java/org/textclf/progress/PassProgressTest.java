package org.textclf.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textclf.data.MemorySource;
import org.textclf.data.SampleReader;
import org.textclf.data.SampleSource;
import org.textclf.data.SourceOptions;
import org.textclf.data.Sources;

class PassProgressTest {
    @TempDir
    Path dir;

    private static void readTwice(SampleSource source) throws IOException {
        for (int pass = 0; pass < 2; pass++) {
            try (SampleReader r = source.open()) {
                while (r.next() != null) {
                    // read it all
                }
            }
        }
    }

    private Path file(int rows) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            lines.add("\"" + (i % 2 + 1) + "\",\"text number " + i + "\"");
        }
        return Files.write(dir.resolve("data.csv"), lines);
    }

    @Test
    void watch_verbose1_firstPassOfAFileHasItsBytesAsTotal_secondTheFirstsCount_bothEndAtTheirTotal()
            throws IOException {
        Path file = file(1000);
        RecordingListener events = new RecordingListener();
        readTwice(PassProgress.of(events, 1).watch(Sources.open(file, SourceOptions.DEFAULTS), "fit"));

        assertThat(events.begins()).containsExactly(
                new RecordingListener.Begin("fit pass 1", Files.size(file), "bytes"),
                new RecordingListener.Begin("fit pass 2", 1000, "samples"));
        List<String> all = events.events();
        int secondBegin = all.indexOf("begin\tfit pass 2\t1000\tsamples");
        assertThat(all.subList(0, secondBegin)).endsWith("advance\t" + Files.size(file), "end\tnull");
        assertThat(all.subList(0, secondBegin).stream().filter(e -> e.startsWith("advance")))
                .hasSizeGreaterThan(2); // it advanced on the way, not only at the end
        assertThat(all).endsWith("advance\t1000", "end\tnull");
    }

    @Test
    void watch_verbose1_gzipFile_firstPassOfItsCompressedBytes() throws IOException {
        Path plain = file(5000);
        Path gz = dir.resolve("data.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(plain, out);
        }
        long size = Files.size(gz);
        RecordingListener events = new RecordingListener();
        readTwice(PassProgress.of(events, 1).watch(Sources.open(gz, SourceOptions.DEFAULTS), "fit"));
        assertThat(events.begins().get(0)).isEqualTo(new RecordingListener.Begin("fit pass 1", size, "bytes"));
        List<String> first = events.events().subList(0, events.events().indexOf("begin\tfit pass 2\t5000\tsamples"));
        assertThat(first).endsWith("advance\t" + size, "end\tnull")
                .allMatch(e -> !e.startsWith("advance") || Long.parseLong(e.split("\t")[1]) <= size);
    }

    @Test
    void watch_verbose1_noFile_firstPassOfUnknownTotal() throws IOException {
        RecordingListener events = new RecordingListener();
        readTwice(PassProgress.of(events, 1).watch(MemorySource.numbered(1000, i -> "a"), "fit"));
        assertThat(events.begins()).containsExactly(new RecordingListener.Begin("fit pass 1", -1, "samples"),
                new RecordingListener.Begin("fit pass 2", 1000, "samples"));
    }

    @Test
    void watch_verbose0And2_noPasses() throws IOException {
        for (int verbose : new int[] {0, 2}) {
            RecordingListener events = new RecordingListener();
            readTwice(PassProgress.of(events, verbose).watch(MemorySource.numbered(1000, i -> "a"), "fit"));
            assertThat(events.events()).isEmpty();
        }
    }

    @Test
    void barEnd_verbose2_onlyTheSummaryLine_verbose1_theSummaryEndsThePass() {
        RecordingListener two = new RecordingListener();
        PassProgress.of(two, 2).start("caching", 10).end("cached 10");
        assertThat(two.events()).containsExactly("line\tcached 10");
        RecordingListener one = new RecordingListener();
        try (PassProgress.Bar bar = PassProgress.of(one, 1).start("caching", 10)) {
            bar.stepTo(10);
            bar.end("cached 10");
        }
        assertThat(one.events()).containsExactly("begin\tcaching\t10\tsamples", "advance\t10", "end\tcached 10");
    }

    @Test
    void warn_verbose0_stillPrinted() {
        StringWriter log = new StringWriter();
        PassProgress progress = PassProgress.of(new PrintWriter(log, true), 0);
        progress.line("not at 0");
        progress.warn("a corrupt cache");
        assertThat(log.toString()).isEqualTo("warning: a corrupt cache" + System.lineSeparator());
    }
}
