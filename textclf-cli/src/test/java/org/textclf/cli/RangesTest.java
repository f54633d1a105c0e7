package org.textclf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

class RangesTest {
    @TempDir
    static Path dir;

    /** Every numeric or enumerated option of every command, a value out of its range and the range stated. */
    static Stream<Arguments> outOfRange() {
        return Stream.of(
                Arguments.of("train", "--layers", "0", "of at least 1"),
                Arguments.of("train", "--units", "0", "of at least 1"),
                Arguments.of("train", "--dropout", "1.5", "in [0, 1)"),
                Arguments.of("train", "--dropout", "-0.1", "in [0, 1)"),
                Arguments.of("train", "--l2", "-1", "of at least 0"),
                Arguments.of("train", "--l2", "Infinity", "of at least 0"),
                Arguments.of("train", "--top-features", "0", "of at least 1"),
                Arguments.of("train", "--min-df", "0", "of at least 1"),
                Arguments.of("train", "--ngram-range", "3,2", "1 <= MIN <= MAX <= 8"),
                Arguments.of("train", "--ngram-range", "1,9", "1 <= MIN <= MAX <= 8"),
                Arguments.of("train", "--ngram-range", "2", "1 <= MIN <= MAX <= 8"),
                Arguments.of("train", "--max-words", "0", "in 1..2147483631"),
                Arguments.of("train", "--max-words", "2147483647", "in 1..2147483631"),
                Arguments.of("train", "--max-length", "0", "of at least 1"),
                Arguments.of("train", "--blocks", "0", "of at least 1"),
                Arguments.of("train", "--filters", "0", "of at least 1"),
                Arguments.of("train", "--kernel-size", "0", "of at least 1"),
                Arguments.of("train", "--pool-size", "0", "of at least 1"),
                Arguments.of("train", "--embedding-dim", "0", "of at least 1"),
                Arguments.of("train", "--fine-tune-learning-rate", "0", "above 0"),
                Arguments.of("train", "--epochs", "0", "of at least 1"),
                Arguments.of("train", "--batch-size", "0", "of at least 1"),
                Arguments.of("train", "--learning-rate", "0", "above 0"),
                Arguments.of("train", "--learning-rate", "NaN", "above 0"),
                Arguments.of("train", "--patience", "-1", "of at least 0"),
                Arguments.of("train", "--validation-fraction", "1", "in (0, 1)"),
                Arguments.of("train", "--validation-fraction", "0", "in (0, 1)"),
                Arguments.of("train", "--threads", "0", "of at least 1"),
                Arguments.of("train", "--verbose", "3", "in 0..2"),
                Arguments.of("train", "--max-record-bytes", "0", "of at least 1"),
                Arguments.of("train", "--monitor", "loss", "val_loss, val_accuracy"),
                Arguments.of("train", "--model", "cnn", "mlp"),
                Arguments.of("train", "--on-bad-record", "ignore", "fail or skip"),
                Arguments.of("train", "--format", "xml", "csv"),
                Arguments.of("explore", "--top-ngrams", "-1", "of at least 0"),
                Arguments.of("explore", "--max-record-bytes", "0", "of at least 1"),
                Arguments.of("evaluate", "--max-record-bytes", "0", "of at least 1"),
                Arguments.of("predict", "--top-k", "0", "of at least 1"),
                Arguments.of("predict", "--threshold", "1.5", "in [0, 1]"),
                Arguments.of("predict", "--output", "xml", "tsv, jsonl"),
                Arguments.of("predict", "--max-record-bytes", "0", "of at least 1"),
                Arguments.of("serve", "--port", "70000", "in 0..65535"),
                Arguments.of("serve", "--max-batch-size", "0", "of at least 1"),
                Arguments.of("serve", "--max-batch-wait-ms", "-1", "of at least 0"),
                Arguments.of("serve", "--queue-size", "0", "of at least 1"),
                Arguments.of("serve", "--max-body-bytes", "0", "of at least 1"),
                Arguments.of("serve", "--timeout-ms", "0", "of at least 1"),
                Arguments.of("serve", "--threads", "0", "of at least 1"));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("outOfRange")
    void option_outOfRange_usageErrorNamingOptionBeforeReadingAnything(String command, String option, String value,
            String range) {
        // Files that do not exist: the usage error must come before anything is opened.
        String data = dir.resolve("missing-data.csv").toString();
        String model = dir.resolve("missing.textclf").toString();
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(switch (command) {
            case "train", "explore" -> List.of(data);
            case "evaluate" -> List.of(model, data);
            default -> List.of(model);
        });
        args.add(option + "=" + value);

        Run run = Run.of(args.toArray(String[]::new));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        String first = run.err().lines().findFirst().orElse("");
        assertThat(first).startsWith("textclf: ").contains(option).contains(range).doesNotContain("missing");
        assertThat(run.out()).isEmpty();
    }

    /** Options whose every value is allowed: a seed is any long. */
    private static final Set<String> ANY_VALUE = Set.of("--seed");

    @Test
    void everyNumericOption_hasARangeConverter() {
        List<String> unchecked = new ArrayList<>();
        for (Map.Entry<String, CommandLine> command : Main.commandLine().getSubcommands().entrySet()) {
            for (OptionSpec option : command.getValue().getCommandSpec().options()) {
                Class<?> type = option.type();
                boolean numeric = type.isPrimitive() && type != boolean.class || Number.class.isAssignableFrom(type)
                        || type == Ranges.Span.class;
                if (!numeric || ANY_VALUE.contains(option.longestName())) {
                    continue;
                }
                CommandLine.ITypeConverter<?>[] converters = option.converters();
                if (converters.length == 0 || converters[0].getClass().getEnclosingClass() != Ranges.class) {
                    unchecked.add(command.getKey() + " " + option.longestName());
                }
            }
        }
        assertThat(unchecked).isEmpty();
    }

    @Test
    void ngramRange_inRange_parsesBothEnds() {
        assertThat(new Ranges.NgramRange().convert("1, 3")).isEqualTo(new Ranges.Span(1, 3));
    }
}
