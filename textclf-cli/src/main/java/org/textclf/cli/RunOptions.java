package org.textclf.cli;

import java.nio.file.Path;
import org.textclf.config.RunEnvironment;
import picocli.CommandLine.Option;

/** Where and how a training run happens: verbosity, threads, the cache and temp folders. */
final class RunOptions {

    // No defaultValue: the field's sentinel lets the branch choose, and the help says what it chooses.
    @Option(names = "--threads", paramLabel = "N", converter = Ranges.AtLeastOne.class,
            description = "Threads sharing each training step (the n-gram models' results do not depend on it, the"
                    + " sepcnn's only to float rounding) (default: chosen by the branch, its measured best: 2 for the"
                    + " sepcnn, 1 for the others).")
    int threads = RunEnvironment.BRANCH_THREADS;

    @Option(names = "--verbose", paramLabel = "0|1|2", converter = Ranges.Verbose.class, defaultValue = "" + RunEnvironment.DEFAULT_VERBOSE,
            description = "0 silent, 1 progress bars, 2 one line per epoch (default: ${DEFAULT-VALUE}).")
    int verbose;

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
        return RunEnvironment.DEFAULTS.withVerbose(verbose).withThreads(threads).withCacheDir(cacheDir)
                .withTempDir(tempDir);
    }

    /** Checks the folders a run writes in, before it starts. */
    void checkFolders() throws java.io.IOException {
        if (cacheDir != null) {
            OutputPaths.checkFolder(cacheDir, "--cache-dir");
        }
        OutputPaths.checkTempFolder(tempDir);
    }
}
