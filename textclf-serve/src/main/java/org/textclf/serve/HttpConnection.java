package org.textclf.serve;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;

/**
 * One client connection, after Netty's HTTP/1.1 codec: gathers each request's body (at most {@code --max-body-bytes};
 * a longer one is answered 413 and the rest of it read and dropped, so the connection stays usable) and hands the
 * whole request to {@link Routes} on this connection's event loop. One request at a time: a client that pipelines
 * gets its answers in the order of its requests (a prediction is answered after the batch, a health check at once),
 * and at most {@value #MAX_PIPELINED} wait before the connection stops being read.
 */
final class HttpConnection extends ChannelInboundHandlerAdapter {
    private static final int MAX_PIPELINED = 16;

    private final Routes routes;
    private final int maxBodyBytes;
    /** Whether a request of this connection is being answered; those read meanwhile wait in {@link #waiting}. */
    private boolean busy;
    private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
    private ChannelHandlerContext ctx;
    private final Runnable answered = this::answered;
    private Exchange exchange;
    private ByteBuf body;
    /** Whether the rest of the current request's body is dropped: it was answered already. */
    private boolean discarding;

    HttpConnection(Routes routes, int maxBodyBytes) {
        this.routes = routes;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof HttpRequest request) {
                begin(ctx, request);
            }
            if (msg instanceof HttpContent content && exchange != null && !discarding) {
                add(content.content());
            }
            if (msg instanceof LastHttpContent) {
                end();
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void begin(ChannelHandlerContext ctx, HttpRequest request) {
        release();
        discarding = false;
        if (request.decoderResult().isFailure()) {
            // A request line or headers the codec could not read: nothing after it on this connection can be trusted.
            Exchange x = new Exchange(ctx, routes, request.method().name(), "-", false, answered);
            String why = String.valueOf(request.decoderResult().cause().getMessage());
            dispatch(() -> routes.handleMalformed(x, why));
            exchange = null;
            discarding = true;
            return;
        }
        exchange = new Exchange(ctx, routes, request.method().name(), new QueryStringDecoder(request.uri()).path(),
                HttpUtil.isKeepAlive(request), answered);
        long length = HttpUtil.getContentLength(request, -1L);
        if (length > maxBodyBytes) {
            // A client that waits for 100 Continue sends no body: the connection cannot be read on after it.
            exchange.closeAfterAnswer = HttpUtil.is100ContinueExpected(request);
            tooLarge(length + " bytes");
            return;
        }
        int initial = length > 0 ? (int) length : 256;
        body = ctx.alloc().heapBuffer(initial);
        if (HttpUtil.is100ContinueExpected(request)) {
            ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE,
                    Unpooled.EMPTY_BUFFER));
        }
    }

    private void add(ByteBuf content) {
        if (body.readableBytes() + content.readableBytes() > maxBodyBytes) {
            tooLarge("more than " + maxBodyBytes + " bytes");
            return;
        }
        body.writeBytes(content);
    }

    private void tooLarge(String size) {
        Exchange x = exchange;
        release();
        discarding = true;
        dispatch(() -> routes.tooLarge(x, size));
    }

    private void end() {
        if (exchange != null && !discarding) {
            Exchange x = exchange;
            byte[] bytes = ByteBufUtil.getBytes(body);
            release();
            exchange = null;
            dispatch(() -> routes.handle(x, bytes));
        }
        exchange = null;
        discarding = false;
    }

    /** Answers {@code request} now, or after the ones before it when one is being answered. */
    private void dispatch(Runnable request) {
        if (busy) {
            waiting.add(request);
            if (waiting.size() >= MAX_PIPELINED) {
                ctx.channel().config().setAutoRead(false);
            }
            return;
        }
        busy = true;
        request.run();
    }

    /** The request being answered has been: the next waiting one goes. On this connection's event loop. */
    private void answered() {
        busy = false;
        Runnable next = waiting.poll();
        if (waiting.size() == MAX_PIPELINED - 1) {
            ctx.channel().config().setAutoRead(true);
        }
        if (next != null) {
            dispatch(next);
        }
    }

    private void release() {
        if (body != null) {
            body.release();
            body = null;
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        release();
        waiting.clear(); // read but not begun: nobody is left to answer
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A connection reset or a broken pipe: that client is gone; the others are not affected.
        release();
        ctx.close();
    }
}
