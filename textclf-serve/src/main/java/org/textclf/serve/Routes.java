package org.textclf.serve;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.textclf.api.Prediction;

/**
 * The endpoints: TensorFlow Serving's {@code POST /v1/models/{name}:predict}, {@code GET /v1/models/{name}} and
 * {@code /v1/models/{name}/metadata}; KServe's {@code GET /v2/health/live} and {@code /v2/health/ready}; {@code GET
 * /metrics}. Nothing here blocks a Jetty thread: the body is read asynchronously and the answer is written when
 * the batch holding the request is done. Every error is {@code {"error": "..."}} with its status; bad input is
 * never a 500.
 */
final class Routes extends Handler.Abstract.NonBlocking {
    private static final String MODELS = "/v1/models/";
    private static final String PREDICT = ":predict";
    private static final String METADATA = "/metadata";
    private static final String JSON = "application/json";
    private static final String PATHS = "POST /v1/models/{name}:predict, GET /v1/models/{name},"
            + " GET /v1/models/{name}/metadata, GET /v2/health/live, GET /v2/health/ready, GET /metrics";

    private final ModelRegistry registry;
    private final Map<String, MicroBatcher> batchers;
    private final Metrics metrics;
    private final AccessLog accessLog;
    private final ServeOptions options;

    Routes(ModelRegistry registry, Map<String, MicroBatcher> batchers, Metrics metrics, AccessLog accessLog,
            ServeOptions options) {
        this.registry = registry;
        this.batchers = batchers;
        this.metrics = metrics;
        this.accessLog = accessLog;
        this.options = options;
    }

    /** What one exchange is about, for the answer's metrics and log line. */
    private final class Exchange {
        final Request request;
        final Response response;
        final Callback callback;
        final long start = System.nanoTime();
        final String path;
        String model = Metrics.NO_MODEL;
        int instances;
        long requestBytes;

        Exchange(Request request, Response response, Callback callback) {
            this.request = request;
            this.response = response;
            this.callback = callback;
            this.path = request.getHttpURI().getDecodedPath();
        }

        void answer(int status, byte[] body, String contentType) {
            response.setStatus(status);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
            response.write(true, ByteBuffer.wrap(body), callback);
            long nanos = System.nanoTime() - start;
            metrics.request(model, status, nanos);
            if (accessLog != null) {
                accessLog.log(Request.getRemoteAddr(request), request.getMethod(), path, status, model, instances,
                        requestBytes, body.length, nanos);
            }
        }

        void json(int status, byte[] body) {
            answer(status, body, JSON);
        }

        void error(int status, String message) {
            json(status, Responses.error(message));
        }

        void fail(Throwable e) {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof HttpError h) {
                error(h.status(), h.getMessage());
            } else if (cause instanceof TimeoutException) {
                error(504, "no answer within " + options.timeoutMillis() + " ms (--timeout-ms); the server is"
                        + " overloaded or the texts are very long");
            } else {
                error(500, "prediction failed: " + cause);
            }
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Exchange x = new Exchange(request, response, callback);
        try {
            route(x);
        } catch (HttpError e) {
            x.error(e.status(), e.getMessage());
        }
        return true;
    }

    private void route(Exchange x) throws HttpError {
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
                    predict(x, model(x, rest.substring(0, rest.length() - PREDICT.length())));
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
        if (!"GET".equals(x.request.getMethod()) && !"HEAD".equals(x.request.getMethod())) {
            x.response.getHeaders().put(HttpHeader.ALLOW, "GET");
            throw new HttpError(405, x.request.getMethod() + " is not allowed on " + x.path + "; use GET");
        }
    }

    private void predict(Exchange x, ServedModel model) {
        if (!"POST".equals(x.request.getMethod())) {
            x.response.getHeaders().put(HttpHeader.ALLOW, "POST");
            throw new HttpError(405, x.request.getMethod() + " is not allowed on " + x.path
                    + "; use POST with {\"instances\": [...]}");
        }
        long length = x.request.getLength();
        if (length > options.maxBodyBytes()) {
            throw tooLarge(length + " bytes");
        }
        MicroBatcher batcher = batchers.get(x.model);
        Content.Source.asByteArrayAsync(x.request, options.maxBodyBytes()).whenComplete((body, failure) -> {
            if (failure != null) {
                x.fail(length < 0 ? tooLarge("more than " + options.maxBodyBytes() + " bytes") : failure);
                return;
            }
            try {
                x.requestBytes = body.length;
                List<String> texts = Instances.parse(body);
                x.instances = texts.size();
                batcher.submit(texts).whenComplete((List<Prediction> predictions, Throwable e) -> {
                    if (e != null) {
                        x.fail(e);
                    } else {
                        x.json(200, Responses.predictions(predictions));
                    }
                });
            } catch (HttpError e) {
                x.error(e.status(), e.getMessage());
            }
        });
    }

    private HttpError tooLarge(String size) {
        return new HttpError(413, "request body of " + size + " is larger than --max-body-bytes "
                + options.maxBodyBytes() + "; send fewer texts per request");
    }
}
