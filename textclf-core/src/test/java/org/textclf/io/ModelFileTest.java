package org.textclf.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textclf.io.ModelFileException.Reason;

class ModelFileTest {
    @TempDir
    Path dir;

    private Path sample() throws IOException {
        byte[] weights = new byte[300];
        new Random(7).nextBytes(weights);
        Path file = dir.resolve("model.textclf");
        ModelFile.write(file, List.of(
                new Section("metadata", "{\"classes\":4}".getBytes(StandardCharsets.UTF_8)),
                new Section("network", weights),
                Section.of("vectorizer", out -> {
                    out.writeInt(20_000);
                    out.writeUTF("tf-idf");
                })));
        return file;
    }

    private static ModelFileException loadError(Path file) {
        ModelFileException e = catchThrowableOfType(ModelFileException.class, () -> ModelFile.read(file));
        assertThat(e).as("loading %s must fail with a ModelFileException", file).isNotNull();
        assertThat(e.getMessage()).doesNotContain("\n").startsWith(file + ": ");
        return e;
    }

    /** Rewrites the checksum so that only the deliberate change remains, as a future or hostile writer would. */
    private static void rechecksum(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - 4);
        ByteBuffer.wrap(bytes).putInt(bytes.length - 4, (int) crc.getValue());
    }

    @Test
    void read_writtenFile_returnsSectionsInOrder() throws IOException {
        Path file = sample();

        ModelFile model = ModelFile.read(file);

        assertThat(model.formatVersion()).isEqualTo(ModelFile.FORMAT_VERSION);
        assertThat(model.sectionNames()).containsExactly("metadata", "network", "vectorizer");
        assertThat(new String(model.section("metadata"), StandardCharsets.UTF_8)).isEqualTo("{\"classes\":4}");
        byte[] weights = new byte[300];
        new Random(7).nextBytes(weights);
        assertThat(model.section("network")).isEqualTo(weights);
        assertThat(model.open("vectorizer").readInt()).isEqualTo(20_000);
        assertThat(model.has("network")).isTrue();
        assertThat(model.has("optimizer")).isFalse();
    }

    @Test
    void read_noSections_isTheSmallest36ByteFile() throws IOException {
        Path file = dir.resolve("empty.textclf");
        ModelFile.write(file, List.of());

        assertThat(Files.size(file)).isEqualTo(36);
        assertThat(ModelFile.read(file).sectionNames()).isEmpty();
    }

    @Test
    void section_absent_namesTheSectionsThere() throws IOException {
        ModelFile model = ModelFile.read(sample());

        assertThatThrownBy(() -> model.section("optimizer"))
                .isInstanceOf(ModelFileException.class)
                .hasMessageContaining("no section 'optimizer'; expected it in a model file, found only "
                        + "[metadata, network, vectorizer]")
                .extracting(e -> ((ModelFileException) e).reason()).isEqualTo(Reason.MISSING_SECTION);
    }

    @Test
    void write_duplicateSectionNames_throwsIllegalArgument() {
        List<Section> twice = List.of(new Section("a", new byte[1]), new Section("a", new byte[2]));

        assertThatThrownBy(() -> ModelFile.write(dir.resolve("m"), twice))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("section names must be unique; expected one section 'a', found two");
        assertThat(dir.resolve("m")).doesNotExist();
    }

    @Test
    void section_badName_throwsIllegalArgument() {
        assertThatThrownBy(() -> new Section("", new byte[0])).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("section name must not be empty; expected 1 to 255 UTF-8 bytes, found \"\"");
        assertThatThrownBy(() -> new Section("é".repeat(128), new byte[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("section name is too long; expected 1 to 255 UTF-8 bytes, found 256");
    }

    @Test
    void read_emptyFile_reportsNotAModel() throws IOException {
        Path file = Files.write(dir.resolve("empty"), new byte[0]);

        ModelFileException e = loadError(file);

        assertThat(e.reason()).isEqualTo(Reason.NOT_A_MODEL);
        assertThat(e.getMessage()).isEqualTo(file + ": not a textclf model file; expected magic bytes "
                + "54 45 58 54 43 4C 46 1A (\"TEXTCLF.\"), found an empty file");
    }

    @Test
    void read_csvFile_reportsNotAModelShowingItsStart() throws IOException {
        Path file = Files.writeString(dir.resolve("train.csv"), "label,text\n1,good movie\n");

        ModelFileException e = loadError(file);

        assertThat(e.reason()).isEqualTo(Reason.NOT_A_MODEL);
        assertThat(e.getMessage()).endsWith("found 6C 61 62 65 6C 2C 74 65 (\"label,te\")");
    }

    @Test
    void read_wrongMagicByte_reportsNotAModel() throws IOException {
        Path file = sample();
        for (int offset = 0; offset < 8; offset++) {
            byte[] bytes = Files.readAllBytes(file);
            bytes[offset] ^= 0x20;
            Path bad = Files.write(dir.resolve("bad-magic"), bytes);

            assertThat(loadError(bad).reason()).as("magic byte %d changed", offset).isEqualTo(Reason.NOT_A_MODEL);
        }
    }

    @Test
    void read_truncatedAtEveryLength_reportsTruncated() throws IOException {
        byte[] bytes = Files.readAllBytes(sample());
        for (int length = 1; length < bytes.length; length++) {
            Path cut = Files.write(dir.resolve("cut"), Arrays.copyOf(bytes, length));

            ModelFileException e = loadError(cut);

            assertThat(e.reason()).as("cut to %d of %d bytes: %s", length, bytes.length, e.getMessage())
                    .isEqualTo(Reason.TRUNCATED);
        }
    }

    @Test
    void read_truncatedAfterHeader_saysExpectedAndFoundLengths() throws IOException {
        byte[] bytes = Files.readAllBytes(sample());
        Path cut = Files.write(dir.resolve("cut"), Arrays.copyOf(bytes, 100));

        assertThat(loadError(cut).getMessage()).isEqualTo(cut + ": truncated; expected " + bytes.length
                + " bytes, found 100; copy the file again or save the model again");
    }

    @Test
    void read_truncatedMidHeader_saysMinimumLength() throws IOException {
        byte[] bytes = Files.readAllBytes(sample());
        Path cut = Files.write(dir.resolve("cut"), Arrays.copyOf(bytes, 5));

        assertThat(loadError(cut).getMessage()).isEqualTo(cut + ": truncated; expected at least 36 bytes, found 5; "
                + "copy the file again or save the model again");
    }

    @Test
    void read_oneByteFlippedAnywhereAfterMagic_reportsCorrupted() throws IOException {
        byte[] original = Files.readAllBytes(sample());
        for (int offset = 8; offset < original.length; offset++) {
            // Low bit, high bit or the whole byte, in turn: each kind of damage lands on every field.
            int mask = new int[] {0x01, 0x80, 0xFF}[offset % 3];
            byte[] bytes = original.clone();
            bytes[offset] ^= (byte) mask;
            Path bad = Files.write(dir.resolve("flipped"), bytes);

            ModelFileException e = loadError(bad);

            assertThat(e.reason()).as("mask %02X at offset %d: %s", mask, offset, e.getMessage())
                    .isEqualTo(Reason.CORRUPTED);
        }
    }

    @Test
    void read_flippedPayloadByte_reportsChecksumMismatch() throws IOException {
        byte[] bytes = Files.readAllBytes(sample());
        bytes[60] ^= 1;
        Path bad = Files.write(dir.resolve("flipped"), bytes);

        assertThat(loadError(bad).getMessage()).matches(
                "\\Q" + bad + ": corrupted; expected CRC32C \\E[0-9A-F]{8}, found [0-9A-F]{8}"
                        + "; copy the file again or save the model again");
    }

    @Test
    void read_extraBytesAppended_reportsCorrupted() throws IOException {
        byte[] bytes = Files.readAllBytes(sample());
        Path longer = Files.write(dir.resolve("longer"), Arrays.copyOf(bytes, bytes.length + 3));

        assertThat(loadError(longer).reason()).isEqualTo(Reason.CORRUPTED);
    }

    @Test
    void read_newerFormatVersion_asksToUpgrade() throws IOException {
        byte[] bytes = Files.readAllBytes(sample());
        ByteBuffer.wrap(bytes).putInt(8, ModelFile.FORMAT_VERSION + 1);
        rechecksum(bytes);
        Path newer = Files.write(dir.resolve("newer.textclf"), bytes);

        ModelFileException e = loadError(newer);

        assertThat(e.reason()).isEqualTo(Reason.NEWER_VERSION);
        assertThat(e.getMessage()).isEqualTo(newer + ": model file has format version 2; this textclf reads up to 1;"
                + " upgrade textclf");
    }

    @Test
    void read_absurdSectionLength_refusedBeforeAllocating() throws IOException {
        byte[] bytes = Files.readAllBytes(sample());
        // The first section, "metadata", has its 8-byte payload length at 24 + 1 + 8.
        ByteBuffer.wrap(bytes).putLong(33, Long.MAX_VALUE - 1);
        rechecksum(bytes);
        Path absurd = Files.write(dir.resolve("absurd"), bytes);

        ModelFileException e = loadError(absurd);

        assertThat(e.reason()).isEqualTo(Reason.CORRUPTED);
        assertThat(e.getMessage()).contains("section 'metadata' has an impossible length; expected 0.."
                + (bytes.length - 12 - 41) + " bytes (what is left before the trailer), found " + (Long.MAX_VALUE - 1));
    }

    @Test
    void read_absurdSectionCount_refusedBeforeAllocating() throws IOException {
        byte[] bytes = Files.readAllBytes(sample());
        ByteBuffer.wrap(bytes).putInt(20, Integer.MAX_VALUE);
        rechecksum(bytes);
        Path absurd = Files.write(dir.resolve("absurd"), bytes);

        ModelFileException e = loadError(absurd);

        assertThat(e.reason()).isEqualTo(Reason.CORRUPTED);
        assertThat(e.getMessage()).contains("impossible section count");
    }

    @Test
    void read_missingFile_saysSoInOneLine() {
        Path missing = dir.resolve("nope.textclf");

        assertThatThrownBy(() -> ModelFile.read(missing)).isInstanceOf(NoSuchFileException.class)
                .hasMessage(missing + ": no such model file; expected a file saved by textclf");
    }

    @Test
    void write_existingFile_isReplacedWhole() throws IOException {
        Path file = sample();

        ModelFile.write(file, List.of(new Section("only", new byte[] {42})));

        assertThat(ModelFile.read(file).sectionNames()).containsExactly("only");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }
}
