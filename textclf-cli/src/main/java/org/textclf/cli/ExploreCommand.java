package org.textclf.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.textclf.explore.CorpusExplorer;
import org.textclf.data.SampleSource;
import org.textclf.explore.CorpusStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code textclf explore DATA}: the guide's key metrics of a corpus and the model it recommends, in one pass. */
@Command(name = "explore", mixinStandardHelpOptions = true,
        description = {"Counts samples, classes, words per sample and the most frequent n-grams in one pass, and"
                + " recommends a model by the guide's samples/words-per-sample ratio (S/W < 1,500: mlp, else"
                + " sepcnn)."})
public final class ExploreCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DATA",
            description = "A corpus file or folder, or a dataset name in $TEXTCLF_DATA (imdb, sst2, ag_news,"
                    + " imdb:test).")
    String data;

    @Option(names = "--json", description = "Print one JSON object instead of the report.")
    boolean json;

    @Option(names = "--plots", paramLabel = "DIR",
            description = "Also write class_distribution.png, sample_length_distribution.png and"
                    + " ngram_frequency.png into DIR (created if missing).")
    Path plots;

    @Option(names = "--top-ngrams", paramLabel = "N", converter = Ranges.AtLeastZero.class, defaultValue = "" + CorpusExplorer.DEFAULT_TOP_NGRAMS,
            description = "How many of the most frequent uni- and bigrams to list (default: ${DEFAULT-VALUE}).")
    int topNgrams;

    @Mixin
    DataOptions dataOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (plots != null) {
            OutputPaths.checkFolder(plots, "--plots");
        }
        SampleSource source = dataOptions.openOnce(data);
        CorpusStats stats = CorpusExplorer.builder().topNgrams(topNgrams).build().explore(source);
        if (source.file().isPresent()) {
            stats = stats.withLabels(stats.labels().withNamesBeside(source.file().get()));
        }
        String name = source.name();
        if (plots != null) {
            ExplorePlots.write(stats, plots);
        }
        if (json) {
            spec.commandLine().getOut().println(ExploreJson.toJson(name, stats));
        } else {
            spec.commandLine().getOut().print(ExploreReport.format(name, stats));
        }
        spec.commandLine().getOut().flush();
        if (plots != null && Stderr.of(spec).summaries()) {
            spec.commandLine().getErr().println("wrote " + String.join(", ", ExplorePlots.FILES) + " in "
                    + plots);
        }
        dataOptions.printReads(spec.commandLine().getErr(), Stderr.of(spec));
        return 0;
    }
}
