package org.textclf.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.textclf.api.TextClassifier;
import org.textclf.data.SampleSource;
import org.textclf.eval.Evaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code textclf evaluate MODEL DATA}: accuracy, loss, per-class scores and the confusion matrix. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Evaluates a model on labelled data: accuracy, loss, per-class precision, recall and F1, and"
                + " the confusion matrix.")
public final class EvaluateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MODEL", description = "A model file written by textclf train.")
    Path model;

    @Parameters(index = "1", paramLabel = "DATA",
            description = "Labelled data: a file or folder, or a dataset name in $TEXTCLF_DATA (imdb:test).")
    String data;

    @Option(names = "--json", description = "Print one JSON object instead of the report.")
    boolean json;

    @Option(names = "--report", paramLabel = "DIR",
            description = "Also write the confusion matrix and per-class scores as PNGs into DIR (created if"
                    + " missing), and index.html: one page with them, the metrics and the model's provenance.")
    Path report;

    @Mixin
    DataOptions dataOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (report != null) {
            OutputPaths.checkFolder(report, "--report");
        }
        DataOptions.requireFile(model, "a model file written by textclf train");
        TextClassifier classifier = TextClassifier.load(model);
        SampleSource source = dataOptions.openOnce(data);
        Evaluation evaluation = classifier.evaluate(source);
        var out = spec.commandLine().getOut();
        if (json) {
            out.println(evaluation.toJson(classifier.labels().names()));
        } else {
            out.println("evaluation of " + model + " on " + source.name() + ":");
            out.print(evaluation.report(classifier.labels().names()));
        }
        out.flush();
        if (report != null) {
            Path page = TrainingReport.ofEvaluation(model, classifier, evaluation, source.name()).write(report);
            if (Stderr.of(spec).summaries()) {
                spec.commandLine().getErr().println("wrote the report " + page);
            }
        }
        dataOptions.printReads(spec.commandLine().getErr(), Stderr.of(spec));
        return 0;
    }
}
