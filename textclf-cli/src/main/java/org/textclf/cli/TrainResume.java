package org.textclf.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.textclf.fit.CheckpointFile;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;

/**
 * {@code textclf train --resume DIR}: the run's own command line is kept in its checkpoint; a resume parses it
 * again, so the data, how it is read, the options and the outputs are the original run's, and refuses command-line
 * values that differ from them (repeating the same ones is fine).
 */
final class TrainResume {
    /** Options that do not belong to the run: where it came from, how errors print. */
    private static final Set<String> NOT_STORED = Set.of("--resume", "--checkpoint-dir", "--debug",
            "--quiet");
    /**
     * Outputs written once the run ends, which a resume may name whether the run did or not: nothing trained
     * depends on them.
     */
    private static final Set<String> OUTPUTS_AT_THE_END = Set.of("--report");

    private TrainResume() {
    }

    /** The arguments that start the run again: TRAIN and every option given, minus {@link #NOT_STORED}. */
    static List<String> arguments(ParseResult parsed) {
        List<String> args = new ArrayList<>();
        for (PositionalParamSpec p : parsed.matchedPositionals()) {
            args.addAll(p.originalStringValues());
        }
        for (OptionSpec o : parsed.matchedOptions()) {
            if (NOT_STORED.contains(o.longestName())) {
                continue;
            }
            if (o.arity().max() == 0) {
                args.add(o.longestName());
            } else {
                for (String value : o.originalStringValues()) {
                    args.add(o.longestName());
                    args.add(value);
                }
            }
        }
        return args;
    }

    static int resume(TrainCommand given, Path dir) throws Exception {
        CommandLine current = given.spec.commandLine();
        CheckpointFile checkpoints = CheckpointFile.resume(dir);
        TrainCommand original = new TrainCommand();
        CommandLine stored = new CommandLine(original);
        stored.setOut(current.getOut());
        stored.setErr(current.getErr());
        stored.parseArgs(checkpoints.run().arguments().toArray(String[]::new));
        ParseResult parsed = current.getParseResult();
        if (given.checkpointDir != null && !given.checkpointDir.equals(dir)) {
            throw conflict(current, dir, "--checkpoint-dir " + given.checkpointDir, "--checkpoint-dir " + dir);
        }
        if (given.train != null && !given.train.equals(original.train)) {
            throw conflict(current, dir, "TRAIN " + given.train, "TRAIN " + original.train);
        }
        for (OptionSpec o : parsed.matchedOptions()) {
            if (NOT_STORED.contains(o.longestName()) || OUTPUTS_AT_THE_END.contains(o.longestName())) {
                continue;
            }
            Object givenValue = o.getValue(); // Object: getValue() is generic, and String.valueOf(char[]) would bind
            Object storedValue = stored.getCommandSpec().findOption(o.longestName()).getValue();
            if (!Objects.equals(String.valueOf(givenValue), String.valueOf(storedValue))) {
                throw conflict(current, dir, o.longestName() + " " + givenValue, o.longestName() + " "
                        + storedValue);
            }
        }
        original.runOptions.quiet = given.runOptions.stderr() == Stderr.ERRORS;
        if (given.report != null) {
            original.report = given.report;
        }
        original.checkOutputs();
        checkpoints.checkInputs(TrainCommand.trainingInputs(original.dataOptions.resolve(original.train),
                original.validation == null ? null : original.dataOptions.resolve(original.validation)));
        if (original.runOptions.stderr().summaries()) {
            current.getErr().println("resuming " + checkpoints.file() + " after epoch "
                    + checkpoints.checkpoint().epoch());
        }
        return original.run(checkpoints);
    }

    private static CommandLine.ParameterException conflict(CommandLine cli, Path dir, String given, String stored) {
        return new CommandLine.ParameterException(cli, given + " conflicts with the checkpointed run in " + dir
                + "; expected " + stored + " (a resumed run keeps its options) or nothing");
    }
}
