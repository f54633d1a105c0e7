package org.textclf.model;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.textclf.forged.ForgedLoads;
import org.textclf.io.ModelFile;
import org.textclf.io.Section;

/**
 * Forged model files: the golden models with a count set to an extreme, bits flipped or the file cut short, the
 * checksum recomputed where there is one (it detects damage, not forgery). Each must load or be refused with a
 * one-line {@link IOException} naming the file, quickly and in a 64 MB heap, never with another exception or an
 * OutOfMemoryError. {@code -Dforged.seed=N} replays another seed.
 */
final class ForgedModelFilesTest {
    private static final long SEED = Long.getLong("forged.seed", 20261201L);
    private static final String[] MODELS = {"mlp", "linear", "sepcnn"};
    private static final String[] MUTATED_SECTIONS = {"vectorizer", "network"};
    private static final int[] EXTREMES = {0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE - 8,
            1 << 24, 1 << 30};
    /** Every aligned int of a section's first bytes (where its headers and counts are) gets every extreme. */
    private static final int HEADER_BYTES = 128;
    private static final int RANDOM_INTS_PER_SECTION = 150;
    private static final int FLIPS_PER_MODEL = 300;
    private static final int CUTS_PER_MODEL = 60;
    private static final long CHILD_TIMEOUT_SECONDS = 120;

    @TempDir
    Path dir;

    @Test
    void load_forgedCountsFlipsAndCuts_loadsOrRefusesWithOneLineNamingTheFile() throws Exception {
        SplittableRandom random = new SplittableRandom(SEED);
        Path forged = Files.createDirectory(dir.resolve("forged"));
        int files = 0;
        for (String model : MODELS) {
            files += forge(model, forged, random);
        }

        ForgedLoads.assertLoadedOrRefused(ForgedModelLoads.class, forged, files, SEED, CHILD_TIMEOUT_SECONDS);
    }

    @Test
    void read_vocabularySizeBeyondTheSectionsBytes_refusesNamingFileSectionAndRoom() throws IOException {
        Path path = forgeInt("mlp", "vectorizer", 96, 1 << 24); // the vocabulary size follows a 96-byte header

        assertThatThrownBy(() -> ModelCodec.read(path)).isInstanceOf(IOException.class).hasMessage(path
                + ": impossible 'vectorizer' section: n-gram vectorizer: impossible vocabulary size; expected at"
                + " most 605 for the 7264 bytes left, found 16777216");
    }

    @Test
    void read_wordLengthBeyondTheSectionsBytes_refusesNamingFileSectionAndRoom() throws IOException {
        Path path = forgeInt("sepcnn", "vectorizer", 88, 1 << 24); // the first word's length follows the count

        assertThatThrownBy(() -> ModelCodec.read(path)).isInstanceOf(IOException.class).hasMessage(path
                + ": impossible 'vectorizer' section: sequence vectorizer: impossible length of word 2; expected at"
                + " most the 279 bytes left, found 16777216");
    }

    @Test
    void read_mlpLayersBeyondTheSectionsBytes_refusesBeforeBuildingTheNetwork() throws IOException {
        Path path = forgeInt("mlp", "network", 4, 1 << 24); // layers, after the network format

        assertThatThrownBy(() -> ModelCodec.read(path)).isInstanceOf(IOException.class).hasMessage(path
                + ": impossible network size; expected at most 381 parameter values in the 1524 bytes left in its"
                + " section, found a header for 1207959763");
    }

    @Test
    void read_networkSectionCutShort_refusesNamingFileAndSection() throws IOException {
        ModelFile file = ModelFile.read(golden("linear"));
        List<Section> sections = new ArrayList<>();
        for (String name : file.sectionNames()) {
            byte[] payload = file.section(name);
            sections.add(new Section(name, name.equals("network")
                    ? java.util.Arrays.copyOf(payload, payload.length - 1) : payload));
        }
        Path path = dir.resolve("short-network.textclf");
        ModelFile.write(path, sections);

        assertThatThrownBy(() -> ModelCodec.read(path)).isInstanceOf(IOException.class).hasMessage(path
                + ": impossible 'network' section: it ends before the fields its counts promise");
    }

