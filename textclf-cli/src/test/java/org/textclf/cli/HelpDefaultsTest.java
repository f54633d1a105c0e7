package org.textclf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

class HelpDefaultsTest {
    /** Options whose default really is zero, not a sentinel for "someone else chooses". */
    private static final Set<String> REAL_ZERO = Set.of("predict --threshold");

    @Test
    void help_everyCommand_showsNoSentinelDefault() {
        List<String> sentinels = new ArrayList<>();
        for (Map.Entry<String, CommandLine> command : Main.commandLine().getSubcommands().entrySet()) {
            for (OptionSpec option : command.getValue().getCommandSpec().options()) {
                String shown = String.join(" ", option.description());
                if (!shown.contains("${DEFAULT-VALUE}")) {
                    continue;
                }
                String value = String.valueOf(option.defaultValueString());
                String name = command.getKey() + " " + option.longestName();
                if ((value.equals("null") || value.matches("0(\\.0)?")) && !REAL_ZERO.contains(name)) {
                    sentinels.add(name + " default: " + value);
                }
            }
            String usage = command.getValue().getUsageMessage(CommandLine.Help.Ansi.OFF);
            assertThat(usage).as(command.getKey()).doesNotContain("default: null");
        }
        assertThat(sentinels).isEmpty();
    }

    @Test
    void help_train_saysWhoChoosesTheBatchSize() {
        String usage = Main.commandLine().getSubcommands().get("train").getUsageMessage(CommandLine.Help.Ansi.OFF)
                .replaceAll("\\s+", " ");

        assertThat(usage).contains("(default: chosen by the branch, the guide's 128 for the n-gram models, 32 for"
                + " the sepcnn)");
    }
}
