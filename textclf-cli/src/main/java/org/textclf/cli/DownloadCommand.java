package org.textclf.cli;

import java.util.concurrent.Callable;
import org.textclf.cli.download.Corpora;
import org.textclf.cli.download.Corpus;
import org.textclf.cli.download.Downloader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code textclf download NAME}: fetches a corpus into {@code $TEXTCLF_DATA/NAME} in the layout train reads. */
@Command(name = "download", mixinStandardHelpOptions = true,
        description = "Downloads a corpus (see textclf datasets) into $TEXTCLF_DATA/NAME as train.csv.gz, test.csv.gz"
                + " and classes.txt, checking its published SHA-256; an interrupted download resumes.")
public final class DownloadCommand implements Callable<Integer> {
    /** The environment variable naming a mirror, as --url does. */
    static final String URL_ENV = "TEXTCLF_DOWNLOAD_URL";

    @Parameters(index = "0", paramLabel = "NAME", description = "The corpus: ${COMPLETION-CANDIDATES}.",
            completionCandidates = Names.class)
    String name;

    @Option(names = "--url", paramLabel = "BASE",
            description = "Fetch from this mirror, the same paths below it (default: $" + URL_ENV
                    + ", else each corpus' own server).")
    String url;

    @Option(names = "--force", description = "Download again even if $TEXTCLF_DATA/NAME exists, then replace it.")
    boolean force;

    @Mixin
    DataFolder dataFolder;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Corpus corpus = Corpora.STANDARD.find(name).orElseThrow(() -> new CommandLine.ParameterException(
                spec.commandLine(), "no corpus named '" + name + "' to download; expected one of "
                        + String.join(", ", Corpora.STANDARD.names())));
        String base = url != null ? url : System.getenv(URL_ENV);
        Downloader downloader = new Downloader(dataFolder.required(spec),
                base == null || base.isBlank() ? null : base, spec.commandLine().getErr());
        var err = spec.commandLine().getErr();
        err.println("textclf: " + downloader.download(corpus, force));
        err.flush();
        return 0;
    }

    /** The corpus names, for --help and shell completion. */
    static final class Names implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Corpora.STANDARD.names().iterator();
        }
    }
}
