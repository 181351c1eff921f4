package news.forum.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.MediaType;
import io.micronaut.http.server.netty.DefaultHttpCompressionStrategy;
import io.micronaut.http.server.netty.HttpCompressionStrategy;
import io.micronaut.http.server.netty.configuration.NettyHttpServerConfiguration;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import jakarta.inject.Singleton;

/**
 * Micronaut's compression rule (text of unknown length or above the threshold), except for event streams: a
 * compressor holds back the small events of a Server-Sent Events stream until it has enough to send, so a browser
 * asking for gzip (every browser does) would see nothing arrive.
 */
@Singleton
@Replaces(DefaultHttpCompressionStrategy.class)
final class EventStreamsUncompressed implements HttpCompressionStrategy {

    private final int threshold;
    private final int level;
    private final int maxZstdEncodeSize;

    EventStreamsUncompressed(NettyHttpServerConfiguration server) {
        this.threshold = server.getCompressionThreshold();
        this.level = server.getCompressionLevel();
        this.maxZstdEncodeSize = server.getMaxZstdEncodeSize();
    }

    @Override
    public boolean isEnabled() {
        return threshold >= 0;
    }

    @Override
    public boolean shouldCompress(HttpResponse response) {
        String contentType = response.headers().get(HttpHeaderNames.CONTENT_TYPE);
        long length = HttpUtil.getContentLength(response, -1);
        return isEnabled() && contentType != null && MediaType.isTextBased(contentType)
                && !contentType.startsWith(MediaType.TEXT_EVENT_STREAM)
                && (length == -1 || length >= threshold);
    }

    @Override
    public int getCompressionLevel() {
        return level;
    }

    @Override
    public int getMaxZstdEncodeSize() {
        return maxZstdEncodeSize;
    }
}
