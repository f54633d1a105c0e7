package org.textclf.serve;

import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * {@code textclf serve}: the models, their micro-batchers and the HTTP server around them. {@link #start} returns
 * once every model is loaded and the port is open; {@link #close} stops accepting, lets in-flight requests finish
 * (at most {@value #STOP_MILLIS} ms) and stops.
 */
public final class PredictionServer implements AutoCloseable {
    /** How long a graceful stop waits for in-flight requests. */
    static final long STOP_MILLIS = 10_000;

    private final Server server;
    private final ServerConnector connector;
    private final ModelRegistry registry;
    private final Map<String, MicroBatcher> batchers;
    private final AccessLog accessLog;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private PredictionServer(Server server, ServerConnector connector, ModelRegistry registry,
            Map<String, MicroBatcher> batchers, AccessLog accessLog) {
        this.server = server;
        this.connector = connector;
        this.registry = registry;
        this.batchers = batchers;
        this.accessLog = accessLog;
    }

    /**
     * Opens the port (so liveness answers while the models load), loads every model and starts watching their
     * files. {@code log} gets the reload lines.
     *
     * @throws IOException naming the file that failed to load, or the address that could not be bound
     */
    public static PredictionServer start(List<ModelSource> models, ServeOptions options, ModelLoader loader,
            PrintStream log) throws IOException {
        if (models.isEmpty()) {
            throw new IllegalArgumentException("no model to serve; give at least one MODEL file (or name=file)");
        }
        Metrics metrics = new Metrics();
        ModelRegistry registry = new ModelRegistry(models, loader, log, metrics);
        Map<String, MicroBatcher> batchers = new LinkedHashMap<>();
        for (ModelSource m : models) {
            batchers.put(m.name(), new MicroBatcher(m.name(), () -> registry.current(m.name()), metrics, options));
        }
        AccessLog accessLog = AccessLog.open(options);
        // Jetty's threads only read, parse and write (predictions run on the batchers' workers): a few suffice.
        QueuedThreadPool threads = new QueuedThreadPool(Math.max(8, 4 * options.threads()), 2);
        threads.setName("textclf-serve-http");
        threads.setDaemon(true);
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(options.host());
        connector.setPort(options.port());
        server.addConnector(connector);
        // Fixed handlers, so that Jetty sees that nothing in them blocks (a dynamic container counts as blocking):
        // it then handles a request on the thread that read it, where it would hand each one to another thread.
        GracefulHandler graceful = new GracefulHandler(new Routes(registry, batchers, metrics, accessLog, options));
        graceful.setDynamic(false);
        server.setDynamic(false);
        server.setHandler(graceful);
        server.setStopTimeout(STOP_MILLIS);
        server.setStopAtShutdown(false);
        PredictionServer ps = new PredictionServer(server, connector, registry, batchers, accessLog);
        try {
            server.start();
        } catch (Exception e) {
            ps.close();
            if (e instanceof IOException && e.getCause() instanceof BindException || e instanceof BindException) {
                throw new IOException("cannot listen on " + options.host() + ":" + options.port() + ": "
                        + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage())
                        + "; choose another --port (0 picks a free one)", e);
            }
            throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        }
        try {
            registry.loadAll();
        } catch (IOException | RuntimeException e) {
            ps.close();
            throw e;
        }
        registry.watch(options.pollMillis());
        return ps;
    }

    /** The port listened on (the one picked when the options said 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** {@code textclf: serving imdb, ag_news on http://127.0.0.1:8501}: what tests and scripts wait for. */
    public String readyLine() {
        String host = connector.getHost();
        return "textclf: serving " + String.join(", ", registry.names()) + " on http://"
                + (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
    }

    /** Reloads every model from its file now (SIGHUP); a file that fails keeps its old model. */
    public void reload() {
        registry.reload(true);
    }

    /** Blocks until {@link #close} has finished. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /** Stops accepting, finishes in-flight requests (bounded), then stops the workers. Idempotent. */
    @Override
    public synchronized void close() {
        if (stopped.getCount() == 0) {
            return;
        }
        try {
            registry.close();
            try {
                server.stop(); // closes the connector, then waits for GracefulHandler's in-flight requests
            } catch (Exception e) {
                // Only the stop timeout or a handler's failure: what remains in flight is abandoned either way.
            }
            for (MicroBatcher b : batchers.values()) {
                b.close(STOP_MILLIS);
            }
            if (accessLog != null) {
                accessLog.close();
            }
        } catch (IOException e) {
            // The access log could not be flushed: nothing left to tell a client.
        } finally {
            stopped.countDown();
        }
    }
}
