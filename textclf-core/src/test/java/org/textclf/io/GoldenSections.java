package org.textclf.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The sections of {@code golden-v1.textclf}, a model file written once by format version 1 and committed, so that a
 * later change which can no longer read version-1 files fails {@link GoldenModelFileTest}. To regenerate (only when
 * deliberately breaking compatibility, which also means a new format version): run {@link #main} with the
 * resources folder as argument.
 */
final class GoldenSections {
    static final String METADATA = "{\"classes\":[\"World\",\"Sports\"],\"format\":\"golden\"}";

    private GoldenSections() {
    }

    static List<Section> sections() throws IOException {
        return List.of(
                new Section("metadata", METADATA.getBytes(StandardCharsets.UTF_8)),
                Section.of("vectorizer", out -> {
                    out.writeInt(3);
                    out.writeFloat(0.5f);
                    out.writeUTF("héllo wörld");
                    out.writeLong(-1L);
                }),
                new Section("empty", new byte[0]),
                new Section("ünïcode name", new byte[] {0, 1, 2, (byte) 0xFF}));
    }

    public static void main(String[] args) throws IOException {
        ModelFile.write(Path.of(args[0]).resolve("org/textclf/io/golden-v1.textclf"), sections());
    }
}
