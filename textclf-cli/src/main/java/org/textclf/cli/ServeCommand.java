package org.textclf.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.textclf.serve.ModelLoader;
import org.textclf.serve.ModelSource;
import org.textclf.serve.PredictionServer;
import org.textclf.serve.ServeOptions;
import org.textclf.serve.Signals;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code textclf serve MODEL...}: TensorFlow Serving's REST predict API for textclf model files, until SIGTERM or
 * SIGINT (then it finishes the requests in flight and exits 0). SIGHUP or a changed file reloads a model.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serves models over HTTP: POST /v1/models/NAME:predict with {\"instances\": [\"text\", ...]},"
                + " GET /v1/models/NAME, /v1/models/NAME/metadata, /v2/health/live, /v2/health/ready, /metrics.",
                "Prints 'textclf: serving NAME, ... on http://HOST:PORT' on stderr when ready. SIGHUP or a changed"
                        + " model file reloads it (a file that fails to load keeps the old model); SIGTERM or"
                        + " SIGINT finishes the requests in flight and exits."})
public final class ServeCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "MODEL",
            description = "A model file written by textclf train, served as its base name without .textclf"
                    + " (imdb.textclf is imdb), or NAME=FILE.")
    List<String> models;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = ServeOptions.DEFAULT_HOST,
            description = "The address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
    String host;

    @Option(names = "--port", paramLabel = "PORT", converter = Ranges.Port.class, defaultValue = "" + ServeOptions.DEFAULT_PORT,
            description = "The port (default: ${DEFAULT-VALUE}, TensorFlow Serving's; 0 picks a free one).")
    int port;

    @Option(names = "--max-batch-size", paramLabel = "N", converter = Ranges.AtLeastOne.class,
            defaultValue = "" + ServeOptions.DEFAULT_MAX_BATCH_SIZE,
            description = "The most texts one prediction call gets from concurrent requests; a request's texts"
                    + " are never split (default: ${DEFAULT-VALUE}).")
    int maxBatchSize;

    @Option(names = "--max-batch-wait-ms", paramLabel = "MS", converter = Ranges.AtLeastZero.class,
            defaultValue = "" + ServeOptions.DEFAULT_MAX_BATCH_WAIT_MILLIS,
            description = "How long a partial batch is held for more requests; 0 predicts what one pass over the"
                    + " connections read, at once (default: ${DEFAULT-VALUE}).")
    int maxBatchWaitMillis;

    @Option(names = "--queue-size", paramLabel = "N", converter = Ranges.AtLeastOne.class, defaultValue = "" + ServeOptions.DEFAULT_QUEUE_SIZE,
            description = "Requests waiting per model and thread beyond which new ones get 503 (default:"
                    + " ${DEFAULT-VALUE}).")
    int queueSize;

    @Option(names = "--max-body-bytes", paramLabel = "BYTES", converter = Ranges.AtLeastOne.class,
            defaultValue = "" + ServeOptions.DEFAULT_MAX_BODY_BYTES,
            description = "The largest request body; larger ones get 413 (default: ${DEFAULT-VALUE}).")
    int maxBodyBytes;

    @Option(names = "--timeout-ms", paramLabel = "MS", converter = Ranges.AtLeastOne.class, defaultValue = "" + ServeOptions.DEFAULT_TIMEOUT_MILLIS,
            description = "The longest a prediction request waits for its answer, then 504 (default:"
                    + " ${DEFAULT-VALUE}).")
    int timeoutMillis;

    @Option(names = "--access-log", paramLabel = "FILE",
            description = "Append one JSON line per request to FILE ('-': standard output).")
    String accessLog;

    @Option(names = "--threads", paramLabel = "N", converter = Ranges.AtLeastOne.class, description = "Threads that read, predict and write"
            + " (default: the number of cores).")
    Integer threads;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ServeOptions options;
        List<ModelSource> sources = new ArrayList<>();
        try {
            options = new ServeOptions(host, port, maxBatchSize, maxBatchWaitMillis, queueSize, maxBodyBytes,
                    timeoutMillis, accessLog, threads == null ? ServeOptions.defaultThreads() : threads,
                    ServeOptions.DEFAULT_POLL_MILLIS);
            for (String m : models) {
                sources.add(ModelSource.parse(m));
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        for (ModelSource s : sources) {
            DataOptions.requireFile(s.path(), "a model file written by textclf train");
        }
        PrintStream log = System.err;
        PredictionServer server = PredictionServer.start(sources, options, ModelLoader.FILES, log);
        Runnable stop = () -> {
            log.println("textclf: stopping: finishing the requests in flight");
            server.close();
        };
        if (!Signals.install(server::reload, () -> new Thread(stop, "textclf-serve-stop").start())) {
            Runtime.getRuntime().addShutdownHook(new Thread(stop, "textclf-serve-stop"));
        }
        spec.commandLine().getErr().println(server.readyLine());
        spec.commandLine().getErr().flush();
        server.awaitStop();
        return 0;
    }

}
