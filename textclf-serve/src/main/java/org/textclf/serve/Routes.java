package org.textclf.serve;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The endpoints: TensorFlow Serving's {@code POST /v1/models/{name}:predict}, {@code GET /v1/models/{name}} and
 * {@code /v1/models/{name}/metadata}; KServe's {@code GET /v2/health/live} and {@code /v2/health/ready}; {@code GET
 * /metrics}. Called on the event loop that read the request ({@link HttpConnection}), with its whole body; a
 * prediction is answered when the batch holding it is done. Every error is {@code {"error": "..."}} with its status;
 * bad input is never a 500. Counts the requests in flight, for a graceful stop.
 */
final class Routes {
    private static final String MODELS = "/v1/models/";
    private static final String PREDICT = ":predict";
    private static final String METADATA = "/metadata";
    private static final String PATHS = "POST /v1/models/{name}:predict, GET /v1/models/{name},"
            + " GET /v1/models/{name}/metadata, GET /v2/health/live, GET /v2/health/ready, GET /metrics";

    private final ModelRegistry registry;
    private final Map<String, LoopBatcher> batchers;
    private final Metrics metrics;
    private final AccessLog accessLog;
    private final ServeOptions options;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean stopping;

    Routes(ModelRegistry registry, Map<String, LoopBatcher> batchers, Metrics metrics, AccessLog accessLog,
            ServeOptions options) {
        this.registry = registry;
        this.batchers = batchers;
        this.metrics = metrics;
        this.accessLog = accessLog;
        this.options = options;
    }

    /** Answers a request whose whole body has arrived. */
    void handle(Exchange x, byte[] body) {
        inFlight.incrementAndGet();
        x.requestBytes = body.length;
        try {
            if (stopping) {
                throw new HttpError(503, "the server is shutting down; retry on another replica");
            }
            route(x, body);
        } catch (HttpError e) {
            x.error(e.status(), e.getMessage());
        }
    }

    /** Answers 413 for a request whose body is over the limit (the rest of it is not read). */
    void tooLarge(Exchange x, String size) {
        inFlight.incrementAndGet();
        String path = x.path;
        if (path.startsWith(MODELS) && path.endsWith(PREDICT)) {
            String name = path.substring(MODELS.length(), path.length() - PREDICT.length());
            if (registry.has(name)) {
                x.model = name;
            }
        }
        x.error(413, "request body of " + size + " is larger than --max-body-bytes " + options.maxBodyBytes()
                + "; send fewer texts per request");
    }

    /** Answers 400 for a request line or headers that HTTP's codec could not read. */
    void handleMalformed(Exchange x, String why) {
        inFlight.incrementAndGet();
        x.error(400, "malformed HTTP request: " + why);
    }

    /** Records an answer written by {@link Exchange#answer}. */
    void answered(Exchange x, int status, int responseBytes, long nanos) {
        metrics.request(x.model, status, nanos);
        if (accessLog != null) {
            accessLog.log(x.remote(), x.method, x.path, status, x.model, x.instances, x.requestBytes, responseBytes,
                    nanos);
        }
        inFlight.decrementAndGet();
    }

    boolean stopping() {
        return stopping;
    }

    /** Answers new requests 503 from now on; waits at most {@code millis} for those in flight. */
    void stop(long millis) throws InterruptedException {
        stopping = true;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    private void route(Exchange x, byte[] body) {
        String path = x.path;
        switch (path) {
            case "/v2/health/live" -> {
                requireGet(x);
                x.json(200, Responses.json(Map.of("live", true)));
            }
            case "/v2/health/ready" -> {
                requireGet(x);
                if (registry.ready()) {
                    x.json(200, Responses.json(Map.of("ready", true)));
                } else {
                    x.json(503, Responses.json(Map.of("ready", false, "error", "models are still loading")));
                }
            }
            case "/metrics" -> {
                requireGet(x);
                try {
                    x.answer(200, metrics.scrape(), metrics.contentType());
                } catch (java.io.IOException e) {
                    x.error(500, "metrics: " + e.getMessage());
                }
            }
            default -> {
                if (!path.startsWith(MODELS)) {
                    throw new HttpError(404, "no endpoint " + path + "; the endpoints are " + PATHS);
                }
                String rest = path.substring(MODELS.length());
                if (rest.endsWith(PREDICT)) {
                    model(x, rest.substring(0, rest.length() - PREDICT.length()));
                    predict(x, body);
                } else if (rest.endsWith(METADATA)) {
                    ServedModel m = model(x, rest.substring(0, rest.length() - METADATA.length()));
                    requireGet(x);
                    x.json(200, Responses.metadata(m));
                } else {
                    ServedModel m = model(x, rest);
                    requireGet(x);
                    x.json(200, Responses.status(m));
                }
            }
        }
    }

    /** The loaded model of that name: 404 when none has it, 503 while it loads. */
    private ServedModel model(Exchange x, String name) {
        if (!registry.has(name)) {
            throw new HttpError(404, "no model named '" + name + "'; serving: " + String.join(", ",
                    registry.names()));
        }
        x.model = name;
        ServedModel m = registry.current(name);
        if (m == null) {
            throw new HttpError(503, "model '" + name + "' is still loading; retry when /v2/health/ready is 200");
        }
        return m;
    }

    private static void requireGet(Exchange x) {
        if (!"GET".equals(x.method) && !"HEAD".equals(x.method)) {
            x.allow = "GET";
            throw new HttpError(405, x.method + " is not allowed on " + x.path + "; use GET");
        }
    }

    private void predict(Exchange x, byte[] body) {
        if (!"POST".equals(x.method)) {
            x.allow = "POST";
            throw new HttpError(405, x.method + " is not allowed on " + x.path
                    + "; use POST with {\"instances\": [...]}");
        }
        List<String> texts = Instances.parse(body);
        x.instances = texts.size();
        batchers.get(x.model).submit(x.loop(), texts, (predictions, e) -> {
            if (e != null) {
                x.fail(e, options.timeoutMillis());
            } else {
                x.json(200, Responses.predictions(predictions));
            }
        });
    }
}
