package org.textclf.cli;

import java.io.PrintWriter;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;

/**
 * Reports a command's failure as one line, {@code textclf: <message>}, and exits {@value Main#EXIT_FAILURE}; the
 * stack trace only with {@code --debug}. Messages of our exceptions already name the file, line and fix.
 */
final class OneLineErrors implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        err.println("textclf: " + message(e));
        if (debugRequested(parseResult)) {
            e.printStackTrace(err);
        }
        err.flush();
        return Main.EXIT_FAILURE;
    }

    static String message(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            // An unexpected exception without text (NullPointerException...): its type is all we can say.
            return e.getClass().getName() + (e.getCause() != null ? ": " + message(e.getCause()) : "");
        }
        return message;
    }

    /** --debug is inherited by subcommands, so it may have been given at any level. */
    static boolean debugRequested(ParseResult parseResult) {
        for (ParseResult level = parseResult; level != null; level = level.subcommand()) {
            if (level.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }
}
