package org.textclf.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NameFileTest {
    @TempDir
    Path temp;

    private record Named(int id, String name) {
    }

    private static List<Named> readAll(NameFile names) throws IOException {
        List<Named> read = new ArrayList<>();
        try (NameFile.Reader reader = names.read()) {
            while (reader.next()) {
                read.add(new Named(reader.id(), reader.name()));
            }
        }
        return read;
    }

    /** The file a NameFile made in {@link #temp}: the only one there, so no production hook is needed. */
    private Path theFile() throws IOException {
        try (Stream<Path> files = Files.list(temp)) {
            List<Path> all = files.toList();
            assertThat(all).hasSize(1);
            assertThat(all.get(0).getFileName().toString()).startsWith("textclf-names-");
            return all.get(0);
        }
    }

    @Test
    void read_manyNames_givesThemBackInOrder() throws IOException {
        List<Named> written = new ArrayList<>();
        written.add(new Named(0, ""));
        written.add(new Named(Integer.MAX_VALUE, "café crème"));
        written.add(new Named(-1, "日本語 テキスト"));
        written.add(new Named(0x01FF_FF80, "emoji \uD83D\uDE00 and 𝄞")); // surrogate pairs; bytes in every int lane
        written.add(new Named(Integer.MIN_VALUE, "x".repeat(70_000) + "é")); // longer than the 64 KiB buffer
        for (int i = 0; i < 20_000; i++) { // ~250 KB: flushes the buffer several times, mid-record included
            written.add(new Named(i * 31 + 7, "w" + i + (i % 5 == 0 ? " ünï" : " word") + i % 97));
        }
        written.add(new Named(42, "y".repeat(1 << 16))); // exactly the buffer's size, after others
        written.add(new Named(43, "last"));
        try (NameFile names = new NameFile(temp)) {
            for (Named n : written) {
                names.write(n.id(), n.name());
            }

            assertThat(readAll(names)).containsExactlyElementsOf(written);
            assertThat(readAll(names)).as("read twice").containsExactlyElementsOf(written);
        }
    }

    @Test
    void read_recordsOfEveryLengthStraddlingTheBufferEnd_givesThemBack() throws IOException {
        // Names of one length per file, enough to cross the 64 KiB buffer's end twice: for some length, a record's
        // 8-byte header, not only its name, meets the end of the buffer.
        for (int length = 0; length <= 12; length++) {
            List<Named> written = new ArrayList<>();
            for (int i = 0; i < 2 * (1 << 16) / (8 + length) + 3; i++) {
                written.add(new Named(i, String.valueOf((char) ('a' + i % 26)).repeat(length)));
            }
            try (NameFile names = new NameFile(temp)) {
                for (Named n : written) {
                    names.write(n.id(), n.name());
                }

                assertThat(readAll(names)).as("names of %d bytes", length).containsExactlyElementsOf(written);
            }
        }
    }

    @Test
    void read_noNames_readsNothing() throws IOException {
        try (NameFile names = new NameFile(temp)) {
            assertThat(readAll(names)).isEmpty();
        }
    }

    @Test
    void read_fileCutInsideARecord_throwsIOExceptionNamingTheFile() throws IOException {
        try (NameFile names = new NameFile(temp)) {
            names.write(1, "first");
            names.write(2, "second name");
            readAll(names); // ends the writing, so the whole file is on disk
            Path file = theFile();
            long whole = Files.size(file);
            assertThat(whole).isEqualTo(8 + 5 + 8 + 11);
            for (long cut : new long[] {whole - 1, 8 + 5 + 6, 8 + 5 + 2}) { // in the name, the length, the id
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    channel.truncate(cut);
                }

                try (NameFile.Reader reader = names.read()) {
                    assertThat(reader.next()).isTrue();
                    assertThat(reader.name()).isEqualTo("first");
                    assertThatThrownBy(reader::next).as("cut at %d", cut).isInstanceOf(IOException.class)
                            .hasMessage(file + ": ends inside a name record; was it changed while fitting?");
                }
            }
        }
    }

    @Test
    void read_negativeLength_throwsIOExceptionNamingTheFile() throws IOException {
        try (NameFile names = new NameFile(temp)) {
            names.write(1, "abcd");
            readAll(names);
            Path file = theFile();
            byte[] bytes = Files.readAllBytes(file);
            bytes[4] = (byte) 0xFF; // the length's top byte
            Files.write(file, bytes);

            try (NameFile.Reader reader = names.read()) {
                assertThatThrownBy(reader::next).isInstanceOf(IOException.class)
                        .hasMessage(file + ": bad name length " + (0xFF000004));
            }
        }
    }

    @Test
    void close_afterWriting_deletesTheFile() throws IOException {
        NameFile names = new NameFile(temp);
        names.write(3, "name");
        Path file = theFile();
        assertThat(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)).isEmpty(); // still buffered

        names.close();

        assertThat(file).doesNotExist();
        assertThat(temp).isEmptyDirectory();
    }

    @Test
    void close_afterReading_deletesTheFile() throws IOException {
        NameFile names = new NameFile(temp);
        names.write(3, "name");
        assertThat(readAll(names)).containsExactly(new Named(3, "name"));

        names.close();

        assertThat(temp).isEmptyDirectory();
    }
}
