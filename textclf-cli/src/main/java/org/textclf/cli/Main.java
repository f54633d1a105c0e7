package org.textclf.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine;

/** The {@code textclf} command: explore, train, evaluate, predict with and serve text classifiers. */
@Command(name = "textclf", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Train, evaluate and serve text classifiers on corpora larger than memory.")
public final class Main {
    /**
     * The subcommands, in the order the help lists them. Added by {@link #commandLine(String[])} rather than named
     * in the annotation, so that a run builds only the one it runs.
     */
    private static final List<Class<?>> SUBCOMMANDS = List.of(ExploreCommand.class, TrainCommand.class,
            EvaluateCommand.class, PredictCommand.class, ServeCommand.class, TuneCommand.class, InfoCommand.class,
            DatasetsCommand.class, DownloadCommand.class, CompletionCommand.class, CommandLine.HelpCommand.class);
    /** Those that look at the whole tree: help lists it, completion writes a script for it. */
    private static final Set<Class<?>> WHOLE_TREE = Set.of(CompletionCommand.class, CommandLine.HelpCommand.class);

    /** Exit code of a run that failed (bad data, missing file); picocli's usage errors exit 2, success 0. */
    public static final int EXIT_FAILURE = 1;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Print stack traces of errors instead of one line.")
    boolean debug;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT, description = Stderr.QUIET_HELP)
    boolean quiet;

    /** The version from the one place it is declared, the one written into model files. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"textclf " + org.textclf.model.ModelInfo.VERSION};
        }
    }

    public static void main(String[] args) {
        // Plots are drawn off-screen; without this AWT would look for a display.
        System.setProperty("java.awt.headless", "true");
        // A thread whose failure nobody waits for: an OutOfMemoryError there ends the run with the one line, not a
        // stack trace and not a run that hangs waiting for it.
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            if (e instanceof OutOfMemoryError oom) {
                System.err.println(OutOfMemory.line(oom, List.of(args)));
                System.err.flush();
                Runtime.getRuntime().halt(EXIT_FAILURE);
            }
            System.err.print("Exception in thread \"" + thread.getName() + "\" ");
            e.printStackTrace();
        });
        System.exit(commandLine(args).execute(args));
    }

    /** The configured command line with every subcommand: error handlers and parsing rules. */
    public static CommandLine commandLine() {
        return commandLine(new String[0]);
    }

    /**
     * The configured command line to run {@code args}: when they start with a subcommand's name, with that subcommand
     * alone (unless it looks at the whole tree), else with all. Why: picocli builds a command's model by reflection
     * over its options and mixins, and all eleven took 0.35 s CPU of every {@code train} run's start on one thread
     * (0.8 s wall on a loaded machine; async-profiler, {@code Main.commandLine}).
     */
    static CommandLine commandLine(String[] args) {
        CommandLine cli = new CommandLine(new Main());
        Class<?> named = null;
        for (Class<?> command : SUBCOMMANDS) {
            if (args.length > 0 && args[0].equals(command.getAnnotation(Command.class).name())
                    && !WHOLE_TREE.contains(command)) {
                named = command;
            }
        }
        for (Class<?> command : SUBCOMMANDS) {
            if (named == null || command == named) {
                cli.addSubcommand(command);
            }
        }
        // After the subcommands: each setter applies to the commands added so far.
        cli.setExecutionStrategy(Main::executeGuarded);
        cli.setExecutionExceptionHandler(new OneLineErrors());
        cli.setParameterExceptionHandler(Main::usageError);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setUsageHelpAutoWidth(true);
        // The search spaces, printed from where they are declared (an annotation takes constants only).
        CommandLine tune = cli.getSubcommands().get("tune");
        if (tune != null) {
            tune.getCommandSpec().usageMessage().footerHeading("%nSearch spaces:%n")
                    .footer(TuneCommand.spaces().replace("%", "%%").split("\\R"));
        }
        return cli;
    }

    /** Runs with the given output streams, as {@link #main} would; for tests and embedding. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = commandLine(args);
        cli.setOut(out);
        cli.setErr(err);
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /**
     * Runs the command; an OutOfMemoryError (an Error, which the execution exception handler never gets) becomes
     * {@link OutOfMemory}'s one line and exit {@value #EXIT_FAILURE}. By then the stack has unwound, so what the
     * command held is garbage.
     */
    private static int executeGuarded(CommandLine.ParseResult parseResult) {
        try {
            return new CommandLine.RunLast().execute(parseResult);
        } catch (OutOfMemoryError e) {
            PrintWriter err = parseResult.commandSpec().commandLine().getErr();
            err.println(OutOfMemory.line(e, parseResult.originalArgs()));
            if (OneLineErrors.debugRequested(parseResult)) {
                e.printStackTrace(err);
            }
            err.flush();
            return EXIT_FAILURE;
        }
    }

    /** A usage error: one line saying what is wrong, one pointing at the help; exit 2. */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("textclf: " + e.getMessage());
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }
}
