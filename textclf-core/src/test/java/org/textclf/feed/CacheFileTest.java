package org.textclf.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheFileTest {
    private static final CacheKey KEY = CacheKey.builder().put("seed", 42).build();

    @TempDir
    Path temp;

    private Path write(Path file, int records) throws IOException {
        try (CacheFile.Writer w = new CacheFile.Writer(file, true, "examples", KEY)) {
            for (int i = 0; i < records; i++) {
                w.out().writeInt(i);
            }
            w.commit(records);
        }
        return file;
    }

    @Test
    void check_committedFile_usableWithItsRecordCount() throws IOException {
        Path file = write(temp.resolve("a.examples"), 1000);
        CacheFile.Check check = CacheFile.check(file, "examples", KEY);
        assertThat(check.usable()).isTrue();
        assertThat(check.records()).isEqualTo(1000);
        try (var in = CacheFile.openBody(file, check)) {
            assertThat(in.readInt()).isZero();
            assertThat(in.readInt()).isEqualTo(1);
        }
    }

    @Test
    void writer_closedWithoutCommit_leavesNoFileAtAll() throws IOException {
        Path file = temp.resolve("a.examples");
        try (CacheFile.Writer w = new CacheFile.Writer(file, true, "examples", KEY)) {
            w.out().writeInt(1);
            w.out().flush();
            try (Stream<Path> files = Files.list(temp)) {
                assertThat(files.map(p -> p.getFileName().toString())).singleElement().asString()
                        .startsWith(".a.examples.").endsWith(".tmp");
            }
        }
        try (Stream<Path> files = Files.list(temp)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void check_everyTruncation_corrupt() throws IOException {
        Path file = write(temp.resolve("a.examples"), 10);
        byte[] bytes = Files.readAllBytes(file);
        Path cut = temp.resolve("cut");
        for (int length = 0; length < bytes.length; length++) {
            Files.write(cut, Arrays.copyOf(bytes, length));
            CacheFile.Check check = CacheFile.check(cut, "examples", KEY);
            assertThat(check.usable()).as("length %d", length).isFalse();
            assertThat(check.corrupt()).as("length %d", length).isTrue();
        }
    }

    @Test
    void check_everyFlippedBit_corruptOrNotUsable() throws IOException {
        Path file = write(temp.resolve("a.examples"), 10);
        byte[] bytes = Files.readAllBytes(file);
        Path flipped = temp.resolve("flipped");
        for (int i = 0; i < bytes.length * 8; i++) {
            byte[] copy = bytes.clone();
            copy[i / 8] ^= (byte) (1 << (i % 8));
            Files.write(flipped, copy);
            assertThat(CacheFile.check(flipped, "examples", KEY).usable()).as("bit %d", i).isFalse();
        }
    }

    @Test
    void check_otherKey_notUsableAndSaysWhatChanged() throws IOException {
        Path file = write(temp.resolve("a.examples"), 3);
        CacheFile.Check check = CacheFile.check(file, "examples", CacheKey.builder().put("seed", 7).build());
        assertThat(check.usable()).isFalse();
        assertThat(check.corrupt()).isFalse();
        assertThat(check.reason()).isEqualTo("seed 42 -> 7");
    }

    @Test
    void check_otherKind_corrupt() throws IOException {
        Path file = write(temp.resolve("a.examples"), 3);
        CacheFile.Check check = CacheFile.check(file, "vectorizer", KEY);
        assertThat(check.corrupt()).isTrue();
        assertThat(check.reason()).isEqualTo(file + ": holds examples, expected vectorizer");
    }

    @Test
    void check_missing_notCorrupt() throws IOException {
        CacheFile.Check check = CacheFile.check(temp.resolve("none"), "examples", KEY);
        assertThat(check.usable()).isFalse();
        assertThat(check.corrupt()).isFalse();
        assertThat(check.reason()).isEqualTo("none cached yet");
    }
}
