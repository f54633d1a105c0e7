package org.textclf.api;

import java.io.IOException;
import java.nio.file.Path;
import org.textclf.fit.CheckpointFile;
import org.textclf.forged.ForgedLoads;

/**
 * Resumes every checkpoint folder in a folder, printing a verdict each ({@link ForgedLoads}); run by
 * ForgedCheckpointTest.
 */
public final class ForgedCheckpointLoads {
    private ForgedCheckpointLoads() {
    }

    public static void main(String[] args) throws IOException {
        ForgedLoads.printVerdicts(Path.of(args[0]), folder -> folder.resolve(CheckpointFile.FILE_NAME),
                CheckpointFile::resume);
    }
}
