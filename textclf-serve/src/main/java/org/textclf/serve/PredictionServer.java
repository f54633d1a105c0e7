package org.textclf.serve;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code textclf serve}: the models, their batchers and the HTTP server around them (Netty's HTTP/1.1 codec on
 * {@code --threads} event loops, which read, predict and write). {@link #start} returns once every model is loaded
 * and the port is open; {@link #close} stops accepting, lets in-flight requests finish (at most {@value
 * #STOP_MILLIS} ms) and stops.
 */
public final class PredictionServer implements AutoCloseable {
    /** How long a graceful stop waits for in-flight requests. */
    static final long STOP_MILLIS = 10_000;

    private final EventLoopGroup loops;
    private final ModelRegistry registry;
    private final Map<String, LoopBatcher> batchers;
    private final Routes routes;
    private final AccessLog accessLog;
    private final String host;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private Channel listener;

    private PredictionServer(EventLoopGroup loops, ModelRegistry registry, Map<String, LoopBatcher> batchers,
            Routes routes, AccessLog accessLog, String host) {
        this.loops = loops;
        this.registry = registry;
        this.batchers = batchers;
        this.routes = routes;
        this.accessLog = accessLog;
        this.host = host;
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
        Map<String, LoopBatcher> batchers = new LinkedHashMap<>();
        for (ModelSource m : models) {
            batchers.put(m.name(), new LoopBatcher(m.name(), () -> registry.current(m.name()), metrics, options));
        }
        AccessLog accessLog = AccessLog.open(options);
        Routes routes = new Routes(registry, batchers, metrics, accessLog, options);
        EventLoopGroup loops = new MultiThreadIoEventLoopGroup(options.threads(),
                new DefaultThreadFactory("textclf-serve-http", true), NioIoHandler.newFactory());
        PredictionServer ps = new PredictionServer(loops, registry, batchers, routes, accessLog, options.host());
        ServerBootstrap bootstrap = new ServerBootstrap().group(loops).channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new HttpServerCodec(),
                                new HttpConnection(routes, options.maxBodyBytes()));
                    }
                });
        ChannelFuture bound = bootstrap.bind(options.host(), options.port()).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            ps.close();
            Throwable e = bound.cause();
            if (e instanceof BindException || e instanceof java.net.SocketException) {
                throw new IOException("cannot listen on " + options.host() + ":" + options.port() + ": "
                        + e.getMessage() + "; choose another --port (0 picks a free one)", e);
            }
            throw e instanceof IOException io ? io : new IOException(String.valueOf(e.getMessage()), e);
        }
        ps.listener = bound.channel();
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
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    /** {@code textclf: serving imdb, ag_news on http://127.0.0.1:8501}: what tests and scripts wait for. */
    public String readyLine() {
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
            if (listener != null) {
                listener.close().awaitUninterruptibly();
            }
            routes.stop(STOP_MILLIS); // what remains in flight after that is abandoned
            for (LoopBatcher b : batchers.values()) {
                b.close(STOP_MILLIS);
            }
            loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
            if (accessLog != null) {
                accessLog.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The access log could not be flushed: nothing left to tell a client.
        } finally {
            stopped.countDown();
        }
    }
}
