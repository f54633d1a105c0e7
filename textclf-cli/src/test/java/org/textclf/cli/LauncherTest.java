package org.textclf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/textclf, run by bash on a copy of the checkout's layout in a temp dir (the real launcher scripts, an empty
 * jar) with fake JDKs: tiny scripts that print their version, log how they were called and write the files a real
 * JVM would (the CDS archive, the AOT configuration and cache), so that the choice of JDK, the symlink resolution
 * and the archives' life cycle are tested without starting a JVM.
 */
class LauncherTest {
    @TempDir
    Path dir;
    Path root;
    Path jar;
    Path log;

    @BeforeEach
    void layout() throws IOException {
        root = dir.resolve("checkout");
        Path bin = Files.createDirectories(root.resolve("bin"));
        for (String script : List.of("textclf", "newest-java")) {
            Files.copy(Path.of("..", "bin", script), bin.resolve(script), StandardCopyOption.COPY_ATTRIBUTES);
        }
        jar = Files.createFile(Files.createDirectories(root.resolve("textclf-cli/target")).resolve("textclf.jar"));
        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        log = dir.resolve("java.log");
    }

    @Test
    void symlinkInAnotherFolder_runsTheCheckoutsJarFromAnyWorkingDirectory() throws Exception {
        Path jdk = fakeJdk("jdks/jdk-21", "21.0.2");
        Path link = Files.createDirectories(dir.resolve("home/bin")).resolve("textclf");
        Files.createSymbolicLink(link, root.resolve("bin/textclf"));
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));

        String out = run(link, elsewhere, Map.of("TEXTCLF_JAVA", jdk.toString()), "--version");

        assertThat(out).startsWith("java 21.0.2:").contains("-jar " + jar.toRealPath() + " --version");
    }

    @Test
    void jdkChoice_newestOfJavaHomePathAndJdkFolders_atLeast17() throws Exception {
        fakeJdk("jdks/jdk-11", "11.0.22");
        fakeJdk("jdks/jdk-23", "23.0.1");
        fakeJdk("jdks/jdk-9", "9.0.4");
        Path javaHome = fakeJdk("home-jdk", "21.0.5");
        Map<String, String> env = Map.of("JAVA_HOME", javaHome.getParent().getParent().toString(),
                "TEXTCLF_JDK_DIRS", dir.resolve("jdks") + "/*");

        assertThat(run(root.resolve("bin/textclf"), dir, env, "explore", "x")).startsWith("java 23.0.1:");
    }

    @Test
    void jdkChoice_javaHomeNewest_wins() throws Exception {
        fakeJdk("jdks/jdk-11", "11.0.22");
        Path javaHome = fakeJdk("home-jdk", "25.0.1");
        Map<String, String> env = Map.of("JAVA_HOME", javaHome.getParent().getParent().toString(),
                "TEXTCLF_JDK_DIRS", dir.resolve("jdks") + "/*");
        assertThat(run(root.resolve("bin/textclf"), dir, env, "explore", "x")).startsWith("java 25.0.1:");
    }

    @Test
    void jdkChoice_onlyOlderThan17_failsWithOneLine() throws Exception {
        Path old = fakeJdk("jdks/jdk-11", "11.0.22");
        Map<String, String> env = Map.of("JAVA_HOME", old.getParent().getParent().toString(),
                "TEXTCLF_JDK_DIRS", dir.resolve("jdks") + "/*");

        Launch launch = launch(root.resolve("bin/textclf"), dir, env, "explore", "x");

        assertThat(launch.exitCode()).isEqualTo(1);
        assertThat(launch.javaLog()).isEmpty();
        assertThat(launch.output()).startsWith("textclf: no Java 17 or newer found (JAVA_HOME, java on PATH, ")
                .endsWith("); install a JDK 17+ or set TEXTCLF_JAVA=/path/to/java\n");
    }

    @Test
    void textclfJava_overridesTheChoice() throws Exception {
        fakeJdk("jdks/jdk-25", "25.0.1");
        Path chosen = fakeJdk("other/jdk-17", "17.0.9");
        Map<String, String> env = Map.of("TEXTCLF_JDK_DIRS", dir.resolve("jdks") + "/*",
                "TEXTCLF_JAVA", chosen.toString());

        assertThat(run(root.resolve("bin/textclf"), dir, env, "explore", "x")).startsWith("java 17.0.9:");
    }

    @Test
    void jdk25_firstTrainRecordsAnAotCache_laterRunsUseIt_aStaleOneIsRecordedAgain() throws Exception {
        Path java = fakeJdk("jdks/jdk-25", "25.0.1");
        Map<String, String> env = Map.of("TEXTCLF_JAVA", java.toString());
        Path cache = jar.resolveSibling("textclf-25.0.1.aot");

        String first = run(root.resolve("bin/textclf"), dir, env, "train", "x");
        assertThat(first).contains("-XX:AOTMode=record").contains("-XX:AOTMode=create").doesNotContain("-XX:AOTCache="
                + cache + " ");
        assertThat(cache).exists();
        try (var files = Files.list(jar.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("textclf.jar",
                    "textclf-25.0.1.aot");  // the temp names renamed or deleted
        }

        assertThat(run(root.resolve("bin/textclf"), dir, env, "train", "x")).contains("-XX:AOTCache=" + cache + " ")
                .doesNotContain("AOTMode");

        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() + 60_000));  // a rebuild
        assertThat(run(root.resolve("bin/textclf"), dir, env, "explore", "x")).doesNotContain("-XX:AOTCache");
        assertThat(run(root.resolve("bin/textclf"), dir, env, "train", "x")).contains("-XX:AOTMode=record");
    }

    @Test
    void anotherJdksCache_isNotUsed_andJdk17UsesCds() throws Exception {
        Path java25 = fakeJdk("jdks/jdk-25", "25.0.1");
        Path java17 = fakeJdk("jdks/jdk-17", "17.0.9");
        run(root.resolve("bin/textclf"), dir, Map.of("TEXTCLF_JAVA", java25.toString()), "train", "x");
        Path archive = jar.resolveSibling("textclf-17.0.9.jsa");

        String first = run(root.resolve("bin/textclf"), dir, Map.of("TEXTCLF_JAVA", java17.toString()), "train", "x");
        assertThat(first).contains("-XX:ArchiveClassesAtExit=" + archive + ".").doesNotContain("AOT");
        assertThat(archive).exists();
        assertThat(run(root.resolve("bin/textclf"), dir, Map.of("TEXTCLF_JAVA", java17.toString()), "explore", "x"))
                .contains("-XX:SharedArchiveFile=" + archive + " ");
    }

    @Test
    void transparentHugePages_askedForWhereTheKernelGivesThemOnRequest() throws Exception {
        Path java = fakeJdk("jdks/jdk-25", "25.0.1");
        Path setting = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
        boolean madvise = Files.isReadable(setting) && Files.readString(setting).contains("[madvise]");

        String logged = run(root.resolve("bin/textclf"), dir, Map.of("TEXTCLF_JAVA", java.toString()), "explore", "x");

        if (madvise) {
            assertThat(logged).contains(" -XX:+UseTransparentHugePages ");
        } else {
            assertThat(logged).doesNotContain("UseTransparentHugePages");
        }
    }

    /** A JDK folder whose bin/java prints {@code VERSION} for -version and logs every other call. */
    private Path fakeJdk(String folder, String version) throws IOException {
        Path java = Files.createDirectories(dir.resolve(folder).resolve("bin")).resolve("java");
        Files.writeString(java, """
                #!/bin/sh
                if [ "$1" = -version ]; then echo 'openjdk version "%s" 2024-01-16' >&2; exit 0; fi
                echo "java %s: $*" >> "%s"
                for a in "$@"; do
                  case "$a" in
                    -XX:AOTConfiguration=*|-XX:ArchiveClassesAtExit=*) echo x > "${a#*=}" ;;
                  esac
                done
                case "$*" in *AOTMode=create*) for a in "$@"; do
                  case "$a" in -XX:AOTCache=*) echo x > "${a#*=}" ;; esac; done ;; esac
                """.formatted(version, version, log));
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return java;
    }

    /** Runs the launcher and returns what the fake JDKs logged: one line per JVM started. */
    private String run(Path launcher, Path workingDirectory, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        Launch launch = launch(launcher, workingDirectory, env, args);
        assertThat(launch.exitCode()).as(launch.output()).isZero();
        return launch.javaLog();
    }

    private record Launch(int exitCode, String output, String javaLog) {}

    /**
     * Runs the launcher with a PATH of the few tools it uses and no java, so that only the fake JDKs can be chosen,
     * whatever is installed.
     */
    private Launch launch(Path launcher, Path workingDirectory, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        Path tools = dir.resolve("tools");
        if (!Files.exists(tools)) {
            Files.createDirectories(tools);
            for (String tool : List.of("bash", "dirname", "readlink", "grep", "sed", "head", "mv", "rm")) {
                for (String folder : List.of("/usr/bin", "/bin")) {
                    Path real = Path.of(folder, tool);
                    if (Files.isExecutable(real)) {
                        Files.createSymbolicLink(tools.resolve(tool), real);
                        break;
                    }
                }
            }
        }
        Files.deleteIfExists(log);
        List<String> command = new ArrayList<>(List.of("bash", launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectErrorStream(true);
        builder.environment().remove("JAVA_HOME");
        builder.environment().remove("TEXTCLF_JAVA");
        builder.environment().put("TEXTCLF_JDK_DIRS", "");
        builder.environment().put("PATH", tools.toString());
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Launch(process.exitValue(), output, Files.exists(log) ? Files.readString(log) : "");
    }
}
