package org.textclf.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.textclf.config.RunEnvironment;
import org.textclf.progress.ProgressListener;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Where and how a training run happens: verbosity, threads, the cache and temp folders. */
final class RunOptions {

    // No defaultValue: the field's sentinel lets the branch choose, and the help says what it chooses.
    @Option(names = "--threads", paramLabel = "N", converter = Ranges.AtLeastOne.class,
            description = "Threads sharing each training step (the n-gram models' results do not depend on it, the"
                    + " sepcnn's only to float rounding) (default: chosen by the branch, its measured best: 2 for the"
                    + " sepcnn, 1 for the others).")
    int threads = RunEnvironment.BRANCH_THREADS;

    @Option(names = "--verbose", paramLabel = "0|1|2", converter = Ranges.Verbose.class,
            defaultValue = "" + RunEnvironment.DEFAULT_VERBOSE,
            description = "Keras' verbose: 0 silent (only warnings, notices and skipped records), 1 a progress bar per pass"
                    + " and epoch, each epoch's bar replaced by its line, 2 one line per pass and epoch (default:"
                    + " ${DEFAULT-VALUE}). --quiet implies 0.")
    int verbose;

    /** --quiet given to the command that resumes this run, whose own command line is parsed without it. */
    boolean quiet;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "Keep the fitted vectorizer and the vectorized examples in DIR, and reuse them when TRAIN,"
                    + " --val and the options that decide them are unchanged (files compared by size and CRC32C);"
                    + " default: temp files deleted after training.")
    Path cacheDir;

    @Option(names = "--temp-dir", paramLabel = "DIR",
            description = "Where the example caches, shuffle buckets and other temp files go (default: the JVM's"
                    + " java.io.tmpdir, /tmp on Linux; JAVA_OPTS=-Djava.io.tmpdir=DIR sets it too). Files of killed"
                    + " runs are deleted by the next run.")
    Path tempDir;

    RunEnvironment environment() {
        return RunEnvironment.DEFAULTS.withVerbose(stderr() == Stderr.ERRORS ? 0 : verbose).withThreads(threads).withCacheDir(cacheDir)
                .withTempDir(tempDir);
    }

    /** What goes to standard error. */
    Stderr stderr() {
        return quiet ? Stderr.ERRORS : Stderr.of(mixee, verbose);
    }

    /** Where the run's progress goes: bars and lines on {@code err}, as much as {@link #stderr} allows. */
    ProgressListener progress(PrintWriter err) {
        return new ProgressBars(err, stderr());
    }

    /** Checks the folders a run writes in, before it starts. */
    void checkFolders() throws java.io.IOException {
        if (cacheDir != null) {
            OutputPaths.checkFolder(cacheDir, "--cache-dir");
        }
        OutputPaths.checkTempFolder(tempDir);
    }
}
