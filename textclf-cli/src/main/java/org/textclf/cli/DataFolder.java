package org.textclf.cli;

import java.nio.file.Path;
import org.textclf.data.Datasets;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** The {@code --data-dir} of {@code datasets} and {@code download}: the folder of named datasets. */
final class DataFolder {
    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "The folder of named datasets (default: $" + Datasets.ENV + ").")
    Path dataDir;

    /** The folder given or {@code $TEXTCLF_DATA}; null when neither is. */
    Path orNull() {
        if (dataDir != null) {
            return dataDir;
        }
        String env = System.getenv(Datasets.ENV);
        return env == null || env.isBlank() ? null : Path.of(env);
    }

    /** The folder, or a usage error saying how to give one. */
    Path required(CommandSpec spec) {
        Path dir = orNull();
        if (dir == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no folder to download into: " + Datasets.ENV
                    + " is not set; set it (export " + Datasets.ENV + "=~/textclf-data) or give --data-dir DIR");
        }
        return dir;
    }
}
