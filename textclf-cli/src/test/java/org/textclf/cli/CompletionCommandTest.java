package org.textclf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompletionCommandTest {
    @TempDir
    Path dir;

    @Test
    void completionBash_sourcedByBash_registersTextclfAndCompletesTrToTrain() throws Exception {
        Run run = Run.of("completion", "bash");
        assertThat(run.exitCode()).as(run.err()).isZero();
        Path script = Files.writeString(dir.resolve("textclf.bash"), run.out());

        String registered = bash("source " + script + "; complete -p textclf");
        String offered = bash("source " + script + "; COMP_WORDS=(textclf tr); COMP_CWORD=1; COMP_LINE='textclf tr';"
                + " COMP_POINT=${#COMP_LINE}; $(complete -p textclf | sed 's/.*-F \\([^ ]*\\) .*/\\1/') textclf tr;"
                + " printf '%s\\n' \"${COMPREPLY[@]}\"");

        assertThat(registered).startsWith("complete ").endsWith(" textclf\n");
        assertThat(offered.lines()).containsExactly("train");
    }

    @Test
    void completionZsh_theSameScript_whichRunsThroughBashcompinit() {
        Run zsh = Run.of("completion", "zsh");

        assertThat(zsh.exitCode()).isZero();
        assertThat(zsh.out()).isEqualTo(Run.of("completion", "bash").out()).contains("bashcompinit");
    }

    @Test
    void completion_unknownShell_usageErrorNamingTheShells() {
        Run run = Run.of("completion", "fish");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("textclf: Invalid value for positional parameter at index 0 (SHELL): "
                + "expected one of [bash, zsh]");
    }

    private static String bash(String script) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
