package org.textclf.cli;

import java.nio.file.Path;
import org.textclf.config.RunEnvironment;
import picocli.CommandLine.Option;

/** Where and how a training run happens: verbosity, threads, the cache directory. */
final class RunOptions {

    @Option(names = "--threads", defaultValue = "" + RunEnvironment.BRANCH_THREADS,
            description = "Threads sharing each training step (the n-gram models' results do not depend on it, the"
                    + " sepcnn's only to float rounding). 0: the branch's measured best, 2 for the sepcnn, 1 for the"
                    + " others (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--verbose", paramLabel = "0|1|2", defaultValue = "" + RunEnvironment.DEFAULT_VERBOSE,
            description = "0 silent, 1 progress bars, 2 one line per epoch (default: ${DEFAULT-VALUE}).")
    int verbose;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "Keep the fitted vectorizer and the vectorized examples in DIR, and reuse them when TRAIN,"
                    + " --val and the options that decide them are unchanged (files compared by size and CRC32C);"
                    + " default: temp files deleted after training.")
    Path cacheDir;

    RunEnvironment environment() {
        return RunEnvironment.DEFAULTS.withVerbose(verbose).withThreads(threads).withCacheDir(cacheDir);
    }
}
