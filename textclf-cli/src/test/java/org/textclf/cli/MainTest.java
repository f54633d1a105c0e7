package org.textclf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

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
    void commandLine_subcommandFirst_buildsThatOneOnly() {
        assertThat(Main.commandLine(new String[] {"train", "data.csv", "--epochs", "2"}).getSubcommands())
                .containsOnlyKeys("train");
    }

    @Test
    void commandLine_helpCompletionOrOptionFirst_buildsTheWholeTree() {
        int all = Main.commandLine().getSubcommands().size();
        for (String[] args : new String[][] {{"help", "train"}, {"completion"}, {"--debug", "train"}, {},
                {"exploer"}, {"--help"}}) {
            assertThat(Main.commandLine(args).getSubcommands()).as(String.join(" ", args)).hasSize(all);
        }
    }

    @Test
    void commandLine_subcommandAlone_sameHelpAndSettingsAsInTheWholeTree() {
        for (Map.Entry<String, CommandLine> whole : Main.commandLine().getSubcommands().entrySet()) {
            CommandLine alone = Main.commandLine(new String[] {whole.getKey()}).getSubcommands().get(whole.getKey());
            CommandLine full = whole.getValue();

            assertThat(alone.getUsageMessage(CommandLine.Help.Ansi.OFF)).as(whole.getKey())
                    .isEqualTo(full.getUsageMessage(CommandLine.Help.Ansi.OFF));
            assertThat(alone.isCaseInsensitiveEnumValuesAllowed()).isEqualTo(full.isCaseInsensitiveEnumValuesAllowed());
            assertThat(alone.getExecutionExceptionHandler().getClass())
                    .isEqualTo(full.getExecutionExceptionHandler().getClass());
            assertThat(alone.isUsageHelpAutoWidth()).isEqualTo(full.isUsageHelpAutoWidth());
        }
    }

    @Test
    void message_exceptionWithoutMessage_namesItsType() {
        assertThat(OneLineErrors.message(new NullPointerException())).isEqualTo("java.lang.NullPointerException");
    }
}
