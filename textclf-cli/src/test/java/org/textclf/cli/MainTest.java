package org.textclf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    @Test
    void execute_help_listsExploreAndExitsZero() {
        Run run = Run.of("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("explore", "--debug");
    }

    @Test
    void execute_unknownSubcommand_usageErrorExitTwo() {
        Run run = Run.of("exploer", "x");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("textclf: Unmatched arguments from index 0: 'exploer', 'x'")
                .contains("Try 'textclf --help' for more information.");
    }

    @Test
    void execute_missingFile_oneLineExitOne(@TempDir Path dir) {
        Path missing = dir.resolve("nope.csv");
        Run run = Run.of("explore", missing.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("textclf: ").doesNotContain("\tat ");
        assertThat(run.err().lines().count()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void execute_missingFileWithDebug_printsStackTrace(@TempDir Path dir) {
        Run run = Run.of("explore", "--debug", dir.resolve("nope.csv").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("textclf: ").contains("\tat org.textclf.");
    }

    @Test
    void execute_debugBeforeSubcommand_printsStackTrace(@TempDir Path dir) {
        Run run = Run.of("--debug", "explore", dir.resolve("nope.csv").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("\tat org.textclf.");
    }

    @Test
    void message_exceptionWithoutMessage_namesItsType() {
        assertThat(OneLineErrors.message(new NullPointerException())).isEqualTo("java.lang.NullPointerException");
    }
}
