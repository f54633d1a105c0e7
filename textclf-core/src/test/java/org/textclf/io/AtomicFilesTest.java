package org.textclf.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    @Test
    void write_newFile_holdsTheWrittenBytes() throws IOException {
        Path file = dir.resolve("plot.png");

        AtomicFiles.write(file, out -> out.write(new byte[] {1, 2, 3}));

        assertThat(Files.readAllBytes(file)).containsExactly(1, 2, 3);
        assertThat(files()).containsExactly(file);
    }

    @Test
    void write_writerThrowsMidway_leavesOldFileAndNoTempFile() throws IOException {
        Path file = Files.writeString(dir.resolve("model.textclf"), "old model");

        assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
            out.write(new byte[200_000]); // past the buffer, so the temp file really holds bytes
            throw new IOException("disk full");
        })).isInstanceOf(IOException.class).hasMessage("disk full");

        assertThat(Files.readString(file)).isEqualTo("old model");
        assertThat(files()).containsExactly(file);
    }

    @Test
    void write_writerThrowsUnchecked_leavesOldFileAndNoTempFile() throws IOException {
        Path file = Files.writeString(dir.resolve("model.textclf"), "old model");

        assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
            out.write(42);
            throw new UncheckedIOException(new IOException("bug"));
        })).isInstanceOf(UncheckedIOException.class);

        assertThat(Files.readString(file)).isEqualTo("old model");
        assertThat(files()).containsExactly(file);
    }

    @Test
    void write_modelFileWithFailingSectionWriter_leavesOldModel() throws IOException {
        Path file = dir.resolve("model.textclf");
        ModelFile.write(file, List.of(new Section("network", new byte[] {1})));

        assertThatThrownBy(() -> ModelFile.write(file, List.of(Section.of("network", out -> {
            throw new IOException("network not fitted");
        })))).hasMessage("network not fitted");

        assertThat(ModelFile.read(file).section("network")).containsExactly(1);
        assertThat(files()).containsExactly(file);
    }

    @Test
    void write_writerClosesTheStream_stillCommits() throws IOException {
        Path file = dir.resolve("history.csv");

        AtomicFiles.write(file, out -> {
            out.write("epoch,loss\n".getBytes());
            out.close();
        });

        assertThat(Files.readString(file)).isEqualTo("epoch,loss\n");
    }

    @Test
    void write_existingFile_isReplaced() throws IOException {
        Path file = Files.writeString(dir.resolve("a.txt"), "a much longer old content");

        AtomicFiles.write(file, out -> out.write('b'));

        assertThat(Files.readString(file)).isEqualTo("b");
        assertThat(files()).containsExactly(file);
    }

    @Test
    void write_missingDirectory_throwsNoSuchFile() {
        Path file = dir.resolve("no/such/dir/model.textclf");

        assertThatThrownBy(() -> AtomicFiles.write(file, out -> out.write(1)))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessage(file + ": cannot write; expected an existing directory, found none at "
                        + file.getParent());
    }
}
