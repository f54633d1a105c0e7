package org.textclf.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TempSweepTest {
    @TempDir
    Path temp;

    /** Prints the tag its own temp files carry, then waits to be killed. */
    public static final class Tagger {
        public static void main(String[] args) throws Exception {
            System.out.println(TempOwner.current().tag());
            System.out.flush();
            Thread.sleep(TimeUnit.MINUTES.toMillis(2));
        }
    }

    @Test
    void sweep_anotherLiveProcess_keepsItsFilesUntilItIsKilled() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-Xmx32m", "-cp", System.getProperty("java.class.path"),
                Tagger.class.getName()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            // the tag as the child computes its own start, compared by this JVM with its own reading of it
            String tag = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            Path cache = Files.write(temp.resolve("textclf-examples-" + tag + "-1.bin"), new byte[1]);
            assertThat(TempFiles.sweep(temp)).isZero();
            assertThat(cache).exists();
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(TempFiles.sweep(temp)).isEqualTo(1);
            assertThat(cache).doesNotExist();
        } finally {
            child.destroyForcibly();
        }
    }

    /** A process that ran and exited: its pid names no live process of that start instant any more. */
    private static TempOwner deadOwner() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-version").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        TempOwner owner = TempOwner.of(child.toHandle());
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return owner;
    }

    @Test
    void create_namesTheOwnersPidAndStart() throws IOException {
        Path file = TempFiles.create(temp, "textclf-examples-", ".bin");
        try {
            assertThat(file.getFileName().toString()).startsWith("textclf-examples-p" + ProcessHandle.current().pid()
                    + "s").endsWith(".bin");
        } finally {
            TempFiles.delete(file);
        }
    }

    @Test
    void sweep_deadOwnersFiles_deletedLiveOnesAndOthersKept() throws Exception {
        TempOwner dead = deadOwner();
        // The current pid with another start instant: the pid of a killed run, reused since by a live process.
        TempOwner reused = new TempOwner(ProcessHandle.current().pid(), TempOwner.current().startMillis() - 3_600_000);
        Path deadCache = Files.write(temp.resolve("textclf-examples-" + dead.tag() + "-123.bin"), new byte[10]);
        Path deadShuffle = Files.createDirectory(temp.resolve("textclf-shuffle-" + dead.tag() + "-456"));
        Files.write(deadShuffle.resolve("b0"), new byte[10]);
        Path deadSave = Files.write(temp.resolve(".m.textclf." + dead.tag() + "-1f2e.tmp"), new byte[10]);
        Path reusedSpill = Files.write(temp.resolve("textclf-spill-" + reused.tag() + "-789.bin"), new byte[10]);
        Path live = Files.write(temp.resolve("textclf-heldout-" + TempOwner.current().tag() + "-1.bin"), new byte[1]);
        Path liveSave = Files.write(temp.resolve(".m.textclf." + TempOwner.current().tag() + "-ab.tmp"), new byte[1]);
        Path untagged = Files.write(temp.resolve("textclf-examples-123.bin"), new byte[1]);
        Path foreign = Files.write(temp.resolve("textclf-notes-" + dead.tag() + ".txt"), new byte[1]);

        assertThat(TempFiles.sweep(temp)).isEqualTo(4);

        assertThat(deadCache).doesNotExist();
        assertThat(deadShuffle).doesNotExist();
        assertThat(deadSave).doesNotExist();
        assertThat(reusedSpill).doesNotExist();
        assertThat(live).exists();
        assertThat(liveSave).exists();
        assertThat(untagged).exists();
        assertThat(foreign).exists();
    }

    @Test
    void create_firstInAFolder_sweepsDeadOwnersThere() throws Exception {
        Path deadCache = Files.write(temp.resolve("textclf-examples-" + deadOwner().tag() + "-123.bin"), new byte[1]);
        TempFiles.delete(TempFiles.create(temp, "textclf-spill-", ".bin"));
        assertThat(deadCache).doesNotExist();
    }

    @Test
    void atomicWrite_sweepsDeadOwnersSavesInItsFolder() throws Exception {
        Path deadSave = Files.write(temp.resolve(".m.textclf." + deadOwner().tag() + "-1f2e.tmp"), new byte[1]);
        AtomicFiles.write(temp.resolve("other.textclf"), out -> out.write(1));
        assertThat(deadSave).doesNotExist();
        assertThat(temp.resolve("other.textclf")).hasSize(1);
    }

    @Test
    void create_missingTempFolder_namesItAndSaysWhatToDo() {
        Path missing = temp.resolve("nonexistent");
        assertThatThrownBy(() -> TempFiles.create(missing, "textclf-spill-", ".bin")).isInstanceOf(IOException.class)
                .hasMessage(missing + ": the temp folder does not exist; create it or give another --temp-dir");
    }

    @Test
    void newOutputStream_diskFull_namesTheFileAndSaysWhatToDo() {
        Path full = Path.of("/dev/full"); // Linux: every write fails with ENOSPC, as on a full disk
        Assumptions.assumeTrue(Files.isWritable(full), "needs /dev/full");
        assertThatThrownBy(() -> {
            try (OutputStream out = TempFiles.newOutputStream(full)) {
                out.write(new byte[1 << 16]);
                out.flush();
            }
        }).isInstanceOf(IOException.class).hasMessage("/dev/full: no space left on device while writing; free space"
                + " in /dev or give another --temp-dir");
    }

    @Test
    void atomicWrite_intoAFolder_saysItIsAFolder() {
        assertThatThrownBy(() -> AtomicFiles.write(temp, out -> out.write(1))).isInstanceOf(IOException.class)
                .hasMessage(temp + ": is a folder; expected a file name");
    }
}
