package org.textclf.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * What a run writes to standard error besides its errors, from {@code --quiet} and {@code --verbose}. Standard output
 * (predictions, reports, JSON) is never affected: it is the result.
 */
enum Stderr {
    /** Progress, summaries ({@code read N records}), notices and warnings. */
    ALL,
    /**
     * {@code --verbose 0}, Keras' silent: no progress and no summaries, but warnings, notices of what was not read
     * and the report of skipped records.
     */
    WARNINGS,
    /**
     * {@code --quiet}: nothing on a clean run. Errors still print, and so does the report of skipped records
     * ({@code --on-bad-record skip}), since those records are missing from the result; warnings (a run that worked
     * around something, its result unaffected) and notices go.
     */
    ERRORS;

    /** The help text of {@code --quiet}, beside the option in {@link Main}. */
    static final String QUIET_HELP = "Print nothing on standard error but errors and, with --on-bad-record skip, the"
            + " report of skipped records: no progress, summaries, notices or warnings. Results on standard output"
            + " are unchanged.";

    /** {@code --quiet} or else {@code ALL} for a command without {@code --verbose}. */
    static Stderr of(CommandSpec spec) {
        return quietRequested(spec) ? ERRORS : ALL;
    }

    /** {@code --quiet}, {@code --verbose 0} or else {@code ALL}. */
    static Stderr of(CommandSpec spec, int verbose) {
        return quietRequested(spec) ? ERRORS : verbose == 0 ? WARNINGS : ALL;
    }

    /** --quiet is inherited by subcommands, so it may have been given at any level. */
    private static boolean quietRequested(CommandSpec spec) {
        for (ParseResult level = spec.root().commandLine().getParseResult(); level != null;
                level = level.subcommand()) {
            if (level.hasMatchedOption("--quiet")) {
                return true;
            }
        }
        return false;
    }

    /** Whether progress and summary lines print. */
    boolean summaries() {
        return this == ALL;
    }

    /** Whether warnings and notices print. */
    boolean warnings() {
        return this != ERRORS;
    }
}
