package org.textclf.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.textclf.model.ModelSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code textclf info MODEL}: what a model file holds, from the file alone (no training data): the branch, the
 * classes, the vectorizer's, network's and training's settings, the sizes, the provenance and the bytes of each
 * section. {@code --json} prints the same as one object, {@link InfoJson} documents its shape.
 */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Shows what a model file holds: branch, classes, vectorizer, network and training settings,"
                + " features and parameters, provenance (inputs with checksums, metrics, textclf and Java"
                + " versions) and the bytes each section of the file takes.")
public final class InfoCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MODEL", description = "A model file written by textclf train.")
    Path model;

    @Option(names = "--json", description = "Print one JSON object instead of the report.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        DataOptions.requireFile(model, "a model file written by textclf train");
        ModelSummary summary = ModelSummary.read(model);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(InfoJson.toJson(summary));
        } else {
            out.print(InfoReport.format(summary));
        }
        out.flush();
        return 0;
    }
}
