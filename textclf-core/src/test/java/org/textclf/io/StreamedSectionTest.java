package org.textclf.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamedSectionTest {
    @TempDir
    Path dir;

    @Test
    void write_streamedSection_readsBackLikeABufferedOne() throws IOException {
        float[] moments = {1.5f, -2f, 3.25f};
        Path streamed = dir.resolve("streamed");
        Path buffered = dir.resolve("buffered");
        Section head = new Section("info", "{}".getBytes(StandardCharsets.UTF_8));
        ModelFile.write(streamed, List.of(head), List.of(SectionWriter.of("checkpoint", out -> {
            for (float m : moments) {
                out.writeFloat(m);
            }
        })));
        ModelFile.write(buffered, List.of(head, Section.of("checkpoint", out -> {
            for (float m : moments) {
                out.writeFloat(m);
            }
        })));
        assertThat(Files.readAllBytes(streamed)).isEqualTo(Files.readAllBytes(buffered));
        ModelFile file = ModelFile.read(streamed);
        assertThat(file.sectionNames()).containsExactly("info", "checkpoint");
        assertThat(file.open("checkpoint").readFloat()).isEqualTo(1.5f);
    }

    @Test
    void write_writerWritesOtherLengthThanDeclared_failsAndLeavesTheOldFile() throws IOException {
        Path file = dir.resolve("m");
        ModelFile.write(file, List.of(new Section("a", new byte[] {1})));
        byte[] before = Files.readAllBytes(file);
        int[] calls = {0};
        SectionWriter growing = SectionWriter.of("b", out -> out.write(new byte[++calls[0]]));
        assertThatThrownBy(() -> ModelFile.write(file, List.of(), List.of(growing)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("section 'b' wrote 2 bytes; expected the 1 it declared");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }
}
