package org.textclf.model;

import java.io.IOException;
import java.nio.file.Path;
import org.textclf.forged.ForgedLoads;

/** Loads every model file in a folder, printing a verdict each ({@link ForgedLoads}); run by ForgedModelFilesTest. */
public final class ForgedModelLoads {
    private ForgedModelLoads() {
    }

    public static void main(String[] args) throws IOException {
        ForgedLoads.printVerdicts(Path.of(args[0]), file -> file, ModelCodec::read);
    }
}
