package news.forum.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Slow clients: a request must arrive whole, headers and body, within {@code forum.http.request-timeout} of its
 * first byte (or of the connection opening), or the connection is closed. Netty's idle timeouts alone do not
 * catch a client that trickles one byte at a time, since every byte counts as activity. The clock runs on the
 * connection's event loop: a slow client costs a socket and a timer, never a thread.
 */
@Singleton
@Requires(beans = NettyServerCustomizer.Registry.class)
final class RequestDeadline implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    private static final Logger LOG = LoggerFactory.getLogger(RequestDeadline.class);

    private final long timeoutNanos;

    RequestDeadline(@Value("${forum.http.request-timeout:15s}") Duration timeout) {
        this.timeoutNanos = timeout.toNanos();
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new NettyServerCustomizer() {
            @Override
            public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
                return role == ChannelRole.CONNECTION ? new PerConnection(channel) : this;
            }
        });
        return event.getBean();
    }

    /** Puts a watcher before the HTTP/1 codec (bytes arriving) and one after it (a request read to its end). */
    private final class PerConnection implements NettyServerCustomizer {

        private final Channel channel;

        PerConnection(Channel channel) {
            this.channel = channel;
        }

        @Override
        public void onStreamPipelineBuilt() {
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC) == null
                    || pipeline.get("request-deadline-bytes") != null) {
                return;
            }
            Clock clock = new Clock(timeoutNanos);
            pipeline.addBefore(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, "request-deadline-bytes", new BytesIn(clock));
            pipeline.addAfter(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, "request-deadline-requests", new RequestsIn(clock));
        }
    }

    /** One per connection, used only on its event loop. */
    private static final class Clock {

        private final long timeoutNanos;
        private ScheduledFuture<?> deadline;

        Clock(long timeoutNanos) {
            this.timeoutNanos = timeoutNanos;
        }

        void start(ChannelHandlerContext ctx) {
            if (deadline == null && ctx.channel().isOpen()) {
                deadline = ctx.executor().schedule(() -> {
                    LOG.debug("Closing {}: no whole request within {} ms", ctx.channel().remoteAddress(),
                            TimeUnit.NANOSECONDS.toMillis(timeoutNanos));
                    ctx.channel().close();
                }, timeoutNanos, TimeUnit.NANOSECONDS);
            }
        }

        void stop() {
            if (deadline != null) {
                deadline.cancel(false);
                deadline = null;
            }
        }
    }

    /** Starts the clock when the connection opens and whenever bytes arrive with no request in progress. */
    private static final class BytesIn extends ChannelInboundHandlerAdapter {

        private final Clock clock;

        BytesIn(Clock clock) {
            this.clock = clock;
        }

        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            clock.start(ctx);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            clock.start(ctx);
            ctx.fireChannelRead(msg);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            clock.stop();
            ctx.fireChannelInactive();
        }
    }

    /** Stops the clock once a request has been read to its last byte; the next request's first byte starts it again. */
    private static final class RequestsIn extends ChannelInboundHandlerAdapter {

        private final Clock clock;

        RequestsIn(Clock clock) {
            this.clock = clock;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof HttpRequest) {
                clock.start(ctx);
            }
            if (msg instanceof LastHttpContent) {
                clock.stop();
            }
            ctx.fireChannelRead(msg);
        }
    }
}
