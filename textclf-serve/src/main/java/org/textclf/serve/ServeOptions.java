package org.textclf.serve;

import java.nio.file.Path;

/**
 * How the server runs; each default is declared once, here, and shown by {@code textclf serve --help}.
 *
 * @param host the address to listen on
 * @param port the port, 0 for any free one
 * @param maxBatchSize the most texts one {@code predict} call gets (a request with more is served alone, whole)
 * @param maxBatchWaitMillis how long an event loop holds a partial batch for more requests; 0: it predicts what one
 *     pass over its connections read, at once
 * @param queueSize requests waiting per model and event loop (and for the workers of the large requests) beyond
 *     which a new one is answered 503
 * @param maxBodyBytes the largest request body; a larger one is answered 413
 * @param timeoutMillis the longest a prediction request waits for its answer; then 504
 * @param accessLog where to write one JSON line per request: a file, {@code -} for standard output, or null for none
 * @param threads event loops, which read, predict and write (and workers per model for the requests of more texts
 *     than a batch)
 * @param pollMillis how often the model files are checked for a change (0: only on SIGHUP)
 */
public record ServeOptions(String host, int port, int maxBatchSize, int maxBatchWaitMillis, int queueSize,
        int maxBodyBytes, int timeoutMillis, String accessLog, int threads, int pollMillis) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** TensorFlow Serving's REST port, so clients configured for it need no change. */
    public static final int DEFAULT_PORT = 8501;
    public static final int DEFAULT_MAX_BATCH_SIZE = 64;
    /**
     * 0: the requests that arrive while a loop predicts make up its next batch anyway, and holding a lone request
     * only delays it (`bench/serve --quick ag_news` at concurrency 8: 3.0-3.1k requests/s with 2, 28-32k with 0).
     */
    public static final int DEFAULT_MAX_BATCH_WAIT_MILLIS = 0;
    public static final int DEFAULT_QUEUE_SIZE = 256;
    /** 4 MiB: 64 IMDB reviews (the longest is 14 KB) fit many times over; a 10 MB body does not. */
    public static final int DEFAULT_MAX_BODY_BYTES = 4 << 20;
    public static final int DEFAULT_TIMEOUT_MILLIS = 10_000;
    public static final int DEFAULT_POLL_MILLIS = 1_000;

    public static final ServeOptions DEFAULTS = new ServeOptions(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_MAX_BATCH_SIZE,
            DEFAULT_MAX_BATCH_WAIT_MILLIS, DEFAULT_QUEUE_SIZE, DEFAULT_MAX_BODY_BYTES, DEFAULT_TIMEOUT_MILLIS, null,
            defaultThreads(), DEFAULT_POLL_MILLIS);

    public ServeOptions {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("--host must name an address, e.g. 127.0.0.1, found '" + host + "'");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("--port must be 0..65535, found " + port);
        }
        atLeast("--max-batch-size", maxBatchSize, 1);
        atLeast("--max-batch-wait-ms", maxBatchWaitMillis, 0);
        atLeast("--queue-size", queueSize, 1);
        atLeast("--max-body-bytes", maxBodyBytes, 1);
        atLeast("--timeout-ms", timeoutMillis, 1);
        atLeast("--threads", threads, 1);
        atLeast("poll interval", pollMillis, 0);
    }

    /** One worker per core: a prediction is CPU-bound, so more would only take turns. */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** The access log's path, or null when it goes to standard output or nowhere. */
    Path accessLogFile() {
        return accessLog == null || accessLog.equals("-") ? null : Path.of(accessLog);
    }

    private static void atLeast(String option, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(option + " must be at least " + min + ", found " + value);
        }
    }
}
