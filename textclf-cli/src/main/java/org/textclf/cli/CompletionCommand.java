package org.textclf.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code textclf completion bash|zsh}: the shell completion script of every command and option. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Prints a completion script for bash or zsh: source <(textclf completion bash), e.g. in"
                + " ~/.bashrc; in ~/.zshrc source <(textclf completion zsh)."})
public final class CompletionCommand implements Callable<Integer> {
    /** The shells; zsh runs the bash script through its bashcompinit, which the script loads itself. */
    enum Shell { bash, zsh }

    @Parameters(index = "0", paramLabel = "SHELL", description = "bash or zsh.")
    Shell shell;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        // Generated from the live command tree, so a new command or option completes without editing a script.
        spec.commandLine().getOut().print(AutoComplete.bash("textclf", spec.root().commandLine()));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
