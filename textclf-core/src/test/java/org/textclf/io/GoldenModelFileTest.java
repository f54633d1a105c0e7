package org.textclf.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Format version 1 files must stay loadable: the committed golden file is read by today's code. */
class GoldenModelFileTest {
    private static Path golden() throws URISyntaxException {
        return Path.of(GoldenModelFileTest.class.getResource("golden-v1.textclf").toURI());
    }

    @Test
    void read_goldenVersion1File_returnsItsSections() throws Exception {
        ModelFile model = ModelFile.read(golden());

        assertThat(model.formatVersion()).isEqualTo(1);
        assertThat(model.sectionNames()).containsExactly("metadata", "vectorizer", "empty", "ünïcode name");
        assertThat(new String(model.section("metadata"), StandardCharsets.UTF_8)).isEqualTo(GoldenSections.METADATA);
        try (DataInputStream in = model.open("vectorizer")) {
            assertThat(in.readInt()).isEqualTo(3);
            assertThat(in.readFloat()).isEqualTo(0.5f);
            assertThat(in.readUTF()).isEqualTo("héllo wörld");
            assertThat(in.readLong()).isEqualTo(-1L);
            assertThat(in.read()).isEqualTo(-1);
        }
        assertThat(model.section("empty")).isEmpty();
        assertThat(model.section("ünïcode name")).containsExactly(0, 1, 2, 0xFF);
    }

    @Test
    void read_goldenVersion1File_hasTheDocumentedLayout() throws Exception {
        byte[] bytes = Files.readAllBytes(golden());

        assertThat(bytes).startsWith('T', 'E', 'X', 'T', 'C', 'L', 'F', 0x1A);
        ByteBuffer b = java.nio.ByteBuffer.wrap(bytes);
        assertThat(b.getInt(8)).isEqualTo(1);
        assertThat(b.getLong(12)).isEqualTo(bytes.length);
        assertThat(b.getInt(20)).isEqualTo(4);
        assertThat(b.getLong(bytes.length - 12)).isEqualTo(bytes.length);
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - 4);
        assertThat(b.getInt(bytes.length - 4)).isEqualTo((int) crc.getValue());
    }

    /** While the writer writes version 1 it must write exactly the golden bytes; a new version adds a new golden. */
    @Test
    void write_goldenSections_reproducesTheGoldenBytes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("again.textclf");
        ModelFile.write(file, GoldenSections.sections());

        byte[] expected;
        try (InputStream in = GoldenModelFileTest.class.getResourceAsStream("golden-v1.textclf")) {
            expected = in.readAllBytes();
        }
        assertThat(ModelFile.FORMAT_VERSION).as("writing a new format version: commit golden-v%d and keep v1",
                ModelFile.FORMAT_VERSION).isEqualTo(1);
        assertThat(Files.readAllBytes(file)).isEqualTo(expected);
    }
}