    private Path forgeInt(String model, String section, int at, int value) throws IOException {
        ModelFile file = ModelFile.read(golden(model));
        Map<String, byte[]> sections = new LinkedHashMap<>();
        for (String name : file.sectionNames()) {
            sections.put(name, file.section(name));
        }
        writeInt(dir, model, sections, section, at, value);
        return dir.resolve(model + "-int-" + section + "-at" + at + "-" + value + ".textclf");
    }

    /** Writes one golden model's mutations into {@code into}; the file name says what was changed. */
    private static int forge(String model, Path into, SplittableRandom random) throws IOException {
        Path golden = golden(model);
        ModelFile file = ModelFile.read(golden);
        Map<String, byte[]> sections = new LinkedHashMap<>();
        for (String name : file.sectionNames()) {
            sections.put(name, file.section(name));
        }
        int files = 0;
        for (String section : MUTATED_SECTIONS) {
            int ints = sections.get(section).length / Integer.BYTES;
            for (int i = 0; i < Math.min(ints, HEADER_BYTES / Integer.BYTES); i++) {
                for (int extreme : EXTREMES) {
                    files += writeInt(into, model, sections, section, i * Integer.BYTES, extreme);
                }
            }
            for (int n = 0; n < RANDOM_INTS_PER_SECTION; n++) {
                files += writeInt(into, model, sections, section, random.nextInt(ints) * Integer.BYTES,
                        EXTREMES[random.nextInt(EXTREMES.length)]);
            }
        }
        List<String> names = new ArrayList<>(sections.keySet());
        for (int n = 0; n < FLIPS_PER_MODEL; n++) {
            String section = names.get(random.nextInt(names.size()));
            byte[] payload = sections.get(section).clone();
            int at = random.nextInt(payload.length);
            int bit = random.nextInt(8);
            payload[at] ^= (byte) (1 << bit);
            files += write(into, model + "-flip-" + section + "-at" + at + "-bit" + bit, sections, section, payload);
        }
        byte[] raw = Files.readAllBytes(golden);
        for (int n = 0; n < CUTS_PER_MODEL; n++) {
            int length = random.nextInt(raw.length);
            Path cut = into.resolve(model + "-cut-at" + length + ".textclf");
            if (!Files.exists(cut)) {
                Files.write(cut, java.util.Arrays.copyOf(raw, length));
                files++;
            }
        }
        return files;
    }

    private static int writeInt(Path into, String model, Map<String, byte[]> sections, String section, int at,
            int value) throws IOException {
        byte[] payload = sections.get(section).clone();
        ByteBuffer.wrap(payload).putInt(at, value);
        return write(into, model + "-int-" + section + "-at" + at + "-" + value, sections, section, payload);
    }

    /** The model with {@code section}'s payload replaced, in a valid container: 1 when written, 0 when a repeat. */
    private static int write(Path into, String name, Map<String, byte[]> sections, String section, byte[] payload)
            throws IOException {
        Path path = into.resolve(name + ".textclf");
        if (Files.exists(path)) {
            return 0;
        }
        List<Section> mutated = new ArrayList<>();
        for (Map.Entry<String, byte[]> s : sections.entrySet()) {
            mutated.add(new Section(s.getKey(), s.getKey().equals(section) ? payload : s.getValue()));
        }
        ModelFile.write(path, mutated);
        return 1;
    }

    /** The bad lines counted by their cause (what follows the file name, numbers dropped), for the message. */

    private static Path golden(String model) throws IOException {
        try {
            return Path.of(ForgedModelFilesTest.class.getResource("/golden/models/" + model + ".textclf").toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }
}
