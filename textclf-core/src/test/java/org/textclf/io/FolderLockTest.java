package org.textclf.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderLockTest {
    private static final String HINT = "give another --checkpoint-dir or wait for it";

    @TempDir
    Path temp;

    /** Holds the lock on the folder given until killed; prints "ready" once it has it. */
    public static final class Holder {
        public static void main(String[] args) throws Exception {
            try (FolderLock lock = FolderLock.acquire(Path.of(args[0]), HINT)) {
                System.out.println("ready");
                System.out.flush();
                Thread.sleep(TimeUnit.MINUTES.toMillis(2));
            }
        }
    }

    @Test
    void acquire_heldByAnotherProcess_failsNamingItsPid() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-Xmx32m", "-cp", System.getProperty("java.class.path"),
                Holder.class.getName(), temp.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("ready");
            assertThatThrownBy(() -> FolderLock.acquire(temp, HINT)).isInstanceOf(IOException.class)
                    .hasMessage(temp + ": in use by another textclf run (pid " + child.pid() + "); " + HINT);
            child.destroyForcibly(); // kill -9: the system drops the lock with the process
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            FolderLock.acquire(temp, HINT).close();
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    void acquire_heldInThisProcess_failsUntilReleased() throws IOException {
        try (FolderLock first = FolderLock.acquire(temp, HINT)) {
            assertThatThrownBy(() -> FolderLock.acquire(temp, HINT)).isInstanceOf(IOException.class)
                    .hasMessage(temp + ": in use by another textclf run (pid " + ProcessHandle.current().pid() + "); "
                            + HINT);
        }
        FolderLock.acquire(temp, HINT).close();
    }
}
