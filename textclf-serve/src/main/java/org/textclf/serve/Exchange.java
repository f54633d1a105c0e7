package org.textclf.serve;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.concurrent.EventExecutor;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

/**
 * One request and its answer: what the answer's metrics and access-log line need, and the writing of the answer,
 * from whichever thread has it. Answered once; the connection is closed after the answer when the client asked for
 * that (or HTTP/1.0 without keep-alive) or when the rest of the request cannot be read.
 */
final class Exchange {
    private static final String JSON = "application/json";

    private final ChannelHandlerContext ctx;
    private final Routes routes;
    final String method;
    final String path;
    private final boolean keepAlive;
    private final long start = System.nanoTime();
    String model = Metrics.NO_MODEL;
    int instances;
    long requestBytes;
    /** Whether the connection is closed after the answer whatever the client asked. */
    boolean closeAfterAnswer;
    /** The {@code Allow} header of a 405, else null. */
    String allow;
    private final Runnable onAnswered;
    private boolean answered;

    /** @param onAnswered run on the connection's event loop once the answer is written */
    Exchange(ChannelHandlerContext ctx, Routes routes, String method, String path, boolean keepAlive,
            Runnable onAnswered) {
        this.ctx = ctx;
        this.onAnswered = onAnswered;
        this.routes = routes;
        this.method = method;
        this.path = path;
        this.keepAlive = keepAlive;
    }

    /** Writes the answer (once: a second call, e.g. a timeout racing the prediction, is ignored). */
    void answer(int status, byte[] body, String contentType) {
        synchronized (this) {
            if (answered) {
                return;
            }
            answered = true;
        }
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(status), Unpooled.wrappedBuffer(body));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        if (allow != null) {
            response.headers().set(HttpHeaderNames.ALLOW, allow);
        }
        boolean closing = closeAfterAnswer || !keepAlive || routes.stopping();
        if (closing) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        } else {
            ctx.writeAndFlush(response);
        }
        routes.answered(this, status, body.length, System.nanoTime() - start);
        if (ctx.executor().inEventLoop()) {
            onAnswered.run();
        } else {
            ctx.executor().execute(onAnswered);
        }
    }

    void json(int status, byte[] body) {
        answer(status, body, JSON);
    }

    void error(int status, String message) {
        json(status, Responses.error(message));
    }

    /** The answer to a failed prediction: its HttpError's status, 504 for a timeout, else 500. */
    void fail(Throwable e, int timeoutMillis) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof HttpError h) {
            error(h.status(), h.getMessage());
        } else if (cause instanceof TimeoutException) {
            error(504, "no answer within " + timeoutMillis + " ms (--timeout-ms); the server is overloaded or the"
                    + " texts are very long");
        } else {
            error(500, "prediction failed: " + cause);
        }
    }

    /** The event loop of the connection: the thread that read the request. */
    EventExecutor loop() {
        return ctx.executor();
    }

    /** The client's address, for the access log. */
    String remote() {
        SocketAddress a = ctx.channel().remoteAddress();
        return a instanceof InetSocketAddress i ? i.getAddress().getHostAddress() : String.valueOf(a);
    }
}
